// Certificate names as people type them, matched and ranked as the engine does
// (calculator.catalogues: normalise_name, search_key, split_level, suggest). Used by the
// calculator's picker and the site search; tests/js/names.test.mjs and
// tests/engine/test_names_js.py hold it to the engine's ranking for every name.

// Suggestion kinds, in the order they are listed when everything else is equal.
export const KINDS = ["skill", "qualification", "title", "not_counted"];
// How a text matches a name, best first (calculator.catalogues.MATCHES).
const EXACT_NAME = 0;
export const EXACT_EVERYDAY = 1;
export const PREFIX = 2;
const SUBSTRING = 3;
export const MATCHES = ["name", "everyday", "prefix", "substring"];

// normalise_name: width, spaces and letter case do not matter.
export const normalName = (text) =>
  String(text ?? "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .toLowerCase();
// search_key: nor do brackets and separators.
const LOOSE = /[()[\]【】〔〕<>《》“”"'·・、,，.。:：;；/\\_\-—–]/g;
export const searchKey = (text) => normalName(text).replace(LOOSE, "");

const withoutCertificate = (key) =>
  key.endsWith("证书") ? key.slice(0, -2) : key.endsWith("证") ? key.slice(0, -1) : key;

// What the ranking needs besides the names: data = {level_words: [[level, [word, …]], …] (in
// the data file's order), words: {name: "name with spaces between its words"}}.
export class Names {
  constructor({ level_words: levelWords = [], words = {} } = {}) {
    // (word, level), longest first (高级技师 before 技师 and 高级).
    this.levelWords = levelWords
      .flatMap(([level, list]) => list.map((word) => [searchKey(word), Number(level)]))
      .sort((a, b) => b[0].length - a[0].length);
    // search_key of a name given with its words -> where in it a word starts.
    this.wordStarts = new Map();
    for (const [name, split] of Object.entries(words)) {
      const starts = new Set();
      let at = 0;
      for (const word of split.split(/\s+/).filter(Boolean)) {
        starts.add(at);
        at += searchKey(word).length;
      }
      this.wordStarts.set(searchKey(name), starts);
    }
  }

  // split_level: the text without a level word before or after it, and that level
  // (维修电工三级 → ["维修电工", 3]); [searchKey(text), null] when it names none.
  splitLevel(text) {
    const key = searchKey(text);
    if (this.levelWords.some(([word]) => key === word)) return [key, null];
    for (const [word, level] of this.levelWords) {
      let rest = null;
      if (key.startsWith(word)) rest = key.slice(word.length);
      else {
        const bare = withoutCertificate(key);
        if (bare.endsWith(word)) rest = bare.slice(0, -word.length);
      }
      if (rest !== null) {
        rest = withoutCertificate(rest);
        if (rest) return [rest, level];
      }
    }
    return [key, null];
  }

  // A name containing `query` (both search keys): for a name given with its words, only where
  // a word starts (电工 is not in 水利水电工程).
  inside(query, key) {
    const starts = this.wordStarts.get(key);
    if (!starts) return key.includes(query);
    for (let at = key.indexOf(query); at >= 0; at = key.indexOf(query, at + 1)) if (starts.has(at)) return true;
    return false;
  }

  // The best way `query` (a search key) matches `names` ([[name, key, exact rank]], official
  // names first): {rank, length, matched} or null.
  bestMatch(query, names) {
    let best = null;
    for (const [name, key, exactRank] of names) {
      let rank;
      if (key === query) rank = exactRank;
      else if (key.startsWith(query)) rank = PREFIX;
      else if (this.inside(query, key)) rank = SUBSTRING;
      else continue;
      if (!best || rank < best.rank || (rank === best.rank && key.length < best.length)) {
        best = { rank, length: key.length, matched: name };
      }
    }
    return best;
  }

  // suggest() without its limit: every target `text` matches, best first, as
  // [{target, rank, matched, skillLevel?}]. targets: [{kind, names, skillLike, …}] in KINDS
  // order (targets() below); a text with a level word is also matched without it against
  // the targets that are skill-like, ranked after the whole text's matches of that rank.
  rank(text, targets) {
    const query = searchKey(text);
    if (!query) return [];
    const [rest, level] = this.splitLevel(text);
    const found = [];
    targets.forEach((target, position) => {
      let best = this.bestMatch(query, target.names);
      let stripped = 0;
      if (level !== null && target.skillLike) {
        const without = this.bestMatch(rest, target.names);
        if (without && (!best || without.rank < best.rank)) {
          best = without;
          stripped = 1;
        }
      }
      if (!best) return;
      const order = [best.rank, stripped, best.length, KINDS.indexOf(target.kind), position];
      found.push({ target, rank: best.rank, matched: best.matched, ...(stripped ? { skillLevel: level } : {}), order });
    });
    found.sort((a, b) => {
      for (let i = 0; i < a.order.length; i++) if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
      return 0;
    });
    return found;
  }
}

// Every suggestion target of the catalogue data (#catalogue-data: skills, qualifications,
// titles, not_counted), in KINDS order: {kind, entry, names: [[name, key, exact rank]],
// skillLike (an occupation, or a certificate in neither catalogue people take for a skill
// certificate)}.
export function targets(data) {
  const named = (kind, entry, official, everyday) => ({
    kind,
    entry,
    skillLike: kind === "skill" || entry.catalogue === "skill",
    names: [
      ...official.map((n) => [n, searchKey(n), EXACT_NAME]),
      ...everyday.map((n) => [n, searchKey(n), EXACT_EVERYDAY]),
    ],
  });
  return [
    ...(data.skills || []).map((e) => named("skill", e, [e.name, ...(e.alt_names || [])], e.everyday_names || [])),
    ...(data.qualifications || []).map((e) =>
      named("qualification", e, [e.name, ...(e.alt_names || [])], e.everyday_names || []),
    ),
    ...(data.titles || []).map((e) => named("title", e, [], e.names || [e.name])),
    ...(data.not_counted || []).map((e) => named("not_counted", e, [], e.names || [e.name])),
  ];
}
