// Credential picker: a combobox on the qualification-name and occupation fields that suggests
// catalogue entries by the names people use (official and alternative names, everyday names
// such as 中级会计 or 一建), names that are really titles (工程师 → 职称·中级) and common
// certificates in neither catalogue with the reason (电工证), all from #catalogue-data; and a
// card saying what the name typed is worth and which conditions apply. Matching and ranking
// follow the engine's calculator.catalogues.search_key and suggest().
import { el } from "./calculator-result.js";

const MAX_OPTIONS = 12;
// Suggestion kinds, in the order they are listed when everything else is equal.
const KINDS = ["skill", "qualification", "title", "not_counted"];
// How a suggestion matched, best first: exact official or alternative name, exact everyday
// name, prefix of any name, part of any name.
const EXACT_NAME = 0;
const EXACT_EVERYDAY = 1;
const PREFIX = 2;
const SUBSTRING = 3;
const TITLE_LEVELS = { intermediate: "中级", senior: "高级" };
// Which kinds each field offers: the qualification field qualifications, titles and
// not-counted certificates one would look for there; the occupation field skills and theirs.
// A name of the other catalogue (维修电工 typed as a qualification, CPA as an occupation) is
// offered too when it matches exactly or from its start, to move the row to that type.
const OTHER = { qualification: "skill", skill: "qualification" };
const OFFERED = {
  qualification: (t) => t.kind === "qualification" || t.kind === "title"
    || (t.kind === "not_counted" && ["qualification", "other"].includes(t.entry.catalogue)),
  skill: (t) => t.kind === "skill"
    || (t.kind === "not_counted" && ["skill", "other"].includes(t.entry.catalogue)),
};

let data = null;
function catalogues() {
  if (data) return data;
  try {
    data = JSON.parse(document.getElementById("catalogue-data")?.textContent || "{}");
  } catch {
    data = {};
  }
  for (const key of ["qualifications", "skills", "titles", "not_counted"]) data[key] ??= [];
  data.points ??= {};
  return data;
}

// calculator.catalogues.normalise_name: width, spaces and letter case do not matter.
const normal = (text) => String(text ?? "").normalize("NFKC").replace(/\s+/g, "").toLowerCase();
// calculator.catalogues.search_key: nor do brackets and separators.
const LOOSE = /[()[\]【】〔〕<>《》“”"'·・、,，.。:：;；/\\_\-—–]/g;
const searchKey = (text) => normal(text).replace(LOOSE, "");

let allTargets = null;
// Every suggestion target in KINDS order: {kind, entry, names: [[name, key, exactRank]], position}.
function targets() {
  if (allTargets) return allTargets;
  const d = catalogues();
  const named = (kind, entry, official, everyday) => ({
    kind,
    entry,
    names: [
      ...official.map((n) => [n, searchKey(n), EXACT_NAME]),
      ...everyday.map((n) => [n, searchKey(n), EXACT_EVERYDAY]),
    ].filter(([, key]) => key),
  });
  allTargets = [
    ...d.skills.map((e) => named("skill", e, [e.name, ...(e.alt_names || [])], e.everyday_names || [])),
    ...d.qualifications.map((e) => named("qualification", e, [e.name, ...(e.alt_names || [])], e.everyday_names || [])),
    ...d.titles.map((e) => named("title", e, [], e.names || [e.name])),
    ...d.not_counted.map((e) => named("not_counted", e, [], e.names || [e.name])),
  ];
  allTargets.forEach((t, i) => {
    t.position = i;
  });
  return allTargets;
}

// The best way `query` (a search key) matches a target: {rank, length, matched} or null.
function bestMatch(query, target) {
  let best = null;
  for (const [name, key, exactRank] of target.names) {
    let rank;
    if (key === query) rank = exactRank;
    else if (key.startsWith(query)) rank = PREFIX;
    else if (key.includes(query)) rank = SUBSTRING;
    else continue;
    if (!best || rank < best.rank || (rank === best.rank && key.length < best.length)) {
      best = { rank, length: key.length, matched: name };
    }
  }
  return best;
}

// Ranked suggestions for what was typed in a field of `kind` ("qualification" or "skill"):
// [{target, rank, matched}], one per entry, at most MAX_OPTIONS. An exact not-counted name is
// always among them, whichever catalogue one would look for it in.
function suggest(kind, text) {
  const query = searchKey(text);
  if (!query) return [];
  const found = [];
  for (const target of targets()) {
    const best = bestMatch(query, target);
    if (!best) continue;
    const exactNotCounted = target.kind === "not_counted" && best.rank <= EXACT_EVERYDAY;
    const other = target.kind === OTHER[kind];
    if (other ? best.rank > PREFIX : !OFFERED[kind](target) && !exactNotCounted) continue;
    found.push({ target, ...best, other, order: [best.rank, best.length, KINDS.indexOf(target.kind), target.position] });
  }
  found.sort((a, b) => {
    for (let i = 0; i < a.order.length; i++) if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
    return 0;
  });
  return found.slice(0, MAX_OPTIONS);
}

// What a text names exactly, for the card: the field's own catalogue entry first, then a
// title (qualification field), then an entry of the other catalogue, then a not-counted
// certificate; or null.
function exactMatch(kind, text) {
  const exact = suggest(kind, text).filter((s) => s.rank <= EXACT_EVERYDAY);
  return exact.find((s) => s.target.kind === kind)
    || exact.find((s) => s.target.kind === "title" && kind === "qualification")
    || exact.find((s) => s.target.kind === OTHER[kind])
    || exact.find((s) => s.target.kind === "not_counted")
    || null;
}

// The other catalogue's entry, in words: where it belongs and what to do.
const ELSEWHERE = {
  skill: { what: "技能等级证书的职业（工种）", catalogue: "高技能人才职业目录", button: "改按技能等级证书填写" },
  qualification: { what: "专业技术类职业资格", catalogue: "专业技术类职业资格目录", button: "改按职业资格填写" },
};

// The engine finds an entry by its name, alternative or everyday names compared with
// search_key (brackets and separators do not matter): does it find `entry` for `text`?
function engineFinds(entry, text) {
  const wanted = searchKey(text);
  return [entry.name, ...(entry.alt_names || []), ...(entry.everyday_names || [])].some((n) => searchKey(n) === wanted);
}

function optionContent(suggestion, typed) {
  const { target, rank, matched } = suggestion;
  const entry = target.entry;
  if (target.kind === "title") {
    return [
      el("span", { text: `${matched} → 选「职称·${TITLE_LEVELS[entry.level] || ""}」` }),
      el("span", { className: "option-meta", text: "这是职称，按职称计分，不用查目录" }),
    ];
  }
  if (target.kind === "not_counted") {
    const shown = matched === entry.name ? matched : `${matched}（${entry.name}）`;
    return [
      el("span", { text: shown }),
      el("span", { className: "option-tag", text: "不在目录中" }),
      el("span", { className: "option-meta", text: entry.reason }),
    ];
  }
  const differs = searchKey(matched) !== searchKey(entry.name);
  const how = !differs ? "" : rank <= EXACT_EVERYDAY ? `你输入的“${typed.trim()}”` : `又称“${matched}”`;
  const elsewhere = suggestion.other ? `是${ELSEWHERE[target.kind].what}，选中后${ELSEWHERE[target.kind].button}` : "";
  const meta = [how, elsewhere, entry.equivalent_title ? `相当于${entry.equivalent_title}` : ""].filter(Boolean).join(" · ");
  return [el("span", { text: entry.name }), meta ? el("span", { className: "option-meta", text: meta }) : null];
}

function entryCard(kind, entry, text, row) {
  const points = catalogues().points;
  const lines = [el("p", {}, el("strong", { text: entry.name }), document.createTextNode(` · 目录第 ${entry.no} 项`))];
  if (searchKey(text) !== searchKey(entry.name)) {
    lines.push(el("p", { text: `你输入的“${text.trim()}”即目录中的“${entry.name}”。` }));
  }
  if (!engineFinds(entry, text)) {
    lines.push(
      el("p", { text: `计算时按目录中的名称识别，请改用“${entry.name}”。` }),
      el("div", { className: "button-row" },
        el("button", { type: "button", className: "secondary", "data-use-name": entry.name, text: `改为“${entry.name}”` })),
    );
  }
  if (kind === "qualification") {
    lines.push(
      el("p", { text: `相当于中级职称（${entry.equivalent_title || "中级"}），可计 ${points.qualification ?? ""} 分。` }),
      el("p", { text: `条件：证书与受聘岗位相符；${points.base_test}。` }),
    );
    if (entry.registration_required) lines.push(el("p", { text: "这项资格须注册，注册有效期内才计分。" }));
    return lines;
  }
  const level = row?.querySelector('select[name$=".level"][data-kind="int"]')?.value;
  const worth = level && points.skill ? points.skill[level] : null;
  lines.push(
    el("p", { text: worth ? `按你选的等级可计 ${worth} 分。` : `在目录中，${points.skill_catalogue}可计分。` }),
    el("p", { text: `条件：与受聘岗位相符；${points.skill_base_test}还须${points.base_test}；外省市取得的${points.skill_outside}须经本市核验，其他等级不计分。` }),
  );
  return lines;
}

function overseasHint() {
  return [
    el("p", { text: "如果这是境外取得的职业资格证书，请在“证书类别”中选“境外职业资格（认可清单）”，按认可清单填写类别和对应的职称等级。" }),
    el("div", { className: "button-row" },
      el("button", { type: "button", className: "secondary", "data-to-overseas": true, text: "改按境外职业资格填写" })),
  ];
}

// The card for the text in a field. While the person is still choosing (suggestions open, or
// typing), it only confirms an entry the text names exactly: whether a name is in a catalogue
// is said once the list is closed.
function card(kind, text, choosing, row) {
  if (!text.trim()) return [];
  const exact = exactMatch(kind, text);
  if (exact && exact.target.kind === kind) return entryCard(kind, exact.target.entry, text, row);
  if (choosing) return [];
  if (exact && exact.target.kind === "title") {
    const { level, reason } = exact.target.entry;
    return [
      el("p", {}, el("strong", { text: `“${text.trim()}”是职称` }), document.createTextNode(`：${reason}`)),
      el("div", { className: "button-row" },
        el("button", { type: "button", className: "secondary", "data-to-title": level, text: `改按「职称·${TITLE_LEVELS[level] || ""}」填写` })),
    ];
  }
  if (exact && exact.target.kind === OTHER[kind]) {
    const { entry, kind: belongs } = exact.target;
    const where = ELSEWHERE[belongs];
    return [
      el("p", {}, el("strong", { text: `“${text.trim()}”是${where.what}` }),
        document.createTextNode(`：${where.catalogue}第 ${entry.no} 项“${entry.name}”，不在${ELSEWHERE[kind].catalogue}中。${where.button}，才能按目录计分。`)),
      el("div", { className: "button-row" },
        el("button", { type: "button", className: "secondary", "data-to-kind": belongs, "data-name": entry.name, text: where.button })),
    ];
  }
  if (exact) {
    const { name, reason } = exact.target.entry;
    const lines = [el("p", {}, el("strong", { text: `${text.trim()}${searchKey(text) === searchKey(name) ? "" : `（${name}）`}` }),
      document.createTextNode(`：${reason}`))];
    if (kind === "qualification" && reason.includes("境外职业资格")) lines.push(...overseasHint().slice(1));
    return lines;
  }
  if (kind !== "qualification") {
    return [el("p", { text: `“${text.trim()}”不在高技能人才职业目录中：技能${catalogues().points.skill_catalogue}按规则不计分（其他等级不受影响）。请从搜索结果中选择，或核对证书上的职业名称。` })];
  }
  // The overseas recognition list is not in this site's data: point to its own type.
  return [
    el("p", { text: `“${text.trim()}”不在专业技术类职业资格目录中，按规则不计分。请从搜索结果中选择，或核对证书上的名称。` }),
    ...overseasHint(),
  ];
}

// Turns a credential row into an overseas one, keeping the name typed as the certificate's.
function switchToOverseas(row, name) {
  const type = row?.querySelector('select[name$=".type"]');
  if (!type) return;
  type.value = "overseas";
  const overseasName = row.querySelector('[data-when$=".type=overseas"] input[name$=".name"]');
  if (overseasName && !overseasName.value.trim()) overseasName.value = name.trim();
  type.dispatchEvent(new Event("change", { bubbles: true }));
  row.querySelector('[data-when$=".type=overseas"] select')?.focus();
}

// Turns a credential row into a qualification or a skill (`kind`) named `name`: a name of the
// other catalogue. A skill asks for its level next.
function switchToKind(row, kind, name) {
  const type = row?.querySelector('select[name$=".type"]');
  const input = row?.querySelector(`[data-when$=".type=${kind}"] [data-picker] input`);
  if (!type || !input) return;
  type.value = kind;
  type.dispatchEvent(new Event("change", { bubbles: true }));
  input.value = name;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  const level = kind === "skill" ? row.querySelector('[data-when$=".type=skill"] select[name$=".level"]') : null;
  (level || input).focus();
}

// Turns a credential row into a title of `level` (a name that is really a title: 工程师).
function switchToTitle(row, level) {
  const type = row?.querySelector('select[name$=".type"]');
  const levelSelect = row?.querySelector('[data-when$=".type=title"] select[name$=".level"]');
  if (!type || !levelSelect) return;
  type.value = "title";
  levelSelect.value = level;
  type.dispatchEvent(new Event("change", { bubbles: true }));
  levelSelect.focus();
}

function setup(field) {
  if (field.dataset.pickerReady) return;
  field.dataset.pickerReady = "1";
  const kind = field.dataset.picker;
  const input = field.querySelector("input");
  const list = field.querySelector('[role="listbox"]');
  const info = field.querySelector(".picker-card");
  let options = [];
  let active = -1;
  let typing = false; // typed since the list was last closed by the person

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  // The person is done choosing: the list closes and the card says what the text is.
  function settle() {
    typing = false;
    close();
    showCard();
  }

  function showCard() {
    const row = field.closest(".row");
    const children = card(kind, input.value, typing || !list.hidden, row);
    // Unchanged cards stay as they are, so a press on the card's button (which blurs the
    // input, whose change shows the card again) still reaches that button.
    const same = children.length === info.children.length
      && children.map((child) => child.textContent).join("") === info.textContent;
    if (!same) info.replaceChildren(...children);
    info.hidden = !children.length;
    // 已注册 is asked only for a qualification that must be registered.
    const registration = row?.querySelector("[data-registration]");
    if (registration && kind === "qualification") {
      const exact = exactMatch(kind, input.value);
      registration.hidden = !(exact && exact.target.kind === "qualification" && exact.target.entry.registration_required);
    }
  }

  function open() {
    options = suggest(kind, input.value);
    list.replaceChildren(
      ...options.map((option, i) => el("li", {
        id: `${input.id}-option-${i}`, role: "option", "aria-selected": "false",
        "data-kind": option.target.kind, "data-name": option.target.entry.name,
      }, ...optionContent(option, input.value))),
    );
    list.hidden = !options.length;
    input.setAttribute("aria-expanded", options.length ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    const items = [...list.children];
    items.forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
    active = index;
    if (items[index]) {
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    }
  }

  // A catalogue entry puts its official name in the field; a title or a not-counted
  // certificate the name the person knows it by, and the card then says what to do.
  function choose(index) {
    const option = options[index];
    if (!option) return;
    if (option.other) {
      settle();
      switchToKind(field.closest(".row"), option.target.kind, option.target.entry.name);
      return;
    }
    const catalogueEntry = option.target.kind === "skill" || option.target.kind === "qualification";
    input.value = catalogueEntry ? option.target.entry.name : option.matched;
    settle();
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  input.addEventListener("input", (event) => {
    if (event.isTrusted) {
      typing = true;
      open();
    }
    showCard();
  });
  input.addEventListener("focus", () => {
    open();
    showCard();
  });
  input.addEventListener("blur", () => setTimeout(() => {
    if (document.activeElement !== input) settle();
  }, 150));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (list.hidden) open();
      highlight(Math.min(active + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (event.key === "Enter" && !list.hidden) {
      // With an option highlighted Enter chooses it; otherwise it closes the list (a second
      // Enter then submits the form).
      event.preventDefault();
      if (active >= 0) choose(active);
      else settle();
    } else if (event.key === "Escape") {
      if (!list.hidden || typing) event.preventDefault();
      settle();
    }
  });
  info.addEventListener("click", (event) => {
    const row = field.closest(".row");
    const button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.toOverseas !== undefined) switchToOverseas(row, input.value);
    else if (button.dataset.toTitle) switchToTitle(row, button.dataset.toTitle);
    else if (button.dataset.toKind) switchToKind(row, button.dataset.toKind, button.dataset.name);
    else if (button.dataset.useName) {
      input.value = button.dataset.useName;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
      close();
    }
  });
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const item = event.target.closest('[role="option"]');
    if (item) choose([...list.children].indexOf(item));
  });
  field.closest(".row")?.addEventListener("change", showCard);
  showCard();
}

export function refresh() {
  for (const field of document.querySelectorAll("[data-picker]")) {
    setup(field);
    field.querySelector("input").dispatchEvent(new Event("input"));
  }
}

// Rows added later get their picker through this observer.
export function watch(form) {
  refresh();
  new MutationObserver(() => {
    for (const field of form.querySelectorAll("[data-picker]:not([data-picker-ready])")) setup(field);
  }).observe(form, { childList: true, subtree: true });
}
