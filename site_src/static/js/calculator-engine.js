// The page's side of the engine worker: starts it without blocking the page, reports
// progress and failures, and coalesces requests (one in flight, the latest waiting one wins).
// Over 300 lines on purpose: the page loads this module first and it starts the worker as it
// runs, so it imports nothing (an import would hold the start back by a request); the
// failures' words therefore live here too.

// No message from the worker for this long while it is starting means it is stuck.
const STALL_MS = 45000;

const BROWSERS = "最新版的 Chrome、Edge、Firefox 或 Safari";
const RETRY = "点“重新加载计算引擎”";

// Every way the engine can fail, said for people: what happened and what to do. The raw
// detail (often Pyodide's or the browser's own English) is only shown folded, for reporting.
// retry: the retry button helps; reload: so may reloading the page (answers kept).
const FAILURES = {
  offline: { message: `网络连接中断了，计算引擎没有下载完。请检查网络连接，然后${RETRY}。`, retry: true },
  updated: {
    message: "本站刚刚更新过，这个页面要用的计算引擎文件已换成新版本。请刷新页面，已填的内容会保留。",
    retry: true,
    reload: true,
  },
  server: { message: `本站的服务器暂时没有送来计算引擎的文件。请稍等一会儿再${RETRY}。`, retry: true },
  damaged: {
    message: `计算引擎的文件下载得不完整或已损坏。请${RETRY}；仍不行时请刷新页面，已填的内容会保留。`,
    retry: true,
    reload: true,
  },
  memory: {
    message: `设备的可用内存不够，计算引擎无法启动。请关掉其他标签页或应用后${RETRY}；仍不行时请用电脑打开本页。`,
    retry: true,
  },
  crash: { message: `计算引擎意外停止了。请${RETRY}；如果反复出现，请换用${BROWSERS}。`, retry: true },
  stalled: {
    message: `计算引擎长时间没有响应：网络可能很慢或中断了，也可能是设备内存不够。请检查网络后${RETRY}。`,
    retry: true,
  },
  engine: {
    message: `计算时出了意外的错误，这是本站的问题，不是你填错了。请${RETRY}后再试；如果反复出现，请按“关于本站”页“发现错误怎么办？”告诉我们，附上下面的技术信息。`,
    retry: true,
  },
  "no-wasm": {
    message: `你的浏览器不支持或关闭了 WebAssembly（如 iPhone 的“锁定模式”），无法在本机运行计算引擎。表单仍可填写、保存和分享；请换用${BROWSERS}打开。`,
    retry: false,
  },
  "no-worker": {
    message: `你的浏览器不支持计算引擎需要的后台脚本（模块 Web Worker），无法在本机计算。表单仍可填写、保存和分享；请换用${BROWSERS}打开。`,
    retry: false,
  },
};

// Module workers: reading `type` from the options shows the browser knows it (a browser that
// does not would start a classic worker, which cannot load the engine). The invalid URL makes
// the constructor throw before anything is fetched.
let moduleWorkers = null;
function supportsModuleWorkers() {
  if (moduleWorkers !== null) return moduleWorkers;
  let supported = false;
  try {
    new Worker("http://[", {
      get type() {
        supported = true;
        return "module";
      },
    }).terminate();
  } catch {
    // expected: the URL is invalid
  }
  moduleWorkers = supported;
  return supported;
}

function supportProblem() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") return "no-wasm";
  if (typeof Worker !== "function" || !supportsModuleWorkers()) return "no-worker";
  return null;
}

// A failure's kind from its message, when the worker could not tell (it names HTTP failures).
function failureKind(message, stage = "") {
  const text = String(message || "");
  if (
    /out of memory|could not allocate|allocation failed|Array buffer allocation|Maximum call stack|memory access out of bounds/i.test(
      text,
    )
  ) {
    return "memory";
  }
  if (typeof navigator !== "undefined" && navigator.onLine === false) return "offline";
  if (/Failed to fetch|NetworkError|Load failed|network error|ERR_INTERNET|ERR_NETWORK|net::|fetch.*fail/i.test(text))
    return "offline";
  if (
    /BadZipFile|zipimport|not a zip|zip file|CompileError|WebAssembly\.(instantiate|compile)|magic|unexpected end|SyntaxError|Unexpected token|invalid (wheel|archive)/i.test(
      text,
    )
  ) {
    return "damaged";
  }
  if (stage === "wheel" || stage === "import" || stage === "runtime") return "damaged";
  return "crash";
}

// Who the report is about: the stage, the raw message and the browser.
function technical(stage, message) {
  const lines = [];
  if (stage) lines.push(`阶段：${stage}`);
  lines.push(`信息：${String(message || "（无）").trim()}`);
  if (typeof navigator !== "undefined") lines.push(`浏览器：${navigator.userAgent}`);
  return lines.join("\n");
}

// Python errors arrive with their traceback; the last line says what happened.
function lastLine(message) {
  const lines = String(message || "")
    .trim()
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines[lines.length - 1] : "未知错误";
}

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
      this.fail(problem, problem === "no-wasm" ? "WebAssembly 不可用" : "不支持模块 Web Worker");
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
        this.fail("crash", `new Worker: ${error?.message}`);
        return;
      }
    }
    this.worker.addEventListener("message", (event) => this.receive(event.data || {}));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.workerError(event);
    });
    this.worker.addEventListener("messageerror", () => this.fail("crash", "messageerror: 无法读取的消息"));
    this.armWatchdog();
    if (!early) {
      this.worker.postMessage(initMessage(this));
      return;
    }
    // What the worker said before the page was wired, in order.
    for (const event of early.events) {
      if (this.worker !== early.worker) break; // a replayed failure stopped it
      if (event.type === "message") this.receive(event.data || {});
      else if (event.type === "messageerror") this.fail("crash", "messageerror: 无法读取的消息");
      else this.workerError(event);
    }
  }

  // An error thrown in the worker names itself; a worker script that never loaded does not
  // (the browser says nothing more): asking for the script again tells a missing file (a newer
  // deploy replaced it) from a lost connection.
  async workerError(event) {
    const said = event.message ? `${event.message} (${event.filename || "worker"}:${event.lineno || 0})` : "";
    if (said) {
      this.fail(failureKind(said, "worker") === "memory" ? "memory" : "crash", said);
      return;
    }
    this.stop();
    let kind = "crash";
    let detail = "worker error event without a message";
    try {
      const response = await fetch(this.workerURL, { method: "HEAD", cache: "no-store" });
      detail += `; ${this.workerURL}: HTTP ${response.status}`;
      if (response.status === 404) kind = "updated";
      else if (!response.ok) kind = "server";
    } catch (error) {
      kind = "offline";
      detail += `; ${this.workerURL}: ${error?.message}`;
    }
    if (this.worker === null) this.fail(kind, detail); // unless a retry started meanwhile
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
      () => this.fail("stalled", `no message from the worker for ${STALL_MS / 1000} s`),
      STALL_MS,
    );
  }

  setState(state, detail = {}) {
    this.state = state;
    this.onState(state, detail);
  }

  // kind: a key of FAILURES; detail: the raw account, for the folded technical information.
  fail(kind, detail, stage = "") {
    this.stop();
    const failure = FAILURES[kind] || FAILURES.crash;
    this.setState("error", {
      kind,
      message: failure.message,
      retry: failure.retry,
      reload: Boolean(failure.reload),
      technical: technical(stage, detail),
    });
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
      // The worker names HTTP and network failures (kind); anything else is read from its words.
      const kind = FAILURES[message.kind] ? message.kind : failureKind(message.message, message.stage);
      this.fail(kind, message.message, message.stage);
    } else if (message.type === "reply") {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.ok || message.kind === "validation") {
        waiting.resolve(message);
      } else {
        waiting.reject(new Error(lastLine(message.message)));
        this.fail(failureKind(message.message) === "memory" ? "memory" : "engine", message.message, "score");
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
  if (!root?.dataset.worker || supportProblem()) return;
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
