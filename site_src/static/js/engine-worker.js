// The scoring engine in a module worker: starts Pyodide, installs the calculator wheel and
// answers {id, op, profile} messages with the engine's own JSON. No scoring happens here.
//
// Messages to the page:
//   {type: "progress", loaded}                 bytes of runtime and wheel received so far
//   {type: "ready", rulesVersion, start}       start: "snapshot" (restored) or "fresh"
//   {type: "snapshot", state}                  a fresh start's snapshot: "saved", "failed", "unavailable"
//   {type: "failed", stage, kind?, message}     the engine could not start; kind when known:
//                                              "updated" (a file is gone: 404), "server",
//                                              "offline" (the request itself failed)
//   {type: "reply", id, ok: true, result}
//   {type: "reply", id, ok: false, kind: "validation", problems}
//   {type: "reply", id, ok: false, kind: "engine", message}

// The requests are answered by the engine's own calculator.messages.answer(op, text).
const ENGINE_SOURCE = "from calculator.messages import answer\nanswer";

let loadedBytes = 0;
let scriptBytes = 0; // the runtime's two .mjs files, which arrive through import(), not fetch
let lastReport = 0;

function report(force) {
  const now = Date.now();
  if (force || now - lastReport > 100) {
    lastReport = now;
    self.postMessage({ type: "progress", loaded: loadedBytes + scriptBytes });
  }
}

// Modules imported by the worker (pyodide.mjs, pyodide.asm.mjs) are counted when they have
// arrived, from their resource timing (decoded size), so the total reaches the raw size.
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (/\.mjs$/.test(new URL(entry.name).pathname)) scriptBytes += entry.decodedBodySize || 0;
    }
    report(true);
  }).observe({ type: "resource", buffered: true });
} catch {
  // no resource timing: progress counts fetched files only
}

// Pyodide downloads its files with the global fetch; counting the bytes as they stream
// through gives real progress without fetching anything twice.
const networkFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input); // a string or a URL
  const stage = String(url).includes("/wheels/") ? "wheel" : "runtime";
  let response;
  try {
    response = await networkFetch(input, init);
  } catch (error) {
    const message = `${fileName(url)}: ${describe(error)}`;
    self.postMessage({ type: "failed", stage, kind: "offline", message });
    throw error;
  }
  if (!response.ok) {
    // Pyodide retries a failed runtime download in ways that can stall; a missing file will
    // not appear by itself, so the page is told at once.
    // Runtime and wheel paths carry versions: a 404 there means a newer build replaced them.
    const kind = response.status === 404 ? "updated" : "server";
    const message = `${fileName(url)}: HTTP ${response.status}`;
    self.postMessage({ type: "failed", stage, kind, message });
    throw new Error(message);
  }
  if (!response.body) return response;
  const reader = response.body.getReader();
  const counted = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        report(true);
        controller.close();
        return;
      }
      loadedBytes += value.byteLength;
      report(false);
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(counted, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

// import() says only "Failed to fetch dynamically imported module": asking for the file again
// tells a missing one (a newer deploy replaced it) from a lost connection.
async function importRuntime(url) {
  try {
    return await import(url);
  } catch (error) {
    let kind = null;
    try {
      const probe = await networkFetch(url, { method: "HEAD", cache: "no-store" });
      if (probe.status === 404) kind = "updated";
      else if (!probe.ok) kind = "server";
    } catch {
      kind = "offline";
    }
    const message = `${fileName(url)}: ${describe(error)}`;
    self.postMessage({ type: "failed", stage: "runtime", ...(kind && { kind }), message });
    throw error;
  }
}

function fileName(url) {
  return String(url).split("?")[0].split("/").pop() || String(url);
}

function describe(error) {
  if (error && typeof error.message === "string" && error.message) return error.message;
  return String(error);
}

// A memory snapshot of the interpreter taken right after `import calculator` (before any answer
// reaches Python, so it holds no one's data) lets a later visit skip Python's start-up and the
// engine's import. It is kept in Cache Storage under a key naming every file the heap depends
// on, and bound to the bytes of the wheel actually imported (a URL names a file; a broken proxy
// or a test may still answer it with other bytes). A snapshot that cannot be read, belongs to
// other wheel bytes or cannot be restored is deleted and the engine starts normally; so is one
// whose engine raised an unexpected exception, so that "retry" really starts afresh.
const SNAPSHOT_CACHE = "engine-snapshot";
const SNAPSHOT_LENGTH = "x-snapshot-bytes";
const SNAPSHOT_WHEEL = "x-wheel-sha256";

// Cache Storage and SubtleCrypto exist only in secure contexts (https, localhost).
const canKeepSnapshots = Boolean(self.caches && self.crypto?.subtle);

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function snapshotKey({ indexURL, wheelURL, stdlibURL }) {
  const key = new URL("/engine-snapshot", self.location.origin);
  key.search = new URLSearchParams({
    worker: self.location.pathname,
    pyodide: new URL(indexURL, self.location.href).pathname,
    wheel: new URL(wheelURL, self.location.href).pathname,
    stdlib: stdlibURL ? new URL(stdlibURL, self.location.href).pathname : "",
  }).toString();
  return key.href;
}

async function readSnapshot(key) {
  try {
    if (!canKeepSnapshots) return null;
    const response = await (await caches.open(SNAPSHOT_CACHE)).match(key);
    if (!response) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength !== Number(response.headers.get(SNAPSHOT_LENGTH))) throw new Error("truncated");
    return { bytes, wheel: response.headers.get(SNAPSHOT_WHEEL) };
  } catch {
    await dropSnapshot(key);
    return null;
  }
}

async function saveSnapshot(key, bytes, wheel) {
  if (!canKeepSnapshots) return "unavailable";
  try {
    const headers = {
      "content-type": "application/octet-stream",
      [SNAPSHOT_LENGTH]: String(bytes.byteLength),
      [SNAPSHOT_WHEEL]: await sha256(await wheel),
    };
    const cache = await caches.open(SNAPSHOT_CACHE);
    for (const request of await cache.keys()) {
      if (request.url !== key) await cache.delete(request);
    }
    await cache.put(key, new Response(bytes, { headers }));
    return "saved";
  } catch {
    return "failed"; // e.g. storage full: the next visit simply starts without one
  }
}

async function dropSnapshot(key) {
  try {
    if (canKeepSnapshots) await (await caches.open(SNAPSHOT_CACHE)).delete(key);
  } catch {
    // nothing to drop
  }
}

let answer = null;
let snapshotKeyInUse = null;
let saving = null; // the snapshot being written, if any

// Some failures while the runtime starts (WebAssembly refusing memory, Emscripten's abort) end
// in a rejection nobody awaits, and loadPyodide() never settles: the page is told at once
// instead of waiting for its watchdog.
function failedWhileStarting(event) {
  if (answer) return;
  const reason = event.reason ?? event.error ?? event.message;
  self.postMessage({ type: "failed", stage: "runtime", message: describe(reason) });
}
self.addEventListener("unhandledrejection", failedWhileStarting);
self.addEventListener("error", failedWhileStarting);

async function start(init) {
  const { indexURL, wheelURL, stdlibURL } = init;
  const base = new URL(indexURL, self.location.href).href;
  const key = snapshotKey(init);
  snapshotKeyInUse = key;
  let stage = "runtime";
  try {
    // The wheel download starts first so it overlaps with the runtime's start-up.
    const wheel = self.fetch(new URL(wheelURL, self.location.href).href).then((r) => r.arrayBuffer());
    wheel.catch(() => {});
    const snapshot = readSnapshot(key);
    const { loadPyodide } = await importRuntime(`${base}pyodide.mjs`);
    const options = {
      indexURL: base,
      stdLibURL: stdlibURL ? new URL(stdlibURL, self.location.href).href : undefined,
      stdout: () => {},
      stderr: () => {},
    };
    let pyodide = null;
    let saved = await snapshot;
    // Only with a snapshot to check does the start wait for the wheel (then from the cache).
    const wheelDigest = saved ? await sha256(await wheel) : null;
    if (saved && saved.wheel !== wheelDigest) {
      saved = null;
      await dropSnapshot(key);
    }
    if (saved) {
      try {
        pyodide = await loadPyodide({ ...options, _loadSnapshot: saved.bytes });
        pyodide.runPython("import calculator.messages");
      } catch {
        pyodide = null;
        await dropSnapshot(key);
      }
    }
    const restored = Boolean(pyodide);
    if (!pyodide) pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
    stage = "wheel";
    // Restored or not, the engine's files belong on the (fresh) file system.
    pyodide.unpackArchive(await wheel, "wheel");
    stage = "import";
    let fresh = null;
    if (!restored) {
      pyodide.runPython("import calculator.messages");
      try {
        fresh = pyodide.makeMemorySnapshot();
      } catch {
        fresh = null;
      }
    }
    answer = pyodide.runPython(ENGINE_SOURCE);
    const version = pyodide.runPython("calculator.RULES_VERSION");
    self.postMessage({ type: "ready", rulesVersion: String(version), start: restored ? "snapshot" : "fresh" });
    if (fresh) {
      saving = saveSnapshot(key, fresh, wheel);
      self.postMessage({ type: "snapshot", state: await saving });
    }
  } catch (error) {
    self.postMessage({ type: "failed", stage, message: describe(error) });
  }
}

async function handle({ id, op, profile }) {
  if (!answer) {
    self.postMessage({ type: "reply", id, ok: false, kind: "engine", message: "计算引擎尚未就绪" });
    return;
  }
  try {
    const text = answer(op, JSON.stringify(profile ?? null));
    self.postMessage({ type: "reply", id, ...JSON.parse(text) });
  } catch (error) {
    const message = describe(error);
    await saving;
    if (snapshotKeyInUse) await dropSnapshot(snapshotKeyInUse);
    self.postMessage({ type: "reply", id, ok: false, kind: "engine", message });
  }
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.op === "init") start(message);
  else handle(message);
});
