// The result card (#result) and what mirrors it: the pinned total bar on phones and the print
// summary. It always says what it shows, in data-state (docs/architecture.md §3):
//   empty         nothing typed yet: no total; the headline says what to fill first
//   loading       the engine is still downloading: the card says so, with progress
//   error         input problems: no total; the headline says what to fix
//   stale         a field is being fixed: the last valid result stays, greyed and marked
//   cleared       after 清除我的数据: nothing of the previous person anywhere
//   unavailable   the engine failed before giving any result
//   vetoed, not-eligible, short, passes   a result (the total is a number)
// Whatever is not a result blanks every part of the previous one: total, gap, meter, lines,
// warnings, confirmations, documents, next steps, plan, print summary and the pinned bar.
// The parts drawn from a result are calculator-result-parts.js; the plan is calculator-plan.js.
// Text only ever goes in through textContent.

import {
  renderBreakdown,
  renderDocuments,
  renderEligibility,
  renderList,
  renderNextSteps,
  renderPrintSummary,
  yardstickText,
} from "./calculator-result-parts.js";
import { RESULT_STATES, TotalBar } from "./calculator-total-bar.js";
import { fieldLink, replaceIfChanged } from "./dom.js";

// What the out-of-date card says above its last result.
const STALE = "以下结果按修改前的内容计算，尚未更新。";

// The card's elements, by id (calculator.html).
const IDS = {
  card: "result",
  total: "total",
  gap: "score-gap",
  headline: "headline",
  meter: "meter",
  progress: "card-progress",
  progressText: "card-progress-text",
  stale: "result-stale",
  missing: "result-missing",
  breakdown: "breakdown",
  warnings: "result-warnings",
  confirm: "to-confirm",
  confirmList: "to-confirm-list",
  documents: "documents",
  documentsList: "documents-list",
  nextSteps: "next-steps",
  nextStepsList: "next-steps-list",
  plan: "plan",
  rulesVersion: "result-rules-version",
  asOf: "result-as-of",
  yardstick: "result-yardstick",
  printSummary: "print-summary",
  printTotal: "print-total",
  printHeadline: "print-headline",
  printLines: "print-lines",
  printEligibility: "print-eligibility",
  printAsOf: "print-as-of",
  printRules: "print-rules-version",
  printDate: "print-date",
  printSummaryDate: "print-summary-date",
  printShare: "print-share",
  printShareURL: "print-share-url",
};

// What the gap badge and the pinned bar say about a result: never a bare number that could
// pass for "enough" when the person cannot apply.
function verdict(result) {
  if (result.vetoed) return { state: "vetoed", gap: "不能申请（一票否决）", bar: "一票否决，不能申请" };
  if (!result.eligible) return { state: "not-eligible", gap: "暂不符合申请条件", bar: "暂不符合申请条件" };
  if (result.passes) return { state: "passes", gap: "已达标", bar: "已达标" };
  const short = Math.max(0, result.standard - result.total);
  return { state: "short", gap: `还差 ${short} 分`, bar: `还差 ${short} 分` };
}

export class ResultCard {
  // root: the calculator (#calculator), whose data-result follows the card.
  constructor(root) {
    this.view = { root };
    for (const [key, id] of Object.entries(IDS)) this.view[key] = document.getElementById(id);
    const bar = document.getElementById("total-bar");
    this.bar = bar ? new TotalBar(bar) : null;
    this.lastResult = null; // the last valid result and its share link, until 清除我的数据
    this.lastShare = "";
    this.ticked = new Set(); // "entry:item" ticked on screen (never stored), kept across re-renders
  }

  get state() {
    return this.view.card?.dataset.state || "empty";
  }

  // A result (current or marked out of date) is on the card.
  get hasResult() {
    return !["empty", "loading", "error", "cleared", "unavailable"].includes(this.state);
  }

  setState(state) {
    const view = this.view;
    view.card.dataset.state = state;
    // The root's data-result (styles, older tests): only while a current result is shown.
    if (state === "passes" || state === "short") view.root.dataset.result = state;
    else if (RESULT_STATES.has(state)) view.root.dataset.result = "short";
    else if (state !== "stale") delete view.root.dataset.result;
    // A live region of its own, always present, so the mark is announced when it appears.
    view.stale.textContent = state === "stale" ? STALE : "";
    if (state === "stale") view.card.setAttribute("aria-describedby", view.stale.id);
    else view.card.removeAttribute("aria-describedby");
  }

  // Everything the previous result put on the card, gone.
  blank() {
    const view = this.view;
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
    this.setPrintShare("");
  }

  // Answers loaded from a link or a saved copy replace the form: the result on the card stays
  // only until the new answers are scored, and is never brought back while they are fixed.
  forget() {
    this.lastResult = null;
    this.lastShare = "";
    this.ticked.clear();
  }

  // A state with no result: the headline says what it is and what to do.
  showState(state, { headline = "", errors = 0 } = {}) {
    this.blank();
    if (state === "cleared") this.forget();
    this.setState(state);
    this.view.headline.textContent = headline;
    this.view.progress.hidden = state !== "loading";
    this.bar?.render(state, { errors });
  }

  // Nothing typed yet: what to fill first (the fields the engine still needs, in form order).
  showEmpty(missing = []) {
    const first = missing.length ? missing.join("、") : "出生日期";
    this.showState("empty", {
      headline: `先填写${first}，结果会自动出现在这里；学历、证书和在上海缴纳社保的记录填得越全，结果越准。`,
    });
  }

  // Input problems: the total is not a number and the headline says what to fix.
  showInputErrors(labels) {
    const count = labels.length;
    const first = labels[0] ? `：先改“${labels[0]}”` : "";
    this.showState("error", { headline: `有 ${count} 处需要修改${first}。改好后结果会自动更新。`, errors: count });
  }

  // The engine is loading. `fraction` (0..1) is shown in the card's own progress bar, outside
  // the live region, so a screen reader hears the headline once, not every percent.
  showLoading(fraction = null) {
    const view = this.view;
    if (this.state !== "loading" || !view.headline.textContent) {
      this.showState("loading", { headline: "计算引擎正在下载，完成后会自动算出结果。你可以先填写。" });
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
  // current again (on = false: the state it had before). Returns whether there was a result
  // to mark; with none (empty, error, …) the card is left as it is.
  markStale(on = true) {
    const view = this.view;
    let state = this.state;
    const last = this.lastResult;
    if (on) {
      if (state === "stale") return true;
      // After an input error the last valid result comes back, marked, while the field is fixed.
      if (!RESULT_STATES.has(state) && last && state !== "cleared") {
        this.render(last, { shareURL: this.lastShare });
        state = this.state;
      }
      if (!RESULT_STATES.has(state)) return false;
      view.card.dataset.was = state;
      this.setState("stale");
      this.bar?.render("stale", { total: last?.total ?? null, text: "待更新" });
      return true;
    }
    if (state !== "stale") return false;
    const was = view.card.dataset.was || "short";
    delete view.card.dataset.was;
    this.setState(was);
    if (last) this.bar?.render(was, { total: last.total, text: verdict(last).bar });
    return true;
  }

  // The reason the result is out of date, after the mark ({text, control} or null), with a
  // link to the field to look at.
  staleBecause(reason) {
    const stale = this.view.stale;
    if (this.state !== "stale") return;
    replaceIfChanged(stale, reason ? [STALE, " ", fieldLink(reason.control, reason.text, "stale-reason")] : [STALE]);
  }

  // The share link printed as text (empty = none). Kept on #print-share as data-url too.
  setPrintShare(url) {
    const view = this.view;
    view.printShareURL.textContent = url;
    if (url) view.printShare.dataset.url = url;
    else delete view.printShare.dataset.url;
    view.printShare.hidden = !url;
  }

  // `shareURL`: the link that reopens these answers, printed on the summary page.
  render(result, { shareURL = "" } = {}) {
    const view = this.view;
    const { total, standard } = result;
    const said = verdict(result);
    this.lastResult = result;
    this.lastShare = shareURL;
    delete view.card.dataset.was;
    this.setState(said.state);
    view.progress.hidden = true;
    view.total.textContent = String(total);
    view.total.dataset.passes = result.passes ? "true" : "false";
    view.gap.textContent = said.gap;
    view.gap.hidden = false;
    view.headline.textContent = result.headline;
    view.meter.style.setProperty("--share", String(Math.max(0, Math.min(1, total / standard))));
    renderBreakdown(view.breakdown, result.lines);
    renderList(
      view.warnings,
      result.warnings.map((w) => w.text),
    );
    renderEligibility(view.breakdown, result);
    renderNextSteps(view, result);
    renderDocuments(view, result.documents, this.ticked);
    view.rulesVersion.textContent = result.rules_version;
    view.asOf.textContent = result.as_of;
    view.yardstick.textContent = yardstickText(result.yardstick);
    view.yardstick.hidden = false;
    renderPrintSummary(view, result, said.gap);
    this.setPrintShare(shareURL);
    this.bar?.render(said.state, { total, text: said.bar });
  }

  // The pinned bar never hides the focused control (calculator-total-bar.js).
  keepFocusClear() {
    this.bar?.keepFocusClear();
  }
}
