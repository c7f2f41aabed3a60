// Renders the engine's result (calculator/engine.py score_profile); the plan is drawn by
// calculator-plan.js. Text only ever goes in through textContent.

// The groups of the result's lines, in display order.
const GROUPS = [
  ["base", "基础指标"],
  ["bonus", "加分指标"],
  ["deduction", "减分指标"],
];

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

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

function renderBreakdown(container, lines) {
  container.replaceChildren();
  for (const [group, title] of GROUPS) {
    const inGroup = lines.filter((l) => l.group === group);
    if (!inGroup.length) continue;
    const counted = inGroup.filter((l) => l.points !== 0);
    const zero = inGroup.filter((l) => l.points === 0);
    const subtotal = counted.reduce((sum, l) => sum + l.points, 0);
    const section = el("section", { className: "breakdown-group", "data-group": group });
    section.append(el("h3", {}, el("span", { text: title }), el("span", { className: "group-total", text: `${signed(subtotal)} 分` })));
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
function renderEligibility(container, result) {
  const section = el("section", { className: "breakdown-group", "data-group": "eligibility" });
  section.append(el("h3", {}, el("span", { text: "申请条件" }),
    el("span", { className: "group-total", text: result.eligible ? "✓ 符合" : "✗ 暂不符合" })));
  const info = result.eligibility;
  const eligibility = { id: "eligibility", label: info.met ? "社保缴纳满足申请条件" : "社保缴纳暂不满足申请条件",
    explanation: info.explanation, source: info.source, decisions: info.decisions };
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
function yardstickText(info) {
  const on = info.published_on ? `（${info.published_on}公布）` : "";
  return `社平工资数据已更新到${chineseMonth(info.newest_year)}至${chineseMonth(info.published_through)}缴费年度${on}。`;
}

function renderList(container, items) {
  container.replaceChildren(...items.map((text) => el("li", { text })));
  container.hidden = !items.length;
}

export function renderResult(view, result) {
  const { total, standard } = result;
  view.total.textContent = String(total);
  view.total.dataset.passes = result.passes ? "true" : "false";
  view.gap.textContent = result.passes ? "已达标" : `还差 ${Math.max(0, standard - total)} 分`;
  view.headline.textContent = result.headline;
  view.meter.style.setProperty("--share", String(Math.max(0, Math.min(1, total / standard))));
  view.root.dataset.result = result.passes ? "passes" : "short";
  renderBreakdown(view.breakdown, result.lines);
  renderList(view.warnings, result.warnings.map((w) => w.text));
  renderEligibility(view.breakdown, result);
  view.rulesVersion.textContent = result.rules_version;
  view.asOf.textContent = result.as_of;
  view.yardstick.textContent = yardstickText(result.yardstick);
  view.yardstick.hidden = false;
}

