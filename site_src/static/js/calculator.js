// The calculator page: creates its components and wires them to the engine worker. Every
// edit is scored (and then planned) at once; the answer goes to the result card, the
// confirmations, the plan, or to the fields' errors. Loaded by the calculator page only (after
// calculator-engine.js, which starts the worker as soon as it runs).

import { Answers } from "./calculator-answers.js";
import { BaseLines } from "./calculator-base-line.js";
import { CertificateNotes } from "./calculator-cert-note.js";
import { FieldChecks } from "./calculator-checks.js";
import { DeadlinePick } from "./calculator-deadline-pick.js";
import { Engine, runtimeURLs } from "./calculator-engine.js";
import { FormErrors } from "./calculator-errors.js";
import { syncVisibility } from "./calculator-form.js";
import { clearForm } from "./calculator-form-fill.js";
import { KeepAnswers } from "./calculator-keep.js";
import { chineseDate } from "./calculator-notices.js";
import { refresh as refreshPicker, watch as watchPicker } from "./calculator-picker.js";
import { Plan } from "./calculator-plan.js";
import { wireShareCode } from "./calculator-qr.js";
import { QuickFill } from "./calculator-quick.js";
import { ResultCard } from "./calculator-result.js";
import { resetRows, wire as wireRows } from "./calculator-rows.js";
import { Scoring } from "./calculator-scoring.js";
import { EngineStatus } from "./calculator-status.js";
import { HukouCard } from "./hukou-card.js";
import { warmRuntime } from "./offline.js";

const root = document.getElementById("calculator");
const form = root.querySelector("form.calc-form");
const $ = (selector) => root.querySelector(selector);
const json = (id) => JSON.parse(document.getElementById(id).textContent);
const card = new ResultCard(root);
const hukouCard = new HukouCard(root);
const plan = new Plan(root, {
  onChange: () => {
    answers.touched = true;
    scoreNow();
  },
});
const checks = new FieldChecks();
const formErrors = new FormErrors(form, { missing: $("#result-missing"), checks });
const answers = new Answers(root, {
  form,
  plan,
  card,
  checks,
  loaded: () => {
    scoring.showProblems([]);
    scoreNow();
  },
});

// ---- engine ------------------------------------------------------------------------------
const status = new EngineStatus($("#engine-status"), {
  runtimeBytes: Number(root.dataset.runtimeBytes || 0),
  downloadBytes: Number(root.dataset.downloadBytes || 0),
  retry: () => engine.start(),
  // Reloading the page (after a deploy replaced the engine's files) keeps the answers: they go
  // into the address's #profile= part, which never reaches the server, and fill the new page.
  reload: () => {
    history.replaceState(null, "", answers.link());
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
const catalogueData = json("catalogue-data");
const certNotes = new CertificateNotes(form, {
  points: catalogueData.points.skill,
  levels: catalogueData.points.skill_base_test_levels,
  baseTest: root.dataset.baseTest,
  score: (profile, lane) => engine.latest(`certificate-${lane}`, "score", profile),
});
const deadlinePick = new DeadlinePick(root, json("zhongkao-deadlines"));
const baseLines = new BaseLines(form, json("yardstick-years"));
const scoring = new Scoring(root, { form, engine, card, plan, hukouCard, certNotes, checks, formErrors });

// Every edit: the questions that apply, the 倍数⇄元 lines, this tab's copy, then the engine.
function scoreNow() {
  syncVisibility(form);
  baseLines.update();
  answers.keepInTab();
  if (engine.state === "ready") scoring.score(answers.read());
}

// ---- typing ------------------------------------------------------------------------------
formErrors.watch({
  changed: scoreNow,
  edited: () => {
    answers.touched = true;
    keep.edited();
  },
  // 检查并计算, or Enter in a text field: every field is checked now.
  submitted: () => {
    scoring.focusAfterCheck = engine.state === "ready";
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

window.addEventListener("hashchange", () => answers.readHash());

// ---- share link, saved copy, print, 清除我的数据 -----------------------------------------
plan.watch();
wireShareCode(root, () => answers.link());

// 清除我的数据: the form (the quick-fill fields too), field errors, the card (total, headline,
// lines, plan, documents, print summary), the pinned bar and the notices; KeepAnswers clears
// the saved copy and the share link.
function clearEverything() {
  scoring.forget();
  answers.touched = false;
  resetRows(form);
  clearForm(form);
  quick.clear();
  refreshPicker();
  plan.clear();
  deadlinePick.clear();
  certNotes.clear();
  hukouCard.clear();
  checks.reset();
  answers.clearMessages();
  scoring.showProblems([]);
  syncVisibility(form);
  card.showState("cleared", { headline: "已清除：表单、结果和本机保存的内容都已删除。" });
}

const keep = new KeepAnswers($(".keep"), {
  link: () => answers.link(),
  answers: () => answers.saved(),
  clear: clearEverything,
  restore: (saved) => {
    scoring.forget();
    answers.load(saved);
  },
  named: () => {
    answers.touched = true;
    answers.keepInTab();
  },
});
answers.name = () => keep.name;
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
    if (answers.readHash()) answers.startKeeping();
    else
      setTimeout(() => {
        // This tab's copy brings its name back; the copy saved last is the one this page holds.
        const restored = answers.restoreSaved();
        if (restored) keep.setName(restored.name || "", restored.fromTab ? null : restored.name || "");
        answers.startKeeping();
      }, 0);
  }, 0);
}, 0);
