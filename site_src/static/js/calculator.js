// The calculator page: creates its components and wires them to the engine worker. Every
// edit is scored (and then planned) at once; the answer goes to the result card, the
// confirmations, the plan, or to the fields' errors. Loaded by the calculator page only (after
// calculator-engine.js, which starts the worker as soon as it runs).

import { BaseLines } from "./calculator-base-line.js";
import { CertificateNotes } from "./calculator-cert-note.js";
import { FieldChecks } from "./calculator-checks.js";
import { renderToConfirm } from "./calculator-confirm.js";
import { DeadlinePick } from "./calculator-deadline-pick.js";
import { Engine, runtimeURLs } from "./calculator-engine.js";
import { FormErrors } from "./calculator-errors.js";
import {
  applies,
  clearForm,
  controlFor,
  fieldPath,
  fillForm,
  formPath,
  isAnswer,
  isEmpty,
  labelOf,
  readProfile,
  syncVisibility,
} from "./calculator-form.js";
import { KeepAnswers } from "./calculator-keep.js";
import { chineseDate, linkNotice, savedNotice, sessionNotice, unknownKeysMessage } from "./calculator-notices.js";
import { refresh as refreshPicker, watch as watchPicker } from "./calculator-picker.js";
import { Plan } from "./calculator-plan.js";
import { wireShareCode } from "./calculator-qr.js";
import { QuickFill } from "./calculator-quick.js";
import { ResultCard } from "./calculator-result.js";
import { ensureRows, resetRows, wire as wireRows } from "./calculator-rows.js";
import { currentFields, profileFromHash, session, shareURL, storage, versionProblem } from "./calculator-share.js";
import { EngineStatus } from "./calculator-status.js";
import { HukouCard, openIfAnswered } from "./hukou-card.js";
import { warmRuntime } from "./offline.js";

const root = document.getElementById("calculator");
const form = root.querySelector("form.calc-form");
const $ = (selector) => root.querySelector(selector);
const linkMessage = $("#link-message");
const notice = $("#calc-notice");
const card = new ResultCard(root);
const hukouCard = new HukouCard(root);
// The person has answered something (typed, chosen, or filled from a link or a saved copy):
// only then are the answers kept in this tab (keepInTab).
let touched = false;
const plan = new Plan(root, {
  onChange: () => {
    touched = true;
    scoreNow();
  },
});
const confirmView = { section: $("#to-confirm"), list: $("#to-confirm-list") };

// The answers in the form, with the plan's own (deadline, dates, what is compared): {profile,
// rows} (calculator-form.js readProfile).
function answers() {
  const { profile, rows } = readProfile(form);
  return { profile: plan.profile(profile), rows };
}
const currentLink = () => shareURL(answers().profile);

const checks = new FieldChecks();
const formErrors = new FormErrors(form, { missing: $("#result-missing"), checks });
let focusAfterCheck = false; // move to the errors or the result when the next answer comes

// ---- engine ------------------------------------------------------------------------------
const status = new EngineStatus($("#engine-status"), {
  runtimeBytes: Number(root.dataset.runtimeBytes || 0),
  downloadBytes: Number(root.dataset.downloadBytes || 0),
  retry: () => engine.start(),
  // Reloading the page (after a deploy replaced the engine's files) keeps the answers: they go
  // into the address's #profile= part, which never reaches the server, and fill the new page.
  reload: () => {
    history.replaceState(null, "", currentLink());
    location.reload();
  },
});

const engine = new Engine({
  ...runtimeURLs(root),
  onState: showEngineState,
  onProgress: (loaded) => {
    const fraction = status.showProgress(loaded);
    if (!card.hasResult) card.showLoading(fraction);
  },
  // How the engine started ("snapshot" or "fresh") and whether a fresh start's snapshot was
  // kept for the next visit: shown to no one, read by the tests and the benchmarks.
  onSnapshot: (state) => {
    root.dataset.engineSnapshot = state;
  },
});

function showEngineState(state, detail) {
  root.dataset.engine = state;
  status.show(state, detail);
  if (state === "loading") {
    if (!card.hasResult) card.showLoading();
  } else if (state === "ready") {
    root.dataset.engineStart = detail.start || "fresh";
    warmRuntime({ idle: true }); // the offline copy, once the page is idle
    scoreNow();
  } else if (state === "error") {
    // A result already on the card stays, marked out of date; otherwise the card says why none.
    if (!card.markStale(true)) {
      card.showState("unavailable", { headline: `暂时算不出结果：${detail.message}` });
    }
  }
}

// ---- scoring -----------------------------------------------------------------------------
// Bumped by 清除我的数据 (and its 撤销): an answer to a request made before belongs to answers
// that are gone and is dropped.
let generation = 0;

// The answers are kept in this tab (sessionStorage) once the start has filled the form from a
// link, this tab's copy or a saved one: before, the form holds nothing of the person's yet.
let keeping = false;
function keepInTab() {
  if (!keeping || !touched) return;
  const { version, plan: planned, ...typed } = answers().profile;
  if (Object.keys(typed).length || keep.name) session.save(answers().profile, keep.name);
  else session.clear();
}

const catalogueData = JSON.parse(document.getElementById("catalogue-data").textContent);
const certNotes = new CertificateNotes(form, {
  points: catalogueData.points.skill,
  levels: catalogueData.points.skill_base_test_levels,
  baseTest: root.dataset.baseTest,
  score: (profile, lane) => engine.latest(`certificate-${lane}`, "score", profile),
});
const deadlinePick = new DeadlinePick(root, JSON.parse(document.getElementById("zhongkao-deadlines").textContent));
const baseLines = new BaseLines(form, JSON.parse(document.getElementById("yardstick-years").textContent));

function scoreNow() {
  syncVisibility(form);
  baseLines.update();
  keepInTab();
  if (engine.state !== "ready") return;
  const { profile, rows } = answers();
  const asked = generation;
  const number = checks.request();
  engine.latest("score", "score", profile).then((reply) => {
    if (!reply || asked !== generation) return;
    if (reply.ok) {
      showProblems([], number);
      card.render(reply.result, { shareURL: shareURL(profile) });
      renderToConfirm(confirmView, reply.result, (path) => confirmControl(formPath(path, rows)));
      certNotes.update(profile, rows, reply.result);
      planNow(profile);
    } else {
      showProblems(
        reply.problems.map((p) => ({ ...p, path: fieldPath(p, rows) })),
        number,
      );
    }
    if (focusAfterCheck) afterCheck();
  });
  // Asked at once: the worker checks it while the page draws the points.
  hukouNow(profile);
}

// The question of a confirmation: 已核验 is asked once 在上海工作期间取得 is answered 否; until
// then the person is taken to that question.
function confirmControl(path) {
  const control = controlFor(form, path);
  if (control && !applies(control, form) && path.endsWith(".verified_in_shanghai")) {
    return controlFor(form, path.replace(/verified_in_shanghai$/, "obtained_in_shanghai")) || control;
  }
  return control;
}

// The 居转户 check of the same answers (calculator.hukou), right after the points. Answers the
// engine cannot read leave the card as it was: their problems are shown with the points'.
function hukouNow(profile) {
  if (!hukouCard.changed(profile)) {
    hukouCard.render(hukouCard.result, profile.plan?.target_date);
    return;
  }
  const asked = generation;
  engine.latest("hukou", "hukou", profile).then((reply) => {
    if (!reply || asked !== generation) return;
    if (reply.ok) hukouCard.render(reply.result, profile.plan?.target_date);
    else hukouCard.forget();
  });
}

let planTimer = 0;
function planNow(profile) {
  clearTimeout(planTimer);
  const asked = generation;
  planTimer = setTimeout(() => {
    engine.latest("plan", "plan", profile).then((reply) => {
      if (reply && asked === generation) plan.show(reply);
    });
  }, 150);
}

// ---- problems ----------------------------------------------------------------------------
// problems: the engine's, at the paths of the form's fields.
function showProblems(problems, number = checks.requests) {
  const { errors, missing, first } = formErrors.show(problems, number);
  // The card: while a field is being fixed, or a value typed is not checked yet, the last valid
  // result stays, marked out of date (markStale); otherwise what to fix, or what to fill first.
  // Never a previous person's total or headline.
  if (!problems.length && !checks.linkProblems.length) return;
  if ((checks.editing !== null || !errors.length) && card.markStale(true)) {
    card.staleBecause(staleReason(problems, first));
    return;
  }
  if (errors.length) card.showInputErrors(errors);
  else card.showEmpty(missing);
}

// Why the card is out of date, at the field to look at: its error, or the field being typed
// in, or one still to fill, or a value not checked yet. {text, control} or null.
function staleReason(problems, first) {
  const editing = checks.editing && form.querySelector(`[name="${CSS.escape(checks.editing)}"]`);
  if (first?.message) return { text: `“${first.label}”：${first.message}`, control: first.control };
  if (editing) return { text: `正在填写“${labelOf(editing)}”，离开这一项后更新。`, control: editing };
  if (first) return { text: `还需要填写“${first.label}”。`, control: first.control };
  const waiting = problems.map((p) => controlFor(form, p.path)).find(Boolean);
  return waiting ? { text: `“${labelOf(waiting)}”的内容还要检查，离开这一项后更新。`, control: waiting } : null;
}

// After 检查并计算: to the list of errors, or (on a phone, where it is below the form) to the
// result.
function afterCheck() {
  focusAfterCheck = false;
  if (formErrors.summary.shown) {
    formErrors.summary.focus();
    return;
  }
  const title = $("#result-title");
  if (title.getBoundingClientRect().top > window.innerHeight) {
    title.setAttribute("tabindex", "-1");
    title.focus();
    title.scrollIntoView({ block: "start" });
  }
}

// ---- typing ------------------------------------------------------------------------------
formErrors.watch({
  changed: scoreNow,
  edited: () => {
    touched = true;
    keep.edited();
  },
  // 检查并计算, or Enter in a text field: every field is checked now.
  submitted: () => {
    focusAfterCheck = engine.state === "ready";
    scoreNow();
  },
});
wireRows(form, scoreNow);

const quick = new QuickFill($("#quick"), {
  form,
  ceiling: Number(root.dataset.ceilingMultiple),
  onFill: (names) => {
    for (const name of names) checks.check(name);
    scoreNow();
  },
});

// ---- answers from a link or a saved copy -------------------------------------------------
// Returns false (and says why, leaving the form as it was) for a profile of another format.
// checks: which fields' problems show at once: "all" the fields that apply (a share link:
// the person who made it typed them), "filled" those holding a value (a copy saved here),
// "none" (a link from a catalogue page: the person has not typed anything yet).
function loadProfile(profile, { fromLink, checks: checking = fromLink ? "all" : "filled" }) {
  const problem = versionProblem(profile);
  if (problem) {
    linkMessage.textContent = problem;
    return false;
  }
  touched = true;
  // Other answers now: the last result on the card was someone else's and never comes back.
  card.forget();
  if (card.hasResult) card.showEmpty();
  resetRows(form);
  const { plan: planned, ...fields } = currentFields(profile, { asked: checking !== "none" });
  plan.set(planned);
  const { unknown, invalid } = fillForm(form, fields, (name, count) => ensureRows(form, name, count));
  refreshPicker();
  checks.reset();
  syncVisibility(form);
  openIfAnswered(form);
  for (const control of form.querySelectorAll("[name]")) {
    if (!isAnswer(control) || !applies(control, form)) continue;
    if (checking === "all" || (checking === "filled" && !isEmpty(control))) checks.check(control.name);
  }
  checks.linkProblems = invalid.map((p) => ({ path: p.path, zh: p.message }));
  if (unknown.length) {
    linkMessage.textContent = unknownKeysMessage(unknown.length);
  }
  showProblems([]);
  scoreNow();
  return true;
}

function readHash() {
  linkMessage.textContent = "";
  const found = profileFromHash(location.hash);
  if (!found) return false;
  if (found.error) {
    linkMessage.textContent = `${found.error}表单仍可正常填写。`;
    return true;
  }
  // A catalogue entry's 用此证书计算 (#profile=…&from=catalogue) fills its certificate and
  // waits for the person; a share link is someone's answers, checked as they are.
  const fromCatalogue = found.from === "catalogue";
  if (!loadProfile(found.profile, { fromLink: !fromCatalogue, checks: fromCatalogue ? "none" : "all" })) return true;
  notice.textContent = linkNotice(found.profile, fromCatalogue);
  notice.hidden = false;
  return true;
}

window.addEventListener("hashchange", readHash);

// This tab's answers (the person left the page and came back), else the copy saved last.
function restoreSaved() {
  const kept = session.load();
  if (kept && loadProfile(kept.profile, { fromLink: false })) {
    keep.setName(kept.name || "");
    notice.textContent = sessionNotice();
    notice.hidden = false;
    return;
  }
  const saved = storage.load();
  if (!saved) return;
  if (!loadProfile(saved.profile, { fromLink: false })) return;
  keep.setName(saved.name || "", saved.name || "");
  notice.textContent = savedNotice(saved);
  notice.hidden = false;
}

// ---- share link, saved copy, print, 清除我的数据 -----------------------------------------
plan.watch();
wireShareCode(root, currentLink);

// 清除我的数据: the form (the quick-fill fields too), field errors, the card (total, headline,
// lines, plan, documents, print summary), the pinned bar and the notices; KeepAnswers clears
// the saved copy and the share link.
function clearEverything() {
  generation += 1;
  touched = false;
  clearTimeout(planTimer);
  resetRows(form);
  clearForm(form);
  quick.clear();
  refreshPicker();
  plan.clear();
  deadlinePick.clear();
  certNotes.clear();
  hukouCard.clear();
  checks.reset();
  linkMessage.textContent = "";
  notice.textContent = "";
  notice.hidden = true;
  showProblems([]);
  syncVisibility(form);
  card.showState("cleared", { headline: "已清除：表单、结果和本机保存的内容都已删除。" });
}

const keep = new KeepAnswers($(".keep"), {
  link: currentLink,
  answers: () => answers().profile,
  clear: clearEverything,
  restore: (profile) => {
    generation += 1;
    loadProfile(profile, { fromLink: false });
  },
  named: () => {
    touched = true;
    keepInTab();
  },
});
keep.listPeople();

// ---- start -------------------------------------------------------------------------------
// Nothing above changed the page. The set-up that does waits for the task after parsing ends:
// the browser lays the whole form out again when parsing ends if scripts changed it before,
// and together with the scripts that made one task too long (over 50 ms) on a busy device.
// The worker is already loading (calculator-engine.js started it).
setTimeout(() => {
  root.classList.add("js");
  $("#print-date").textContent = chineseDate(new Date());
  card.keepFocusClear();
  syncVisibility(form);
  engine.start();
  // The first read of localStorage waits on the browser (20 ms and more on a new profile).
  setTimeout(() => {
    watchPicker(form);
    const start = () => {
      keeping = true;
      keepInTab();
    };
    if (readHash()) start();
    else
      setTimeout(() => {
        restoreSaved();
        start();
      }, 0);
  }, 0);
}, 0);
