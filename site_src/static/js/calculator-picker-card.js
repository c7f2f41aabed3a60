// What the credential picker shows: each suggestion in the list, and the card under the
// field saying what the name typed is worth and which conditions apply, with the buttons that
// move a row to the type the name belongs to (a title, the other catalogue, an overseas
// qualification). `catalogue`: the PickerCatalogue (calculator-picker-match.js). The names of
// the levels, the catalogues and the credential types are the engine's (vocabulary.js).
import { OTHER } from "./calculator-picker-match.js";
import { el } from "./dom.js";
import { EXACT_EVERYDAY, searchKey } from "./names.js";
import { names, entry as vocabularyEntry } from "./vocabulary.js";

const confirmationHint = (id) => vocabularyEntry("confirmations", id).hint || "";
const titleLevel = (level) => names("title_levels")[level] || "";
// The catalogue of a kind ("skill", "qualification", "overseas") as the picker names it.
const catalogueName = (kind) => vocabularyEntry("catalogues", kind).short || "";

// The other catalogue's entry, in words: where it belongs and what to do.
const ELSEWHERE = {
  skill: { what: "技能等级证书的职业（工种）", button: "改按技能等级证书填写" },
  qualification: { what: "专业技术类职业资格", button: "改按职业资格填写" },
};

// A note on the card followed by its one button (data: the button's data-* attributes, which
// say what the picker does when it is pressed).
function withButton(note, text, data) {
  return [
    note,
    el("div", { className: "button-row" }, el("button", { type: "button", className: "secondary", ...data, text })),
  ];
}

export function optionContent(suggestion, typed) {
  const { target, rank, matched } = suggestion;
  const entry = target.entry;
  if (target.kind === "title") {
    return [
      el("span", { text: `${matched} → 选「职称·${titleLevel(entry.level)}」` }),
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
  const meta = [how, elsewhere, entry.equivalent_title ? `相当于${entry.equivalent_title}` : ""]
    .filter(Boolean)
    .join(" · ");
  return [el("span", { text: entry.name }), meta ? el("span", { className: "option-meta", text: meta }) : null];
}

function entryCard(catalogue, kind, entry, text, row) {
  const points = catalogue.points;
  const lines = [el("p", {}, el("strong", { text: entry.name }), document.createTextNode(` · 目录第 ${entry.no} 项`))];
  if (searchKey(text) !== searchKey(entry.name)) {
    lines.push(el("p", { text: `你输入的“${text.trim()}”即目录中的“${entry.name}”。` }));
  }
  if (!catalogue.engineFinds(kind, entry, text)) {
    lines.push(
      ...withButton(el("p", { text: `计算时按目录中的名称识别，请改用“${entry.name}”。` }), `改为“${entry.name}”`, {
        "data-use-name": entry.name,
      }),
    );
  }
  if (kind === "qualification") {
    lines.push(
      el("p", {
        text: `相当于中级职称（${entry.equivalent_title || "中级"}），可计 ${points.qualification ?? ""} 分。`,
      }),
      el("p", { text: `条件：证书与受聘岗位相符；${points.base_test}。` }),
    );
    if (entry.registration_required) lines.push(el("p", { text: `${confirmationHint("registered")}。` }));
    return lines;
  }
  const level = row?.querySelector('select[name$=".level"][data-kind="int"]')?.value;
  lines.push(
    el("p", { text: levelWorth(points, level, row?.dataset.levelWorth) }),
    el("p", {
      text: `条件：与受聘岗位相符；${points.skill_base_test}还须${points.base_test}；外省市取得的${points.skill_outside}须经本市核验，其他等级不计分。`,
    }),
  );
  return lines;
}

// What the skill level chosen gives. A level that needs the base test: at the person's own
// base once the engine has said (`known`, the row's data-level-worth: {level, points}, written by
// CertificateNotes), until then with its condition.
export function levelWorth(points, level, known) {
  const full = level && points.skill ? points.skill[level] : null;
  if (!full) return `在目录中，${points.skill_catalogue}可计分。`;
  if (!(points.skill_base_test_levels || []).includes(Number(level))) return `按你选的等级可计 ${full} 分。`;
  let atBase = null;
  try {
    const worth = JSON.parse(known || "null");
    if (worth && worth.level === Number(level)) atBase = worth.points;
  } catch {
    // not known yet
  }
  if (atBase === null) return `按你选的等级，${points.base_test}时可计 ${full} 分。`;
  if (atBase >= full) return `按你选的等级，以你现在的缴费基数可计 ${full} 分。`;
  return `按你选的等级，以你现在的缴费基数计 ${atBase} 分：须${points.base_test}，满足后可计 ${full} 分。`;
}

// The overseas list's level is optional (D25): 中级 unless the list says 高级.
function overseasHint() {
  const level = names("overseas_levels");
  return withButton(
    el("p", {
      text: `如果这是境外取得的职业资格证书，请在“证书类别”中选“${vocabularyEntry("credential_types", "overseas").option}”，按${catalogueName("overseas")}填写类别；对应的职称等级可以不选，不选按${level.intermediate}计，清单写明${level.senior}的选“${level.senior}”。`,
    }),
    "改按境外职业资格填写",
    { "data-to-overseas": true },
  );
}

// The card for the text in a field. While the person is still choosing (suggestions open, or
// typing), it only confirms an entry the text names exactly: whether a name is in a catalogue
// is said once the list is closed.
export function card(catalogue, kind, text, choosing, row) {
  if (!text.trim()) return [];
  const exact = catalogue.exactMatch(kind, text);
  if (exact && exact.target.kind === kind) return entryCard(catalogue, kind, exact.target.entry, text, row);
  if (choosing) return [];
  if (exact && exact.target.kind === "title") {
    const { level, reason } = exact.target.entry;
    return withButton(
      el("p", {}, el("strong", { text: `“${text.trim()}”是职称` }), document.createTextNode(`：${reason}`)),
      `改按「职称·${titleLevel(level)}」填写`,
      { "data-to-title": level },
    );
  }
  if (exact && exact.target.kind === OTHER[kind]) {
    const { entry, kind: belongs } = exact.target;
    const where = ELSEWHERE[belongs];
    return withButton(
      el(
        "p",
        {},
        el("strong", { text: `“${text.trim()}”是${where.what}` }),
        document.createTextNode(
          `：${catalogueName(belongs)}第 ${entry.no} 项“${entry.name}”，不在${catalogueName(kind)}中。${where.button}，才能按目录计分。`,
        ),
      ),
      where.button,
      { "data-to-kind": belongs, "data-name": entry.name },
    );
  }
  if (exact) {
    const { name, reason } = exact.target.entry;
    const lines = [
      el(
        "p",
        {},
        el("strong", { text: `${text.trim()}${searchKey(text) === searchKey(name) ? "" : `（${name}）`}` }),
        document.createTextNode(`：${reason}`),
      ),
    ];
    if (kind === "qualification" && reason.includes("境外职业资格")) lines.push(...overseasHint().slice(1));
    return lines;
  }
  if (kind !== "qualification") {
    return [
      el("p", {
        text: `“${text.trim()}”不在${catalogueName("skill")}中：技能${catalogue.points.skill_catalogue}按规则不计分（其他等级不受影响）。请从搜索结果中选择，或核对证书上的职业名称。`,
      }),
    ];
  }
  // The overseas recognition list is not in this site's data: point to its own type.
  return [
    el("p", {
      text: `“${text.trim()}”不在${catalogueName("qualification")}中，按规则不计分。请从搜索结果中选择，或核对证书上的名称。`,
    }),
    ...overseasHint(),
  ];
}

// Turns a credential row into an overseas one, keeping the name typed as the certificate's.
export function switchToOverseas(row, name) {
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
export function switchToKind(row, kind, name) {
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
export function switchToTitle(row, level) {
  const type = row?.querySelector('select[name$=".type"]');
  const levelSelect = row?.querySelector('[data-when$=".type=title"] select[name$=".level"]');
  if (!type || !levelSelect) return;
  type.value = "title";
  levelSelect.value = level;
  type.dispatchEvent(new Event("change", { bubbles: true }));
  levelSelect.focus();
}
