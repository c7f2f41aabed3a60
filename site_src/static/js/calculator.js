// The calculator page: wires the form, the engine worker, the result and the ways of keeping
// answers. Loaded by the calculator page only (after calculator-engine.js, which starts the
// worker as soon as it runs).
import { Engine, runtimeURLs } from "./calculator-engine.js";
import {
  applies, clearForm, fillForm, formPath, normaliseDate, readProfile, syncVisibility,
} from "./calculator-form.js";
import { refresh as refreshPicker, watch as watchPicker } from "./calculator-picker.js";
import { clearPlan, planProfile, setPlan, showPlan, watchPlan } from "./calculator-plan.js";
import { prepareShareCodeForPrint, wireShareCode } from "./calculator-qr.js";
import { el, renderResult } from "./calculator-result.js";
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
  retry: $("#engine-retry"),
  linkMessage: $("#link-message"),
  notice: $("#calc-notice"),
  summary: $("#error-summary"),
  summaryList: $("#error-summary-list"),
  missing: $("#result-missing"),
  keepStatus: $("#keep-status"),
  shareOutput: $("#share-output"),
  printDate: $("#print-date"),
};
const resultView = {
  root,
  total: $("#total"),
  gap: $("#score-gap"),
  headline: $("#headline"),
  meter: $("#meter"),
  breakdown: $("#breakdown"),
  warnings: $("#result-warnings"),
  plan: $("#plan"),
  rulesVersion: $("#result-rules-version"),
  asOf: $("#result-as-of"),
  yardstick: $("#result-yardstick"),
};

const runtimeBytes = Number(root.dataset.runtimeBytes || 0);
const touched = new Set(); // paths the person has typed in (their errors are shown)
let linkProblems = []; // problems found while reading a share link, until the field is edited

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

function megabytes(bytes) {
  return (bytes / 1048576).toFixed(1);
}

function showProgress(loaded) {
  if (runtimeBytes) {
    ui.progress.max = runtimeBytes;
    ui.progress.value = Math.min(loaded, runtimeBytes);
    ui.statusText.textContent = `正在下载计算引擎：${megabytes(loaded)} / ${megabytes(runtimeBytes)} MB（只需下载一次）。你可以先填写。`;
  } else {
    ui.progress.removeAttribute("value");
    ui.statusText.textContent = `正在下载计算引擎：已下载 ${megabytes(loaded)} MB（只需下载一次）。你可以先填写。`;
  }
}

function showEngineState(state, detail) {
  root.dataset.engine = state;
  ui.engineError.textContent = state === "error" ? detail.message : "";
  if (state === "loading") {
    ui.statusText.textContent = "正在启动计算引擎……你可以先填写，结果会自动出现。";
    ui.progress.hidden = false;
    ui.retry.hidden = true;
  } else if (state === "ready") {
    root.dataset.engineStart = detail.start || "fresh";
    ui.progress.hidden = true;
    ui.retry.hidden = true;
    ui.statusText.textContent = "计算引擎已就绪。";
    warmRuntime();
    scoreNow();
  } else if (state === "error") {
    ui.progress.hidden = true;
    ui.retry.hidden = !detail.retry;
    ui.statusText.textContent = detail.retry
      ? "计算引擎出了问题。你填写的内容都还在，可以重新加载后继续。"
      : "这个浏览器无法运行计算引擎。";
  }
}

ui.retry.addEventListener("click", () => engine.start());

// ---- scoring -----------------------------------------------------------------------------
function scoreNow() {
  syncVisibility(form);
  if (engine.state !== "ready") return;
  const profile = planProfile(readProfile(form));
  engine.latest("score", "score", profile).then((reply) => {
    if (!reply) return;
    if (reply.ok) {
      showProblems([]);
      renderResult(resultView, reply.result);
      showTotalBar(reply.result);
      planNow(profile);
    } else {
      showProblems(reply.problems);
    }
  });
}

// errorCount > 0: the bar points to the error summary instead of the result.
function showTotalBar(result, errorCount = 0) {
  const bar = $("#total-bar");
  bar.href = errorCount ? "#error-summary" : "#result-title";
  $("#total-bar-value").textContent = result ? String(result.total) : "—";
  $("#total-bar-state").textContent = errorCount
    ? `，有 ${errorCount} 处需要修改`
    : !result ? "" : result.passes ? "，已达标" : "，未达标";
  bar.hidden = !result && !errorCount;
}

let planTimer = 0;
function planNow(profile) {
  clearTimeout(planTimer);
  planTimer = setTimeout(() => {
    engine.latest("plan", "plan", profile).then((reply) => {
      if (reply) showPlan(reply);
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

function labelOf(control) {
  if (!control) return "";
  const field = control.closest(".field");
  const label = field?.querySelector(".label, label, legend");
  const row = control.closest(".row");
  const rowLabel = row?.dataset.rowLabel ? `${row.dataset.rowLabel}·` : "";
  return rowLabel + (label?.textContent || control.labels?.[0]?.textContent || control.name).trim();
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
    const anchor = field.querySelector(".hint") || field.querySelector(".label, label, legend");
    if (anchor && anchor.parentElement === field) anchor.after(note);
    else field.prepend(note);
  }
  control.setAttribute("aria-invalid", "true");
  const described = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  if (!described.includes(id)) control.setAttribute("aria-describedby", [...described, id].join(" "));
}

// Engine problems for fields nobody has filled yet are "still needed", not errors.
function showProblems(problems) {
  clearFieldErrors();
  const errors = [];
  const missing = [];
  const fromEngine = problems.map((p) => ({ ...p, path: formPath(p.path) }));
  for (const problem of [...linkProblems, ...fromEngine]) {
    const control = controlFor(problem.path);
    const message = problem.zh;
    if (control && isEmpty(control) && !touched.has(control.name) && !problem.fromLink) {
      missing.push(labelOf(control) || problem.path);
    } else {
      errors.push({ control, message, path: problem.path });
    }
  }
  ui.summaryList.replaceChildren();
  for (const { control, message, path } of errors) {
    const label = labelOf(control) || path || "填写内容";
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
  if (problems.length || linkProblems.length) {
    showTotalBar(null, errors.length);
    delete root.dataset.result;
    resultView.total.textContent = "—";
    resultView.total.dataset.passes = "false";
    resultView.plan.replaceChildren();
  }
}

// ---- typing ------------------------------------------------------------------------------
function onEdit(event) {
  const control = event.target;
  if (control && control.name) {
    touched.add(control.name);
    linkProblems = linkProblems.filter((p) => p.path !== control.name);
  }
  ui.keepStatus.textContent = "";
  scoreNow();
}

form.addEventListener("input", onEdit);
form.addEventListener("change", onEdit);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  scoreNow();
});
form.addEventListener(
  "blur",
  (event) => {
    const control = event.target;
    const kind = control?.dataset?.kind;
    if (kind === "date" || kind === "month") {
      const tidy = normaliseDate(control.value, kind === "date");
      if (tidy !== control.value) {
        control.value = tidy;
        scoreNow();
      }
    }
  },
  true,
);
wireRows(form, scoreNow);

// ---- share link, saved copy, print ------------------------------------------------------
// The answers as a share link, the plan's own (deadline, dates, what is compared) included.
const currentLink = () => shareURL(planProfile(readProfile(form)));
watchPlan(root, scoreNow);
wireShareCode(root, currentLink);

// Returns false (and says why, leaving the form as it was) for a profile of another format.
function loadProfile(profile, { fromLink }) {
  const problem = versionProblem(profile);
  if (problem) {
    ui.linkMessage.textContent = problem;
    return false;
  }
  resetRows(form);
  const { plan, ...fields } = currentFields(profile);
  setPlan(plan);
  const { unknown, invalid } = fillForm(form, fields, (name, count) => ensureRows(form, name, count));
  refreshPicker();
  touched.clear();
  if (fromLink) for (const control of form.querySelectorAll("[name]")) touched.add(control.name);
  linkProblems = invalid.map((p) => ({ path: p.path, zh: p.message, fromLink: true }));
  if (unknown.length) {
    const shown = unknown.slice(0, 5).map((p) => p.slice(0, 60)).join("、");
    const more = unknown.length > 5 ? ` 等 ${unknown.length} 项` : "";
    ui.linkMessage.textContent = `链接中有本计算器不认识的项目，已忽略：${shown}${more}。其余内容已填入。`;
  }
  showProblems([]);
  scoreNow();
  return true;
}

function readHash() {
  ui.linkMessage.textContent = "";
  const found = profileFromHash(location.hash);
  if (!found) return false;
  if (found.error) {
    ui.linkMessage.textContent = `${found.error}表单仍可正常填写。`;
    return true;
  }
  if (!loadProfile(found.profile, { fromLink: true })) return true;
  ui.notice.textContent = "已按分享链接填入内容。请核对后再看结果。";
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

$("#clear-button").addEventListener("click", () => {
  storage.clear();
  resetRows(form);
  clearForm(form);
  refreshPicker();
  clearPlan();
  touched.clear();
  linkProblems = [];
  ui.linkMessage.textContent = "";
  ui.notice.hidden = true;
  ui.shareOutput.hidden = true;
  ui.shareOutput.value = "";
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  delete root.dataset.result;
  resultView.total.textContent = "—";
  resultView.total.dataset.passes = "false";
  showTotalBar(null);
  showProblems([]);
  ui.keepStatus.textContent = "已清除：表单已清空，本设备上保存的内容也已删除。";
  scoreNow();
});

$("#print-button").addEventListener("click", () => prepareShareCodeForPrint(currentLink).finally(() => window.print()));
// A printed result shows every line's explanation, so closed lines are opened for printing.
let openedForPrint = [];
window.addEventListener("beforeprint", () => {
  openedForPrint = [...resultView.breakdown.querySelectorAll("details:not([open])")];
  for (const details of openedForPrint) details.open = true;
});
window.addEventListener("afterprint", () => {
  for (const details of openedForPrint) details.open = false;
  openedForPrint = [];
});

// ---- quick mode for social insurance ----------------------------------------------------
$("#quick-fill").addEventListener("click", () => {
  const yearsField = $("#f-quick-years");
  const multipleField = $("#f-quick-multiple");
  const years = Number(yearsField.value.trim());
  const multiple = Number(multipleField.value.trim().replace(/[．。]/g, "."));
  const status = $("#quick-status");
  if (!Number.isInteger(years) || years < 1 || years > 50) {
    status.textContent = "“已缴纳年数”请填 1 至 50 的整数。";
    yearsField.focus();
    return;
  }
  if (!(multiple > 0 && multiple <= 3)) {
    status.textContent = "“基数约为社平工资的倍数”请填大于 0、不超过 3 的数，如 1 或 0.8。";
    multipleField.focus();
    return;
  }
  const now = new Date();
  const start = new Date(now.getFullYear(), now.getMonth() - years * 12, 1);
  const from = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, "0")}`;
  resetRows(form);
  form.querySelector('[name="insurance[0].from"]').value = from;
  form.querySelector('[name="insurance[0].base_multiple"]').value = String(multiple);
  for (const name of ["insurance[0].from", "insurance[0].base_multiple"]) touched.add(name);
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
  syncVisibility(form);
  engine.start();
  // The first read of localStorage waits on the browser (20 ms and more on a new profile).
  setTimeout(() => {
    watchPicker(form);
    if (!readHash()) setTimeout(restoreSaved, 0);
  }, 0);
}, 0);
