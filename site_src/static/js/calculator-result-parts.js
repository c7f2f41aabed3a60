// The parts of the result card that hold no state: the breakdown by group, the application
// conditions, the warnings, the next steps, the documents' checklist and the print summary,
// each drawn from the engine's result (calculator/engine.py score_profile). The card itself,
// which says what it shows, is calculator-result.js.
import { el } from "./dom.js";
import { entry, names } from "./vocabulary.js";

// The groups of the result's lines, in display order, with their titles (the vocabulary's).
const GROUPS = ["base", "bonus", "deduction"];

function signed(points) {
  return points > 0 ? `+${points}` : String(points);
}

// A line's explanation, rule, source and the site's interpretations. The eligibility and veto
// rows are conditions: they have no rule text, and a veto no explanation.
function lineDetails(line) {
  const body = el("div", { className: "line-body" });
  if (line.explanation) body.append(el("p", { text: line.explanation }));
  const facts = el("dl", { className: "line-facts" });
  if (line.rule) facts.append(el("dt", { text: "规则" }), el("dd", { text: line.rule }));
  facts.append(el("dt", { text: "依据" }), el("dd", { text: line.source }));
  for (const decision of line.decisions) {
    facts.append(el("dt", { text: `本站解释 ${decision.id}` }), el("dd", { text: decision.text }));
  }
  body.append(facts);
  return body;
}

function lineItem(line, pointsText = `${signed(line.points)} 分`) {
  const points = el("span", { className: "line-points", text: pointsText });
  const summary = el("summary", {}, el("span", { className: "line-label", text: line.label }), points);
  const details = el("details", { className: "line", "data-line": line.id }, summary, lineDetails(line));
  return el("li", {}, details);
}

export function renderBreakdown(container, lines) {
  container.replaceChildren();
  const titles = names("groups", "title");
  for (const group of GROUPS) {
    const title = titles[group];
    const inGroup = lines.filter((l) => l.group === group);
    if (!inGroup.length) continue;
    const counted = inGroup.filter((l) => l.points !== 0);
    const zero = inGroup.filter((l) => l.points === 0);
    const subtotal = counted.reduce((sum, l) => sum + l.points, 0);
    const section = el("section", { className: "breakdown-group", "data-group": group });
    section.append(
      el(
        "h3",
        {},
        el("span", { text: title }),
        el("span", { className: "group-total", text: `${signed(subtotal)} 分` }),
      ),
    );
    if (counted.length) section.append(el("ul", { className: "lines" }, ...counted.map((l) => lineItem(l))));
    if (zero.length) {
      const folded = el("details", { className: "zero-lines" });
      folded.append(el("summary", { text: `另有 ${zero.length} 项为 0 分` }));
      folded.append(el("ul", { className: "lines" }, ...zero.map((l) => lineItem(l))));
      section.append(folded);
    }
    container.append(section);
  }
}

// Eligibility and vetoes are conditions, not points: shown after the breakdown.
export function renderEligibility(container, result) {
  const section = el("section", { className: "breakdown-group", "data-group": "eligibility" });
  section.append(
    el(
      "h3",
      {},
      el("span", { text: entry("groups", "eligibility").title }),
      el("span", { className: "group-total", text: result.eligible ? "✓ 符合" : "✗ 暂不符合" }),
    ),
  );
  const info = result.eligibility;
  const eligibility = {
    id: "eligibility",
    label: info.met ? "社保缴纳满足申请条件" : "社保缴纳暂不满足申请条件",
    explanation: info.explanation,
    source: info.source,
    decisions: info.decisions,
  };
  section.append(el("ul", { className: "lines" }, lineItem(eligibility, info.met ? "符合" : "不符合")));
  for (const veto of result.vetoes) {
    const line = { id: veto.id, label: veto.text, source: veto.source, decisions: [] };
    section.append(el("ul", { className: "lines" }, lineItem(line, "否决")));
  }
  container.append(section);
}

// "2026-07" -> "2026年7月"
function chineseMonth(label) {
  const [year, month] = label.split("-");
  return `${Number(year)}年${Number(month)}月`;
}

// How far the yardstick (社平工资) figures the engine converts yuan with are published.
export function yardstickText(info) {
  const on = info.published_on ? `（${info.published_on}公布）` : "";
  return `社平工资数据已更新到${chineseMonth(info.newest_year)}至${chineseMonth(info.published_through)}缴费年度${on}。`;
}

export function renderList(container, items) {
  container.replaceChildren(...items.map((text) => el("li", { text })));
  container.hidden = !items.length;
}

// ---- documents and next steps ------------------------------------------------------------

// ticked: "entry:item" keys ticked on screen (never stored), kept across re-renders.
export function renderDocuments(view, documents, ticked) {
  view.documentsList.replaceChildren();
  documents.forEach((entry, i) => {
    const group = el("fieldset", { className: "doc-group", "data-document": entry.id });
    group.append(el("legend", { text: entry.purpose }));
    entry.items.forEach((item, j) => {
      const key = `${entry.id}:${item}`;
      const id = `doc-${i}-${j}`;
      const box = el("input", { type: "checkbox", id, checked: ticked.has(key) });
      box.addEventListener("change", () => (box.checked ? ticked.add(key) : ticked.delete(key)));
      group.append(el("div", { className: "check doc-item" }, box, el("label", { for: id, text: item })));
    });
    view.documentsList.append(group);
  });
  view.documents.hidden = !documents.length;
}

export function renderNextSteps(view, result) {
  const steps = result.passes ? result.next_steps : [];
  view.nextStepsList.replaceChildren(...steps.map((text) => el("li", { text })));
  view.nextSteps.hidden = !steps.length;
}

// ---- print summary -----------------------------------------------------------------------
// The first printed page: the total, the lines that scored, the dates, the rules version and
// the share link as text (#print-share; a QR code of it may be added beside, #print-figures).
export function renderPrintSummary(view, result, verdictText) {
  view.printTotal.textContent = `${result.total} 分（标准分值 ${result.standard} 分）：${verdictText}`;
  view.printHeadline.textContent = result.headline;
  const rows = result.lines
    .filter((line) => line.points !== 0)
    .map((line) =>
      el("tr", {}, el("th", { scope: "row", text: line.label }), el("td", { text: `${signed(line.points)} 分` })),
    );
  if (!rows.length) rows.push(el("tr", {}, el("td", { colspan: "2", text: "没有得分的项目" })));
  rows.push(
    el(
      "tr",
      { className: "print-sum" },
      el("th", { scope: "row", text: "合计" }),
      el("td", { text: `${result.total} 分` }),
    ),
  );
  view.printLines.replaceChildren(...rows);
  const vetoes = result.vetoes.map((v) => v.text).join("；");
  view.printEligibility.textContent = result.vetoed
    ? `一票否决：${vetoes}`
    : `申请资格：${result.eligibility.met ? "符合" : "暂不符合"}。${result.eligibility.explanation}`;
  view.printAsOf.textContent = result.as_of;
  view.printRules.textContent = result.rules_version;
  view.printSummaryDate.textContent = view.printDate.textContent;
}
