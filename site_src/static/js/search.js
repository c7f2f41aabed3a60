// Site search, in the browser and offline: MiniSearch over the build's index (page sections,
// catalogue entries with their everyday names, and common certificates that are in neither
// catalogue, with the reason). Chinese has no spaces, so Han runs are indexed as single
// characters and character pairs; Latin letters and digits as words (docs/search.md).
// Documents whose name is the query, then whose everyday name is, then whose name starts with
// it, then contains it, come first (the same order as calculator.catalogues.suggest).
import { KINDS, Names, searchKey } from "./names.js";

const form = document.querySelector("form[data-search-index]");
const input = document.getElementById("search-q");
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const MAX_RESULTS = 30;
const HAN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

function hanTokens(run, withSingles) {
  const chars = [...run];
  const tokens = withSingles || chars.length === 1 ? [...chars] : [];
  for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(chars[i] + chars[i + 1]);
  return tokens;
}

function tokenize(text, withSingles = true) {
  const normal = (text || "").normalize("NFKC").toLowerCase();
  const tokens = [];
  for (const run of normal.match(HAN) || []) tokens.push(...hanTokens(run, withSingles));
  for (const word of normal.replace(HAN, " ").match(WORD) || []) tokens.push(word);
  return tokens;
}

function queryTerms(query) {
  const normal = query.normalize("NFKC").toLowerCase();
  return [...(normal.match(HAN) || []), ...(normal.replace(HAN, " ").match(WORD) || [])];
}

// Names compared and ranked as calculator.catalogues does (names.js).
const fold = searchKey;
const NO_NAME = 4;

// How well the query names a document: 0 its name, 1 an everyday name, 2 a name starting with
// the query, 3 a name containing it (for a name given with its words, doc.words, only where a
// word starts: 电工 is not in 水利水电工程), NO_NAME none; with the length of that name.
function nameMatch(doc, query) {
  doc.matching ??= {
    names: new Names({ words: doc.words ? { [doc.names[0]]: doc.words } : {} }),
    keyed: [...(doc.names || []).map((n) => [n, fold(n), 0]), ...(doc.aka || []).map((n) => [n, fold(n), 1])],
  };
  const best = doc.matching.names.bestMatch(query, doc.matching.keyed);
  return best
    ? { rank: best.rank, length: best.length, name: best.matched }
    : { rank: NO_NAME, length: Infinity, name: null };
}

// A catalogue name given with its words that holds the query only across a word (电工 in
// 水利水电工程), and no other field of it holding the query, is not a result.
function acrossAWord(doc, folded) {
  if (!doc.words || !folded) return false;
  if (nameMatch(doc, folded).rank !== NO_NAME) return false;
  return ![doc.text, ...(doc.aka || [])].some((field) => fold(field).includes(folded));
}

function byName(results, docs, query) {
  const folded = fold(query);
  const kept = results.filter((hit) => !acrossAWord(docs[hit.id], folded));
  const ranked = kept.map((hit, order) => ({
    hit,
    order,
    match: folded ? nameMatch(docs[hit.id], folded) : { rank: NO_NAME },
  }));
  ranked.sort((a, b) => {
    if (a.match.rank !== b.match.rank) return a.match.rank - b.match.rank;
    if (a.match.rank === NO_NAME) return a.order - b.order;
    if (a.match.length !== b.match.length) return a.match.length - b.match.length;
    const kinds = KINDS.indexOf(docs[a.hit.id].kind) - KINDS.indexOf(docs[b.hit.id].kind);
    return kinds || a.order - b.order;
  });
  return ranked.map(({ hit, match }) => ({ ...hit, matched: match.name }));
}

function snippetParts(text, terms) {
  const lower = text.toLowerCase();
  let first = -1;
  for (const term of terms) {
    const at = lower.indexOf(term);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = Math.max(0, first - 30);
  const piece = (start > 0 ? "…" : "") + text.slice(start, start + 110) + (start + 110 < text.length ? "…" : "");
  return highlight(piece, terms);
}

function highlight(text, terms) {
  const sorted = [...terms].filter(Boolean).sort((a, b) => b.length - a.length);
  const escaped = sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (!escaped.length) return [text];
  const pattern = new RegExp(`(${escaped.join("|")})`, "giu");
  return text.split(pattern).map((part, i) => (i % 2 ? { mark: part } : part));
}

function render(parts, into) {
  for (const part of parts) {
    if (typeof part === "string") into.append(part);
    else {
      const mark = document.createElement("mark");
      mark.textContent = part.mark;
      into.append(mark);
    }
  }
}

function show(results, docs, query, exact) {
  list.replaceChildren();
  const terms = queryTerms(query);
  for (const hit of results.slice(0, MAX_RESULTS)) {
    const doc = docs[hit.id];
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = doc.url;
    // A not-counted certificate or title found by one of its other names is shown by that name.
    const aside = doc.names?.length === 0 && hit.matched && hit.matched !== doc.title;
    render(highlight(aside ? `${hit.matched}（${doc.title}）` : doc.title, terms), link);
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = doc.page === doc.title ? doc.url.split("#")[0] : doc.page;
    const snippet = document.createElement("p");
    snippet.className = "snippet";
    // The reason a certificate does not count is short and is shown whole.
    if (doc.kind === "not_counted" || doc.kind === "title") render(highlight(doc.text, terms), snippet);
    else render(snippetParts(doc.text, terms), snippet);
    item.append(link, where, snippet);
    list.append(item);
  }
  const shown = results.length > MAX_RESULTS ? `，显示前 ${MAX_RESULTS} 条` : "";
  if (!results.length) {
    statusLine.textContent = `没有找到与“${query}”相关的内容。换个说法试试，或只输入两三个字。`;
  } else if (exact) {
    statusLine.textContent = `找到 ${results.length} 条结果${shown}。`;
  } else {
    statusLine.textContent = `没有完全符合“${query}”的内容，下面是 ${results.length} 条部分相符的结果${shown}。`;
  }
}

async function start() {
  statusLine.textContent = "正在载入搜索索引…";
  const [{ default: MiniSearch }, response] = await Promise.all([
    import(form.dataset.minisearch),
    fetch(form.dataset.searchIndex),
  ]);
  const { docs } = await response.json();
  const engine = new MiniSearch({
    // names: a catalogue entry's name and other names; aka: its everyday names.
    fields: ["title", "names", "aka", "page", "text"],
    extractField: (doc, field) => (Array.isArray(doc[field]) ? doc[field].join(" ") : doc[field]),
    tokenize: (text) => tokenize(text, true),
    processTerm: (term) => term,
    // Queries below arrive already split into terms. Latin words match as prefixes while they
    // are typed ("cp" finds CPA).
    searchOptions: {
      boost: { title: 3, names: 4, aka: 4, page: 1.5 },
      prefix: (term) => /^[a-z0-9]+$/.test(term),
      tokenize: (term) => [term],
      processTerm: (term) => term,
    },
  });
  engine.addAll(docs);

  function run(query) {
    const trimmed = query.trim();
    if (!trimmed) {
      list.replaceChildren();
      statusLine.textContent = "请输入要找的内容。";
      return;
    }
    // Prefer documents holding every character pair of the query (close to a phrase match);
    // fall back to any of them, then to single characters.
    const pairs = tokenize(trimmed, false);
    let results = byName(engine.search({ queries: pairs, combineWith: "AND" }), docs, trimmed);
    const exact = results.length > 0;
    if (!exact) results = byName(engine.search({ queries: pairs, combineWith: "OR" }), docs, trimmed);
    show(results, docs, trimmed, exact);
  }

  // The query travels after "#", which browsers never send to the server (?q= is read too,
  // for the form's no-script fallback).
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("q");
  const initial = fromHash ?? new URLSearchParams(location.search).get("q") ?? "";
  input.value = initial;
  run(initial);
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), 120);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.search = "";
    url.hash = new URLSearchParams({ q: input.value.trim() }).toString();
    history.replaceState(null, "", url);
    run(input.value);
  });
  // The header box on this same page only changes the "#q=" part.
  window.addEventListener("hashchange", () => {
    const query = new URLSearchParams(location.hash.slice(1)).get("q");
    if (query !== null) {
      input.value = query;
      run(query);
    }
  });
  form.dataset.ready = "true";
}

if (form) {
  start().catch(() => {
    statusLine.textContent = "搜索索引载入失败。请检查网络后刷新页面。";
  });
}
