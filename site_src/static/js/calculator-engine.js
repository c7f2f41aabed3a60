// The page's side of the engine worker: starts it without blocking the page, reports
// progress and failures, and coalesces requests (one in flight, the latest waiting one wins).

// No message from the worker for this long while it is starting means it is stuck.
const STALL_MS = 45000;

function supportProblem() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    return "你的浏览器不支持 WebAssembly，无法在本机运行计算引擎。表单仍可填写、保存和分享；请换用较新的 Chrome、Edge、Firefox 或 Safari 打开。";
  }
  if (typeof Worker !== "function") {
    return "你的浏览器不支持 Web Worker，无法在本机运行计算引擎。请换用较新的浏览器打开。";
  }
  return null;
}

// Python errors arrive with their traceback; the last line says what happened.
function lastLine(message) {
  const lines = String(message || "").trim().split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines[lines.length - 1] : "未知错误";
}

const STAGES = {
  runtime: "计算引擎的运行环境没有加载成功",
  wheel: "计算规则包没有加载成功",
  import: "计算规则包无法启动",
};

export class Engine {
  // handlers: onState(state, detail), onProgress(bytes), onSnapshot(state)
  constructor({ workerURL, indexURL, wheelURL, stdlibURL, onState, onProgress, onSnapshot }) {
    Object.assign(this, { workerURL, indexURL, wheelURL, stdlibURL, onState, onProgress, onSnapshot });
    this.worker = null;
    this.state = "loading";
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve, reject}
    this.lanes = new Map(); // lane -> {busy, queued}
  }

  start() {
    const problem = supportProblem();
    if (problem) {
      this.fail(problem, { retry: false });
      return;
    }
    this.stop();
    this.setState("loading");
    const early = adoptEarlyStart(this);
    if (early) {
      this.worker = early.worker;
    } else {
      try {
        this.worker = new Worker(this.workerURL, { type: "module" });
      } catch (error) {
        this.fail(`无法启动计算引擎：${lastLine(error && error.message)}`);
        return;
      }
    }
    this.worker.addEventListener("message", (event) => this.receive(event.data || {}));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(`计算引擎意外停止了（${lastLine(event.message) || "脚本错误"}）。`);
    });
    this.worker.addEventListener("messageerror", () => this.fail("计算引擎返回了无法读取的数据。"));
    this.armWatchdog();
    if (!early) {
      this.worker.postMessage(initMessage(this));
      return;
    }
    // What the worker said before the page was wired, in order.
    for (const event of early.events) {
      if (this.worker !== early.worker) break; // a replayed failure stopped it
      if (event.type === "message") this.receive(event.data || {});
      else if (event.type === "messageerror") this.fail("计算引擎返回了无法读取的数据。");
      else this.fail(`计算引擎意外停止了（${lastLine(event.message) || "脚本错误"}）。`);
    }
  }

  stop() {
    clearTimeout(this.watchdog);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(new Error("stopped"));
    this.pending.clear();
    this.lanes.clear();
  }

  armWatchdog() {
    clearTimeout(this.watchdog);
    if (this.state !== "loading") return;
    this.watchdog = setTimeout(
      () => this.fail("计算引擎长时间没有响应，可能是网络中断或设备内存不足。"),
      STALL_MS,
    );
  }

  setState(state, detail = {}) {
    this.state = state;
    this.onState(state, detail);
  }

  fail(message, { retry = true } = {}) {
    this.stop();
    this.setState("error", { message, retry });
  }

  receive(message) {
    if (message.type === "progress") {
      this.armWatchdog();
      this.onProgress(message.loaded);
    } else if (message.type === "ready") {
      clearTimeout(this.watchdog);
      this.setState("ready", { rulesVersion: message.rulesVersion, start: message.start });
    } else if (message.type === "snapshot") {
      if (this.onSnapshot) this.onSnapshot(message.state);
    } else if (message.type === "failed") {
      const what = STAGES[message.stage] || "计算引擎没有启动成功";
      this.fail(`${what}：${lastLine(message.message)}`);
    } else if (message.type === "reply") {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.ok || message.kind === "validation") {
        waiting.resolve(message);
      } else {
        waiting.reject(new Error(lastLine(message.message)));
        this.fail(`计算时出错：${lastLine(message.message)}。你填写的内容都还在。`);
      }
    }
  }

  call(op, profile) {
    if (this.state !== "ready" || !this.worker) return Promise.reject(new Error("not ready"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, profile });
    });
  }

  // At most one request per lane in flight; while it runs, only the newest request waits.
  // Returns a promise for the reply, or null when a newer request replaced this one.
  latest(lane, op, profile) {
    let entry = this.lanes.get(lane);
    if (!entry) {
      entry = { busy: false, queued: null };
      this.lanes.set(lane, entry);
    }
    return new Promise((resolve) => {
      if (entry.queued) entry.queued.resolve(null);
      entry.queued = { op, profile, resolve };
      this.pump(entry);
    });
  }

  async pump(entry) {
    if (entry.busy || !entry.queued) return;
    const job = entry.queued;
    entry.queued = null;
    entry.busy = true;
    try {
      const reply = await this.call(job.op, job.profile);
      job.resolve(entry.queued ? null : reply);
    } catch {
      job.resolve(null);
    } finally {
      entry.busy = false;
      this.pump(entry);
    }
  }
}

const URL_NAMES = ["workerURL", "indexURL", "wheelURL", "stdlibURL"];

// The runtime's addresses, as the build wrote them on the calculator's root element.
export function runtimeURLs(root) {
  const { worker, pyodide, wheel, stdlib } = root.dataset;
  return { workerURL: worker, indexURL: pyodide, wheelURL: wheel, stdlibURL: stdlib };
}

function initMessage({ indexURL, wheelURL, stdlibURL }) {
  return { op: "init", indexURL, wheelURL, stdlibURL };
}

// The worker is started when this module runs: the calculator page loads it as a module script
// of its own before calculator.js, so fetching and compiling the runtime begins before the rest
// of the page's modules have arrived and run; the Engine adopts it (with what it said in the
// meantime) when the page starts the engine.
let early = null;

function startEarly() {
  const root = document.getElementById("calculator");
  if (!root || !root.dataset.worker || supportProblem()) return;
  try {
    const worker = new Worker(root.dataset.worker, { type: "module" });
    const events = [];
    const keep = (event) => {
      if (event.type === "error") event.preventDefault();
      events.push(event);
    };
    for (const type of ["message", "error", "messageerror"]) worker.addEventListener(type, keep);
    const urls = runtimeURLs(root);
    worker.postMessage(initMessage(urls));
    early = { worker, events, keep, urls };
  } catch {
    early = null; // the Engine tries again and reports the failure
  }
}

function adoptEarlyStart(engine) {
  const found = early;
  early = null;
  if (!found) return null;
  const same = URL_NAMES.every((name) => engine[name] === found.urls[name]);
  for (const type of ["message", "error", "messageerror"]) found.worker.removeEventListener(type, found.keep);
  if (!same) {
    found.worker.terminate();
    return null;
  }
  return found;
}

startEarly();
