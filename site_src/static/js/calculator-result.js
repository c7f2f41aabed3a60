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

// ---- the card ----------------------------------------------------------------------------
// The result card (#result) always says what it shows, in data-state (docs/architecture.md §3):
//   empty         nothing typed yet: no total; the headline says what to fill first
//   loading       the engine is still downloading: the card says so, with progress
//   error         input problems: no total; the headline says what to fix
//   stale         a field is being fixed: the last valid result stays, greyed and marked
//   cleared       after 清除我的数据: nothing of the previous person anywhere
//   unavailable   the engine failed before giving any result
//   vetoed, not-eligible, short, passes   a result (the total is a number)
// Whatever is not a result blanks every part of the previous one: total, gap, meter, lines,
// warnings, confirmations, documents, next steps, plan, print summary and the pinned bar.
const RESULT_STATES = new Set(["vetoed", "not-eligible", "short", "passes"]);
let lastResult = null; // the last valid result and its share link, until 清除我的数据
let lastShare = "";
const ticked = new Set(); // "entry:item" ticked on screen (never stored), kept across re-renders

function byId(id) {
  return document.getElementById(id);
}

// The card's elements, by id (calculator.html).
export function cardView(root = byId("calculator")) {
  return {
    root,
    card: byId("result"),
    total: byId("total"),
    gap: byId("score-gap"),
    headline: byId("headline"),
    meter: byId("meter"),
    progress: byId("card-progress"),
    progressText: byId("card-progress-text"),
    stale: byId("result-stale"),
    missing: byId("result-missing"),
    breakdown: byId("breakdown"),
    warnings: byId("result-warnings"),
    confirm: byId("to-confirm"),
    confirmList: byId("to-confirm-list"),
    documents: byId("documents"),
    documentsList: byId("documents-list"),
    nextSteps: byId("next-steps"),
    nextStepsList: byId("next-steps-list"),
    plan: byId("plan"),
    rulesVersion: byId("result-rules-version"),
    asOf: byId("result-as-of"),
    yardstick: byId("result-yardstick"),
    printSummary: byId("print-summary"),
    printTotal: byId("print-total"),
    printHeadline: byId("print-headline"),
    printLines: byId("print-lines"),
    printEligibility: byId("print-eligibility"),
    printAsOf: byId("print-as-of"),
    printRules: byId("print-rules-version"),
    printDate: byId("print-date"),
    printSummaryDate: byId("print-summary-date"),
    printShare: byId("print-share"),
    printShareURL: byId("print-share-url"),
    bar: byId("total-bar"),
  };
}

let defaultView = null;
function viewOr(view) {
  if (view) return view;
  defaultView ??= cardView();
  return defaultView;
}

export function cardState(view) {
  return viewOr(view).card?.dataset.state || "empty";
}

function setState(view, state) {
  view.card.dataset.state = state;
  // The root's data-result (styles, older tests): only while a current result is shown.
  if (state === "passes" || state === "short") view.root.dataset.result = state;
  else if (RESULT_STATES.has(state)) view.root.dataset.result = "short";
  else if (state !== "stale") delete view.root.dataset.result;
  // A live region of its own, always present, so the mark is announced when it appears.
  view.stale.textContent = state === "stale" ? "以下结果按修改前的内容计算，尚未更新。" : "";
  if (state === "stale") view.card.setAttribute("aria-describedby", view.stale.id);
  else view.card.removeAttribute("aria-describedby");
}

// What the gap badge and the pinned bar say about a result: never a bare number that could
// pass for "enough" when the person cannot apply.
function verdict(result) {
  if (result.vetoed) return { state: "vetoed", gap: "不能申请（一票否决）", bar: "一票否决，不能申请" };
  if (!result.eligible) return { state: "not-eligible", gap: "暂不符合申请条件", bar: "暂不符合申请条件" };
  if (result.passes) return { state: "passes", gap: "已达标", bar: "已达标" };
  const short = Math.max(0, result.standard - result.total);
  return { state: "short", gap: `还差 ${short} 分`, bar: `还差 ${short} 分` };
}

// Everything the previous result put on the card, gone.
function blank(view) {
  view.total.textContent = "—";
  view.total.dataset.passes = "false";
  view.gap.textContent = "";
  view.gap.hidden = true;
  view.meter.style.setProperty("--share", "0");
  view.breakdown.replaceChildren();
  renderList(view.warnings, []);
  if (view.confirmList) view.confirmList.replaceChildren();
  if (view.confirm) view.confirm.hidden = true;
  view.documentsList.replaceChildren();
  view.documents.hidden = true;
  view.nextStepsList.replaceChildren();
  view.nextSteps.hidden = true;
  view.plan.replaceChildren();
  view.asOf.textContent = "—";
  view.yardstick.textContent = "";
  view.yardstick.hidden = true;
  for (const node of [view.printTotal, view.printHeadline, view.printEligibility, view.printAsOf]) {
    node.textContent = "";
  }
  view.printLines.replaceChildren();
  setPrintShare(view, "");
}

// The pinned total bar on phones mirrors the card.
function renderBar(view, state, { total = null, text = "", errors = 0 } = {}) {
  const bar = view.bar;
  if (!bar) return;
  bar.dataset.state = state;
  const parts = [];
  if (state === "error") {
    bar.href = "#error-summary";
    parts.push(el("span", { text: `有 ${errors} 处需要修改` }), el("span", { className: "total-bar-more", text: " · 去修改" }));
  } else {
    bar.href = "#result-title";
    if (total !== null) parts.push(el("strong", { id: "total-bar-value", text: String(total) }), " 分");
    if (text) parts.push(el("span", { id: "total-bar-state", text: ` · ${text}` }));
    parts.push(el("span", { className: "total-bar-more", text: " · 查看明细" }));
  }
  bar.replaceChildren(...parts);
  bar.hidden = !(RESULT_STATES.has(state) || state === "stale" || state === "error");
}

// Answers loaded from a link or a saved copy replace the form: the result on the card stays
// only until the new answers are scored, and is never brought back while they are fixed.
export function forgetResult() {
  lastResult = null;
  lastShare = "";
  ticked.clear();
}

// A state with no result: the headline says what it is and what to do.
export function showCardState(view, state, { headline = "", errors = 0 } = {}) {
  view = viewOr(view);
  blank(view);
  if (state === "cleared") forgetResult();
  setState(view, state);
  view.headline.textContent = headline;
  view.progress.hidden = state !== "loading";
  renderBar(view, state, { errors });
}

// Nothing typed yet: what to fill first (the fields the engine still needs, in form order).
export function showEmpty(view, missing = []) {
  const first = missing.length ? missing.join("、") : "出生日期";
  showCardState(view, "empty", {
    headline: `先填写${first}，结果会自动出现在这里；学历、证书和在上海缴纳社保的记录填得越全，结果越准。`,
  });
}

// Input problems: the total is not a number and the headline says what to fix.
export function showInputErrors(view, labels) {
  const count = labels.length;
  const first = labels[0] ? `：先改“${labels[0]}”` : "";
  showCardState(view, "error", {
    headline: `有 ${count} 处需要修改${first}。改好后结果会自动更新。`,
    errors: count,
  });
}

// The engine is loading. `fraction` (0..1) is shown in the card's own progress bar, outside the
// live region, so a screen reader hears the headline once, not every percent.
export function showLoading(view, fraction = null) {
  view = viewOr(view);
  if (cardState(view) !== "loading" || !view.headline.textContent) {
    showCardState(view, "loading", { headline: "计算引擎正在下载，完成后会自动算出结果。你可以先填写。" });
  }
  const bar = view.progress.querySelector("progress");
  if (fraction === null) {
    bar.removeAttribute("value");
    view.progressText.textContent = "";
  } else {
    const percent = Math.min(99, Math.floor(fraction * 100));
    bar.max = 100;
    bar.value = percent;
    view.progressText.textContent = `已完成 ${percent}%`;
  }
}

// Marks the result on the card as out of date while a field is being fixed (on = true), or
// current again (on = false: the state it had before). Returns whether there was a result to
// mark; with none (empty, error, …) the card is left as it is. Called by the form code in
// calculator.js.
export function markStale(on = true, view = null) {
  view = viewOr(view);
  let state = cardState(view);
  if (on) {
    if (state === "stale") return true;
    // After an input error the last valid result comes back, marked, while the field is fixed.
    if (!RESULT_STATES.has(state) && lastResult && state !== "cleared") {
      renderResult(view, lastResult, { shareURL: lastShare });
      state = cardState(view);
    }
    if (!RESULT_STATES.has(state)) return false;
    view.card.dataset.was = state;
    setState(view, "stale");
    renderBar(view, "stale", { total: lastResult?.total ?? null, text: "待更新" });
    return true;
  }
  if (state !== "stale") return false;
  const was = view.card.dataset.was || "short";
  delete view.card.dataset.was;
  setState(view, was);
  if (lastResult) renderBar(view, was, { total: lastResult.total, text: verdict(lastResult).bar });
  return true;
}

// ---- documents and next steps ------------------------------------------------------------

function renderDocuments(view, documents) {
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

function renderNextSteps(view, result) {
  const steps = result.passes ? result.next_steps : [];
  view.nextStepsList.replaceChildren(...steps.map((text) => el("li", { text })));
  view.nextSteps.hidden = !steps.length;
}

// ---- print summary -----------------------------------------------------------------------
// The first printed page: the total, the lines that scored, the dates, the rules version and
// the share link as text (#print-share; a QR code of it may be added beside, #print-figures).
function renderPrintSummary(view, result, verdictText) {
  view.printTotal.textContent = `${result.total} 分（标准分值 ${result.standard} 分）：${verdictText}`;
  view.printHeadline.textContent = result.headline;
  const rows = result.lines.filter((line) => line.points !== 0).map((line) =>
    el("tr", {}, el("th", { scope: "row", text: line.label }), el("td", { text: `${signed(line.points)} 分` })));
  if (!rows.length) rows.push(el("tr", {}, el("td", { colspan: "2", text: "没有得分的项目" })));
  rows.push(el("tr", { className: "print-sum" }, el("th", { scope: "row", text: "合计" }), el("td", { text: `${result.total} 分` })));
  view.printLines.replaceChildren(...rows);
  const vetoes = result.vetoes.map((v) => v.text).join("；");
  view.printEligibility.textContent = result.vetoed
    ? `一票否决：${vetoes}`
    : `申请资格：${result.eligibility.met ? "符合" : "暂不符合"}。${result.eligibility.explanation}`;
  view.printAsOf.textContent = result.as_of;
  view.printRules.textContent = result.rules_version;
  view.printSummaryDate.textContent = view.printDate.textContent;
}

// The share link printed as text (empty = none). Kept on #print-share as data-url too.
function setPrintShare(view, url) {
  view = viewOr(view);
  view.printShareURL.textContent = url;
  if (url) view.printShare.dataset.url = url;
  else delete view.printShare.dataset.url;
  view.printShare.hidden = !url;
}

// `shareURL`: the link that reopens these answers, printed on the summary page.
export function renderResult(view, result, { shareURL = "" } = {}) {
  view = viewOr(view);
  const { total, standard } = result;
  const said = verdict(result);
  lastResult = result;
  lastShare = shareURL;
  delete view.card.dataset.was;
  setState(view, said.state);
  view.progress.hidden = true;
  view.total.textContent = String(total);
  view.total.dataset.passes = result.passes ? "true" : "false";
  view.gap.textContent = said.gap;
  view.gap.hidden = false;
  view.headline.textContent = result.headline;
  view.meter.style.setProperty("--share", String(Math.max(0, Math.min(1, total / standard))));
  renderBreakdown(view.breakdown, result.lines);
  renderList(view.warnings, result.warnings.map((w) => w.text));
  renderEligibility(view.breakdown, result);
  renderNextSteps(view, result);
  renderDocuments(view, result.documents);
  view.rulesVersion.textContent = result.rules_version;
  view.asOf.textContent = result.as_of;
  view.yardstick.textContent = yardstickText(result.yardstick);
  view.yardstick.hidden = false;
  renderPrintSummary(view, result, said.gap);
  setPrintShare(view, shareURL);
  renderBar(view, said.state, { total, text: said.bar });
}

// ---- the pinned bar never hides the focused control (WCAG 2.4.11) -------------------------
// The bar's real height goes into --total-bar-height on <html> (calculator.css turns it into
// scroll-padding-bottom, so Tab, the phone keyboard's "next" and scrollIntoView stop above
// it); after each focus move, a control still under the bar is scrolled clear of it.
export function keepFocusClear(view) {
  view = viewOr(view);
  const bar = view.bar;
  if (!bar) return;
  const html = document.documentElement;
  const pinned = () => !bar.hidden && getComputedStyle(bar).position === "sticky" && bar.offsetHeight > 0;
  const measure = () => {
    html.style.setProperty("--total-bar-height", pinned() ? `${Math.ceil(bar.getBoundingClientRect().height)}px` : "0px");
  };
  if (typeof ResizeObserver === "function") new ResizeObserver(measure).observe(bar);
  measure();
  const clear = (target) => {
    if (!target || target === bar || bar.contains(target) || !pinned() || !target.isConnected) return;
    const box = target.getBoundingClientRect();
    const cover = bar.getBoundingClientRect();
    const overlaps = box.bottom > cover.top && box.top < cover.bottom && box.right > cover.left && box.left < cover.right;
    if (overlaps) window.scrollBy({ top: box.bottom - cover.top + 8, behavior: "instant" });
  };
  // The browser scrolls a newly focused control into view after the focus events: check once
  // that has happened.
  document.addEventListener("focusin", (event) => requestAnimationFrame(() => clear(event.target)));
}

