// /batch/: a file of many people read and scored in a worker (batch-worker.js), shown as a
// table that sorts, filters, exports and prints. The file never leaves the device.
import { drawPrintPages, drawTable } from "./batch-view.js";
import { warmRuntime } from "./offline.js";

const root = document.getElementById("batch");
const $ = (id) => document.getElementById(id);
const table = $("batch-table");
const labels = Object.fromEntries(
  Array.from(table.querySelectorAll("th[data-key]"), (th) => [th.dataset.key, th.textContent.trim()]),
);
// The Python side refuses a file beyond its limit; reading one byte more is enough to tell.
const MAX_BYTES = Number(root.dataset.maxBytes);

const view = { key: null, direction: "none", filter: "all" };
let results = [];
let engine = null;
let job = null; // {id, count, sent, done, planned}
let jobs = 0; // each file is a new job: an answer about an earlier file is dropped
// Rows asked for before the answers come, so the worker never waits for the page to draw.
const AHEAD = 4;

function status(text) {
  $("batch-status").textContent = text;
}

function showError(text) {
  $("batch-error").textContent = text;
  $("batch-error").hidden = !text;
}

function progress(done, total) {
  $("batch-progress").hidden = total === null;
  if (total) {
    $("batch-bar").max = total;
    $("batch-bar").value = done;
  } else $("batch-bar").removeAttribute("value");
}

function draw() {
  $("batch-results").hidden = results.length === 0;
  const shown = drawTable(table, results.filter(Boolean), view);
  const problems = results.filter((r) => r?.problems?.length).length;
  $("batch-count").textContent =
    `共 ${results.filter(Boolean).length} 人，显示 ${shown} 人；${problems} 人的填写需要修改。`;
}

// While rows come in, the table is drawn a few times a second (a draw lays the table out again,
// on the thread that hands the worker its next rows), and at once when a pass is over.
const DRAW_EVERY = 250; // ms
let drawTimer = null;
function drawSoon() {
  drawTimer ??= setTimeout(drawNow, DRAW_EVERY);
}

function drawNow() {
  clearTimeout(drawTimer);
  drawTimer = null;
  draw();
}

function startEngine() {
  const worker = new Worker(root.dataset.worker, { type: "module" });
  worker.addEventListener("message", (event) => receive(event.data || {}));
  worker.addEventListener("error", () => failed("计算引擎意外停止了。请刷新页面后再试。"));
  worker.postMessage({
    op: "init",
    indexURL: root.dataset.pyodide,
    wheelURL: root.dataset.wheel,
    batchWheelURL: root.dataset.batchWheel,
    stdlibURL: root.dataset.stdlib,
    xlsxWheels: root.dataset.xlsxWheels.split(" ").filter(Boolean),
  });
  return worker;
}

function failed(message) {
  job = null;
  progress(0, null);
  root.dataset.state = "failed";
  status("");
  showError(message);
}

function next() {
  const { id, done, count, planned } = job;
  for (; job.sent < Math.min(count, done + AHEAD); job.sent += 1) {
    engine.postMessage({ op: "row", job: id, index: job.sent, planned });
  }
  if (done < count) return;
  drawNow();
  if (!planned) {
    // The totals of everyone first; then the day each reaches the standard (the slow part).
    job = { id, count, sent: 0, done: 0, planned: true };
    status(`已算出 ${count} 人的积分，正在推算各人稳定达到标准分值的日期…`);
    next();
    return;
  }
  job = null;
  progress(0, null);
  root.dataset.state = "done";
  status(`完成：${count} 人。`);
}

let warmed = false;

function receive(message) {
  if (message.type === "ready" && !warmed) {
    warmed = true;
    warmRuntime({ idle: true, batch: true }); // the offline copy of this page's engine
  } else if (message.type === "failed") {
    failed(`计算引擎出错了：${message.message}。请刷新页面后再试。`);
  } else if (message.type === "read" && message.job === job?.id) {
    if (message.error) {
      failed(message.error);
      return;
    }
    const notes = $("batch-notes");
    notes.replaceChildren(
      ...(message.notes || []).map((text) => Object.assign(document.createElement("li"), { textContent: text })),
    );
    notes.hidden = !notes.children.length;
    results = new Array(message.count).fill(null);
    job = { id: job.id, count: message.count, sent: 0, done: 0, planned: false };
    if (!message.count) {
      failed("文件里没有找到员工的行：请在模板的示例行下面每行填一名员工。");
      return;
    }
    status(`正在计算 ${message.count} 人的积分…`);
    next();
  } else if (message.type === "row" && message.job === job?.id) {
    // the plan comes alone, after the row's total, 居转户 and documents
    const before = results[message.index];
    results[message.index] = message.planned ? { ...before, ...message.result } : message.result;
    job.done += 1;
    progress(job.done, job.count);
    if (!job.planned) status(`正在计算积分：${job.done} / ${job.count} 人`);
    else status(`正在推算达到标准分值的日期：${job.done} / ${job.count} 人`);
    drawSoon();
    next();
  } else if (message.type === "file") {
    const type =
      message.format === "xlsx"
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv;charset=utf-8";
    const url = URL.createObjectURL(new Blob([message.bytes], { type }));
    const link = Object.assign(document.createElement("a"), {
      href: url,
      download: `积分批量测算结果.${message.format}`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    status(message.format === "xlsx" ? "已导出 Excel 文件。" : "已导出 CSV 文件。");
  }
}

async function read(file) {
  if (!file) return;
  showError("");
  results = [];
  draw();
  root.dataset.state = "working";
  status(`正在读取“${file.name}”…`);
  progress(0, 0);
  const data = await file.slice(0, MAX_BYTES + 1).arrayBuffer();
  jobs += 1;
  job = { id: jobs, count: 0, sent: 0, done: 0, planned: false };
  engine.postMessage({ op: "read", job: jobs, data, name: file.name }, [data]);
}

// 取消: the worker is stopped where it is and a new one started for the next file.
$("batch-cancel").addEventListener("click", () => {
  engine.terminate();
  engine = startEngine();
  job = null;
  progress(0, null);
  root.dataset.state = "cancelled";
  status(`已取消。${results.some(Boolean) ? "表中是取消前算完的人。" : ""}`);
  draw();
});

$("batch-file").addEventListener("change", (event) => read(event.target.files[0]));

const drop = $("batch-drop");
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.dataset.over = "";
});
drop.addEventListener("dragleave", () => delete drop.dataset.over);
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  delete drop.dataset.over;
  read(event.dataTransfer.files[0]);
});

for (const th of table.querySelectorAll("th[data-key]")) {
  th.querySelector("button").addEventListener("click", () => {
    const same = view.key === th.dataset.key;
    view.key = th.dataset.key;
    view.direction = same && view.direction === "ascending" ? "descending" : "ascending";
    draw();
  });
}

for (const radio of document.querySelectorAll('input[name="batch-filter"]')) {
  radio.addEventListener("change", () => {
    view.filter = radio.value;
    draw();
  });
}

for (const button of document.querySelectorAll("[data-export]")) {
  button.addEventListener("click", () => {
    const done = results.filter(Boolean).map(({ documents, ...rest }) => rest);
    if (!done.length) return;
    status("正在生成导出文件…");
    engine.postMessage({ op: "export", format: button.dataset.export, results: done });
  });
}

$("batch-print").addEventListener("click", () => {
  drawPrintPages($("batch-print-pages"), results.filter(Boolean), labels);
  window.print();
});

engine = startEngine();
