// The calculator page: wires the form, the engine worker, the result and the ways of keeping
// answers. Loaded by the calculator page only (after calculator-engine.js, which starts the
// worker as soon as it runs).
import { Engine, runtimeURLs } from "./calculator-engine.js";
import {
  applies, checkGroup, clearForm, fieldPath, fillForm, formPath, readProfile, syncVisibility,
} from "./calculator-form.js";
import { renderToConfirm } from "./calculator-confirm.js";
import { refresh as refreshPicker, watch as watchPicker } from "./calculator-picker.js";
import {
  cardState, cardView, el, forgetResult, keepFocusClear, markStale, renderResult, showCardState, showEmpty,
  showInputErrors, showLoading,
} from "./calculator-result.js";
import { clearPlan, planProfile, setPlan, showPlan, watchPlan } from "./calculator-plan.js";
import { prepareShareCodeForPrint, wireShareCode } from "./calculator-qr.js";
import { ensureRows, resetRows, wire as wireRows } from "./calculator-rows.js";
import { currentFields, profileFromHash, shareURL, storage, versionProblem } from "./calculator-share.js";
import { warmRuntime } from "./offline.js";

const root = document.getElementById("calculator");
const form = root.querySelector("form.calc-form");
const $ = (selector) => root.querySelector(selector);

const ui = {
  status: $("#engine-status"),
  statusText: $("#engine-status-text"),
  progress: $("#engine-progress"),
  engineError: $("#engine-error"),
  engineErrorDetail: $("#engine-error-detail"),
  engineErrorTechnical: $("#engine-error-technical"),
  retry: $("#engine-retry"),
  reload: $("#engine-reload"),
  linkMessage: $("#link-message"),
  notice: $("#calc-notice"),
  summary: $("#error-summary"),
  summaryList: $("#error-summary-list"),
  missing: $("#result-missing"),
  keepStatus: $("#keep-status"),
  shareOutput: $("#share-output"),
  printDate: $("#print-date"),
};
const resultView = cardView(root); // the result card's elements (calculator-result.js)
const confirmView = { section: $("#to-confirm"), list: $("#to-confirm-list") };

// The engine's files: raw bytes (what the worker counts as they are decoded) and what travels
// on the wire (the brotli copies a host serves), shown as the download's size.
const runtimeBytes = Number(root.dataset.runtimeBytes || 0);
const downloadBytes = Number(root.dataset.downloadBytes || 0);
// ---- when a field's problems are shown ----------------------------------------------------
// A field is checked when the person leaves it (a text field they typed in or that holds a
// value; a period's two base fields count as one) or changes a choice, and every field when
// they press 检查并计算 or Enter. Its problems then stay until it is valid. While a field is
// typed in, nothing new is shown anywhere: a message already shown at that field stays (as it
// was) until the engine finds the field valid, when it goes at once.
const checked = new Set(); // field names whose problems are shown
let checkAll = false; // 检查并计算 pressed: every field is checked, empty ones too
const edited = new Set(); // fields the person has changed since the form was (re)filled
let editing = null; // the text field being typed in
let shown = new Map(); // field name -> the message shown at it
const leftAt = new Map(); // field name -> number of the first request made after leaving it
let requestNo = 0; // scoring requests made
let focusAfterCheck = false; // move to the errors or the result when the next answer comes
let linkProblems = []; // problems found while reading a share link, until the field is edited

function resetChecks() {
  checked.clear();
  checkAll = false;
  edited.clear();
  editing = null;
  shown = new Map();
  leftAt.clear();
}

// ---- engine ------------------------------------------------------------------------------
const engine = new Engine({
  ...runtimeURLs(root),
  onState: showEngineState,
  onProgress: showProgress,
  // How the engine started ("snapshot" or "fresh") and whether a fresh start's snapshot was
  // kept for the next visit: shown to no one, read by the tests and the benchmarks.
  onSnapshot: (state) => {
    root.dataset.engineSnapshot = state;
  },
});

// Written out by hand: the first toLocale*String("zh-CN") call loads the browser's locale
// data, a 20–30 ms pause on the main thread while the engine starts.
function chineseDate(date, { time = false } = {}) {
  const two = (n) => String(n).padStart(2, "0");
  const day = `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
  return time ? `${day} ${two(date.getHours())}:${two(date.getMinutes())}` : day;
}

// Decimal megabytes, as download sizes are usually written: "约 4.2 MB".
function downloadSize() {
  return downloadBytes ? `约 ${(downloadBytes / 1e6).toFixed(1)} MB（只需下载一次）` : "只需下载一次";
}

// `loaded`: raw bytes the worker has received; shown as a share of the raw total.
function showProgress(loaded) {
  const fraction = runtimeBytes ? Math.min(1, loaded / runtimeBytes) : null;
  if (fraction === null) {
    ui.progress.removeAttribute("value");
    ui.statusText.textContent = `正在下载计算引擎，${downloadSize()}。你可以先填写。`;
  } else {
    const percent = Math.min(99, Math.floor(fraction * 100));
    ui.progress.max = 100;
    ui.progress.value = percent;
    ui.statusText.textContent = `正在下载计算引擎，${downloadSize()}：已完成 ${percent}%。你可以先填写。`;
  }
  if (!hasResult()) showLoading(resultView, fraction);
}

// A result (current or marked out of date) is on the card.
function hasResult() {
  return !["empty", "loading", "error", "cleared", "unavailable"].includes(cardState(resultView));
}

// detail on "error" (calculator-engine.js): {message: what happened and what to do, in plain
// Chinese; technical: the raw detail, shown folded for reporting; retry; reload}.
function showEngineState(state, detail) {
  root.dataset.engine = state;
  const failed = state === "error";
  ui.engineError.textContent = failed ? detail.message : "";
  ui.engineErrorTechnical.textContent = failed ? detail.technical || "" : "";
  ui.engineErrorDetail.hidden = !(failed && detail.technical);
  ui.engineErrorDetail.open = false;
  ui.reload.hidden = !(failed && detail.reload);
  if (state === "loading") {
    ui.statusText.textContent = `正在下载计算引擎，${downloadSize()}。你可以先填写，结果会自动出现。`;
    ui.progress.hidden = false;
    ui.progress.removeAttribute("value");
    ui.retry.hidden = true;
    if (!hasResult()) showLoading(resultView);
  } else if (state === "ready") {
    root.dataset.engineStart = detail.start || "fresh";
    ui.progress.hidden = true;
    ui.retry.hidden = true;
    ui.statusText.textContent = "计算引擎已就绪。";
    warmRuntime({ idle: true }); // the offline copy, once the page is idle
    scoreNow();
  } else if (failed) {
    ui.progress.hidden = true;
    ui.retry.hidden = !detail.retry;
    ui.statusText.textContent = detail.retry
      ? "计算引擎出了问题。你填写的内容都还在。"
      : "这个浏览器无法运行计算引擎。你填写的内容都还在，可以保存或复制分享链接，换一个浏览器打开。";
    // A result already on the card stays, marked out of date; otherwise the card says why none.
    if (!markStale(true, resultView)) {
      showCardState(resultView, "unavailable", { headline: `暂时算不出结果：${detail.message}` });
    }
  }
}

ui.retry.addEventListener("click", () => engine.start());
// Reloading the page (after a deploy replaced the engine's files) keeps the answers: they go
// into the address's #profile= part, which never reaches the server, and fill the new page.
ui.reload.addEventListener("click", () => {
  history.replaceState(null, "", currentLink());
  location.reload();
});

// ---- scoring -----------------------------------------------------------------------------
// Bumped by 清除我的数据 (and its 撤销): an answer to a request made before belongs to answers
// that are gone and is dropped.
let generation = 0;

function scoreNow() {
  syncVisibility(form);
  if (engine.state !== "ready") return;
  const profile = planProfile(readProfile(form));
  const asked = generation;
  const number = ++requestNo;
  engine.latest("score", "score", profile).then((reply) => {
    if (!reply || asked !== generation) return;
    if (reply.ok) {
      showProblems([], number);
      renderResult(resultView, reply.result, { shareURL: shareURL(profile) });
      renderToConfirm(confirmView, reply.result, (path) => controlFor(formPath(path)));
      planNow(profile);
    } else {
      showProblems(reply.problems, number);
    }
    if (focusAfterCheck) afterCheck();
  });
}

let planTimer = 0;
function planNow(profile) {
  clearTimeout(planTimer);
  const asked = generation;
  planTimer = setTimeout(() => {
    engine.latest("plan", "plan", profile).then((reply) => {
      if (reply && asked === generation) showPlan(reply);
    });
  }, 150);
}

// ---- problems ----------------------------------------------------------------------------
function controlFor(path) {
  for (let at = path; at; at = at.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    const found = controlAt(at);
    if (found) return found;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(at)) break;
  }
  return null;
}

function controlAt(path) {
  const named = [...form.querySelectorAll("[name]")].filter((c) => c.dataset.local === undefined);
  const exact = named.filter((c) => c.name === path);
  const inside = named.filter((c) => c.name.startsWith(path + ".") || c.name.startsWith(path + "["));
  for (const group of [exact, inside]) {
    const applicable = group.filter((c) => applies(c, form));
    if (applicable.length || group.length) return applicable[0] || group[0];
  }
  return null;
}

// What a problem is called when no field of the form names it (never its internal path).
const SOME_FIELD = "填写内容";

function labelOf(control) {
  if (!control) return "";
  const field = control.closest(".field");
  const label = field?.querySelector(".label, label, legend");
  const row = control.closest(".row");
  const rowLabel = row?.dataset.rowLabel ? `${row.dataset.rowLabel}·` : "";
  return rowLabel + (label?.textContent || control.labels?.[0]?.textContent || SOME_FIELD).trim();
}

function isEmpty(control) {
  if (!control) return true;
  if (control.type === "checkbox" || control.type === "radio") return false;
  return control.value.trim() === "";
}

function clearFieldErrors() {
  for (const node of form.querySelectorAll(".field-error")) node.remove();
  for (const field of form.querySelectorAll(".has-error")) field.classList.remove("has-error");
  for (const control of form.querySelectorAll("[aria-invalid]")) {
    control.removeAttribute("aria-invalid");
    const ids = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && !id.endsWith("-error"));
    if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
    else control.removeAttribute("aria-describedby");
  }
}

function markField(control, message) {
  const field = control.closest(".field") || control.parentElement;
  field.classList.add("has-error");
  const id = `${control.id || control.name.replace(/[^\w-]/g, "-")}-error`;
  if (!document.getElementById(id)) {
    const note = el("p", { className: "field-error", id, text: message });
    // After the field's own hint (a question's hint is inside its fieldset), else its label.
    const own = (node) => node && node.closest(".field") === field;
    const hint = field.querySelector(".hint");
    const anchor = own(hint) ? hint : field.querySelector(".label, label, legend");
    if (own(anchor)) anchor.after(note);
    else field.prepend(note);
  }
  control.setAttribute("aria-invalid", "true");
  const described = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  if (!described.includes(id)) control.setAttribute("aria-describedby", [...described, id].join(" "));
}

// A checked field's problems may be shown once the answer to a request made after the person
// left it has come (number: the request `problems` answer); while another field is typed in,
// only those.
function mayShow(name, number) {
  if (!checkAll && !checked.has(name)) return false;
  if (editing === null) return true;
  const after = leftAt.get(name);
  return after !== undefined && number >= after;
}

// Problems at fields not checked yet are not errors: an empty one is "still needed", a typed
// one waits until the person leaves the field.
function showProblems(problems, number = requestNo) {
  clearFieldErrors();
  const errors = [];
  const missing = [];
  const now = new Map();
  const fromEngine = problems.map((p) => ({ ...p, path: fieldPath(p) }));
  for (const problem of [...linkProblems, ...fromEngine]) {
    const control = controlFor(problem.path);
    if (!control) {
      errors.push({ control, message: problem.zh });
      continue;
    }
    const name = control.name;
    if (name === editing && !problem.fromLink) {
      // Being typed in: an error already shown stays as it was; nothing new appears.
      if (shown.has(name) && !now.has(name)) {
        now.set(name, shown.get(name));
        errors.push({ control, message: shown.get(name) });
      } else if (!shown.has(name) && isEmpty(control)) {
        missing.push(labelOf(control));
      }
      continue;
    }
    if (problem.fromLink || shown.has(name) || mayShow(name, number)) {
      if (!now.has(name)) now.set(name, problem.zh);
      errors.push({ control, message: problem.zh });
    } else if (isEmpty(control)) {
      missing.push(labelOf(control));
    }
  }
  shown = now;
  for (const [name, after] of leftAt) if (number >= after) leftAt.delete(name);
  ui.summaryList.replaceChildren();
  for (const { control, message } of errors) {
    const label = labelOf(control) || SOME_FIELD;
    if (control) {
      markField(control, message);
      const link = el("a", { href: `#${control.id}`, text: `${label}：${message}` });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        control.focus();
        control.scrollIntoView({ block: "center" });
      });
      ui.summaryList.append(el("li", {}, link));
    } else {
      ui.summaryList.append(el("li", { text: `${label}：${message}` }));
    }
  }
  ui.summary.hidden = !errors.length;
  ui.missing.hidden = !missing.length && !problems.length;
  const unique = [...new Set(missing)];
  ui.missing.textContent = unique.length
    ? `还需要填写：${unique.join("、")}。填好后结果会自动出现。`
    : "";
  // The card: while a field is being fixed, or a value typed is not checked yet, the last valid
  // result stays, marked out of date (markStale); otherwise what to fix, or what to fill first.
  // Never a previous person's total or headline.
  if (!problems.length && !linkProblems.length) return;
  if ((editing !== null || !errors.length) && markStale(true, resultView)) return;
  if (errors.length) showInputErrors(resultView, errors.map((e) => labelOf(e.control) || SOME_FIELD));
  else showEmpty(resultView, unique);
}

// After 检查并计算: to the list of errors, or (on a phone, where it is below the form) to the
// result.
function afterCheck() {
  focusAfterCheck = false;
  if (!ui.summary.hidden) {
    ui.summary.focus();
    ui.summary.scrollIntoView({ block: "start" });
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
const typedIn = (control) => control.tagName === "TEXTAREA" || ["text", "search"].includes(control.type);
const ours = (control) => Boolean(control?.name) && control.dataset.local === undefined;

// The fields of `controls` the person has answered (typed in, or holding a value) are checked.
function leave(controls) {
  for (const control of controls) {
    if (!edited.has(control.name) && isEmpty(control) && !["radio", "checkbox"].includes(control.type) && control.tagName !== "SELECT") continue;
    checked.add(control.name);
    leftAt.set(control.name, requestNo + 1);
  }
  scoreNow();
}

function onEdit(event) {
  const control = event.target;
  if (ours(control)) {
    edited.add(control.name);
    if (typedIn(control)) editing = control.name;
    linkProblems = linkProblems.filter((p) => p.path !== control.name);
  }
  ui.keepStatus.textContent = "";
  dropUndo();
  scoreNow();
}

form.addEventListener("input", onEdit);
// A choice (select, radio, checkbox) is answered when it changes; a text field when it is left.
form.addEventListener("change", (event) => {
  const control = event.target;
  if (ours(control) && !typedIn(control)) leave([control]);
  else scoreNow();
});
form.addEventListener("focusout", (event) => {
  const control = event.target;
  if (!ours(control) || !typedIn(control)) return;
  if (editing === control.name) editing = null;
  const group = checkGroup(control.name);
  const next = event.relatedTarget;
  if (next !== control && ours(next) && checkGroup(next.name) === group) return; // still on the same answer
  leave([...form.querySelectorAll("[name]")].filter((c) => ours(c) && checkGroup(c.name) === group));
});
// 检查并计算, or Enter in a text field: every field is checked now.
form.addEventListener("submit", (event) => {
  event.preventDefault();
  checkAll = true;
  editing = null;
  focusAfterCheck = engine.state === "ready";
  scoreNow();
});
wireRows(form, scoreNow);

// ---- share link, saved copy, print ------------------------------------------------------
// The answers as a share link, the plan's own (deadline, dates, what is compared) included.
const currentLink = () => shareURL(planProfile(readProfile(form)));
watchPlan(root, scoreNow);
wireShareCode(root, currentLink);

// Returns false (and says why, leaving the form as it was) for a profile of another format.
// checks: which fields' problems show at once: "all" the fields that apply (a share link:
// the person who made it typed them), "filled" those holding a value (a copy saved here),
// "none" (a link from a catalogue page: the person has not typed anything yet).
function loadProfile(profile, { fromLink, checks = fromLink ? "all" : "filled" }) {
  const problem = versionProblem(profile);
  if (problem) {
    ui.linkMessage.textContent = problem;
    return false;
  }
  // Other answers now: the last result on the card was someone else's and never comes back.
  forgetResult();
  if (hasResult()) showEmpty(resultView);
  resetRows(form);
  const { plan, ...fields } = currentFields(profile);
  setPlan(plan);
  const { unknown, invalid } = fillForm(form, fields, (name, count) => ensureRows(form, name, count));
  refreshPicker();
  resetChecks();
  syncVisibility(form);
  for (const control of form.querySelectorAll("[name]")) {
    if (!ours(control) || !applies(control, form)) continue;
    if (checks === "all" || (checks === "filled" && !isEmpty(control))) checked.add(control.name);
  }
  linkProblems = invalid.map((p) => ({ path: p.path, zh: p.message, fromLink: true }));
  if (unknown.length) {
    ui.linkMessage.textContent = `链接中有 ${unknown.length} 项内容本计算器不认识（可能来自其他网站或更新的版本），已忽略；其余内容已填入，请核对。`;
  }
  showProblems([]);
  scoreNow();
  return true;
}

// "（注册会计师）": the certificate a catalogue link names, as the notice shows it.
function catalogueName(profile) {
  const credential = Array.isArray(profile.credentials) ? profile.credentials[0] : null;
  const name = credential && (credential.name || credential.occupation);
  return typeof name === "string" && name.trim() ? `（${name.trim().slice(0, 60)}）` : "";
}

function readHash() {
  ui.linkMessage.textContent = "";
  const found = profileFromHash(location.hash);
  if (!found) return false;
  if (found.error) {
    ui.linkMessage.textContent = `${found.error}表单仍可正常填写。`;
    return true;
  }
  // A catalogue entry's 用此证书计算 (#profile=…&from=catalogue) fills its certificate and
  // waits for the person; a share link is someone's answers, checked as they are.
  const fromCatalogue = found.from === "catalogue";
  if (!loadProfile(found.profile, { fromLink: !fromCatalogue, checks: fromCatalogue ? "none" : "all" })) return true;
  ui.notice.textContent = fromCatalogue
    ? `已按你在证书目录中选的证书${catalogueName(found.profile)}填好，请补充出生日期等信息。`
    : "已按分享链接填入内容。请核对后再看结果。";
  ui.notice.hidden = false;
  return true;
}

window.addEventListener("hashchange", readHash);

$("#share-button").addEventListener("click", async () => {
  const url = currentLink();
  ui.shareOutput.value = url;
  ui.shareOutput.hidden = false;
  history.replaceState(null, "", url);
  try {
    await navigator.clipboard.writeText(url);
    ui.keepStatus.textContent = "分享链接已复制。链接里包含你填写的内容，请只发给信任的人。";
  } catch {
    ui.shareOutput.select();
    ui.keepStatus.textContent = "请复制下方的链接。链接里包含你填写的内容，请只发给信任的人。";
  }
});

$("#save-button").addEventListener("click", () => {
  try {
    storage.save(planProfile(readProfile(form)));
    ui.keepStatus.textContent = "已保存在这台设备的浏览器中，下次打开本页会自动填入。";
  } catch {
    ui.keepStatus.textContent = "无法保存：浏览器禁止了本地存储（可能处于无痕模式）。";
  }
});

// ---- 清除我的数据 -------------------------------------------------------------------------
// Clears at once and everywhere: the form (the quick-fill fields too), field errors, the card
// (total, headline, lines, plan, documents, print summary), the pinned bar, the share link,
// the notices, the saved copy and the address's #profile= part. 撤销 brings the answers back
// for UNDO_MS; until then they are held in this page's memory only, then dropped. The page's
// title never carries anyone's answers.
const UNDO_MS = 15000;
let undo = null; // {profile, saved, timer}

function dropUndo() {
  if (!undo) return;
  clearTimeout(undo.timer);
  undo = null;
  const button = $("#undo-clear");
  if (button.contains(document.activeElement)) $("#clear-button").focus();
  button.hidden = true;
}

// The offer ends after UNDO_MS, but not while the person is on the button (WCAG 2.2.1).
function armUndo() {
  clearTimeout(undo.timer);
  undo.timer = setTimeout(() => {
    const button = $("#undo-clear");
    if (document.activeElement === button || button.matches(":hover")) armUndo();
    else {
      dropUndo();
      ui.keepStatus.textContent = "已清除：表单、结果和本机保存的内容都已删除。";
    }
  }, UNDO_MS);
}

function clearEverything() {
  generation += 1;
  clearTimeout(planTimer);
  storage.clear();
  resetRows(form);
  clearForm(form);
  for (const control of form.querySelectorAll("[data-local]")) control.value = control.defaultValue;
  $("#quick-status").textContent = "";
  refreshPicker();
  clearPlan();
  resetChecks();
  linkProblems = [];
  ui.linkMessage.textContent = "";
  ui.notice.textContent = "";
  ui.notice.hidden = true;
  ui.shareOutput.hidden = true;
  ui.shareOutput.value = "";
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  showProblems([]);
  syncVisibility(form);
  showCardState(resultView, "cleared", { headline: "已清除：表单、结果和本机保存的内容都已删除。" });
}

$("#clear-button").addEventListener("click", () => {
  dropUndo();
  undo = { profile: planProfile(readProfile(form)), saved: storage.load(), timer: 0 };
  clearEverything();
  ui.keepStatus.textContent = `已清除：表单、结果和本机保存的内容都已删除。${UNDO_MS / 1000} 秒内可以撤销。`;
  $("#undo-clear").hidden = false;
  armUndo();
});

$("#undo-clear").addEventListener("click", () => {
  if (!undo) return;
  const { profile, saved } = undo;
  dropUndo();
  generation += 1;
  if (saved) {
    try {
      storage.save(saved.profile);
    } catch {
      // storage refused: the form still comes back
    }
  }
  loadProfile(profile, { fromLink: false });
  ui.keepStatus.textContent = saved ? "已撤销：填写的内容和本机保存的副本已恢复。" : "已撤销：填写的内容已恢复。";
});

// Printing: a one-page summary first (#print-summary), then the details as they are on screen;
// a closed <details> prints its summary line only (calculator.css, print).
$("#print-button").addEventListener("click", () => prepareShareCodeForPrint(currentLink).finally(() => window.print()));

// ---- quick mode for social insurance ----------------------------------------------------
$("#quick-fill").addEventListener("click", () => {
  const yearsField = $("#f-quick-years");
  const multipleField = $("#f-quick-multiple");
  // As the engine reads them (calculator/parse.py): full-width digits, "5年", "0.8倍".
  const typed = (field, unit) => field.value.normalize("NFKC").trim().replace(/。/g, ".").replace(unit, "").trim();
  const years = Number(typed(yearsField, /年$/) || NaN);
  const multiple = Number(typed(multipleField, /倍$/) || NaN);
  const status = $("#quick-status");
  if (!Number.isInteger(years) || years < 1 || years > 50) {
    status.textContent = "“已缴纳年数”请填 1 至 50 的整数。";
    yearsField.focus();
    return;
  }
  const ceiling = Number(root.dataset.ceilingMultiple);
  if (!(multiple > 0 && multiple <= ceiling)) {
    status.textContent = `“基数约为社平工资的倍数”请填大于 0、不超过 ${ceiling} 的数（${ceiling} 倍即缴费上限），如 1 或 0.8。`;
    multipleField.focus();
    return;
  }
  const now = new Date();
  const start = new Date(now.getFullYear(), now.getMonth() - years * 12, 1);
  const from = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, "0")}`;
  resetRows(form);
  form.querySelector('[name="insurance[0].from"]').value = from;
  form.querySelector('[name="insurance[0].base_multiple"]').value = String(multiple);
  for (const name of ["insurance[0].from", "insurance[0].base_multiple"]) checked.add(name);
  status.textContent = `已填入：从 ${from} 起一直缴纳到现在，基数为社平工资的 ${multiple} 倍。可在下方修改。`;
  scoreNow();
});

// ---- start -------------------------------------------------------------------------------
function restoreSaved() {
  const saved = storage.load();
  if (!saved) return;
  if (!loadProfile(saved.profile, { fromLink: false })) return;
  const savedAt = saved.saved_at ? new Date(saved.saved_at) : null;
  const when = savedAt && !Number.isNaN(savedAt.getTime()) ? chineseDate(savedAt, { time: true }) : "";
  ui.notice.textContent = `已填入你在这台设备上保存的内容${when ? `（保存于 ${when}）` : ""}。不需要时可点“清除我的数据”。`;
  ui.notice.hidden = false;
}

// Nothing above changed the page. The set-up that does waits for the task after parsing ends:
// the browser lays the whole form out again when parsing ends if scripts changed it before,
// and together with the scripts that made one task too long (over 50 ms) on a busy device.
// The worker is already loading (calculator-engine.js started it).
setTimeout(() => {
  root.classList.add("js");
  ui.printDate.textContent = chineseDate(new Date());
  keepFocusClear(resultView);
  syncVisibility(form);
  engine.start();
  // The first read of localStorage waits on the browser (20 ms and more on a new profile).
  setTimeout(() => {
    watchPicker(form);
    if (!readHash()) setTimeout(restoreSaved, 0);
  }, 0);
}, 0);
