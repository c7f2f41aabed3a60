// Offline support. The build prepends
// `const BUILD = {"version": "...", "precache": [...], "batch": [...]};`.
//
// - One cache per build version; activating a new version deletes the old caches, so a deploy
//   replaces every file at once (pages and their hashed assets always match).
// - Pages and assets: an update installs them all before it takes over. A first install keeps
//   at once only what the visit has already loaded (from the browser's HTTP cache, so nothing
//   is downloaded twice) and the offline page (/404.html); the rest waits until a page asks for
//   it ({type: "warm-runtime"}), so a first visit's own downloads, the calculator's engine above
//   all, never queue behind the copies of pages nobody has opened yet.
// - The calculator's runtime (about 16 MB raw, 4 MB as served) is added when a page asks for it
//   ({type: "warm-runtime"}, after the pages): the calculator once its engine is ready, any
//   other page once it is idle (offline.js; never with save-data or on 2G, when the calculator
//   asks for the runtime only, which its visit has just loaded), and it is carried
//   over from the previous version when its URL is unchanged. A page that asks for a runtime
//   file while it is being added waits for that download rather than starting a second one.
// - /batch/'s own engine files (BUILD.batch: its standard library, the batch's wheel, the
//   openpyxl wheels) are never fetched for another page: they are kept when /batch/ loads
//   them, and the rest of them when /batch/ asks ({type: "warm-runtime", batch: true}, once its
//   engine is ready), and carried over like the runtime.
// - Pages (navigations) come from the network first, so a returning visitor gets the newly
//   deployed page with its own hashed assets and wheel; the cached copy is used only when the
//   network fails or the server errs. A page fetched that way is never written into the
//   cache: a cache holds one build, whole, as installed.
// - Everything else is answered from the cache first, then from the network. Only files whose
//   path names their content (hashed assets, the wheel, the versioned runtime) are added to
//   the cache on the way, so an old cache never gains a newer build's files or vice versa.

/* global BUILD */
const CACHE_PREFIX = "sh-points-";
const CACHE = CACHE_PREFIX + BUILD.version;
const SNAPSHOT_CACHE = "engine-snapshot"; // written by engine-worker.js

const toPath = (entry) => new URL(entry, self.location.origin).pathname;
const batchPaths = (BUILD.batch || []).map(toPath);
const batchFiles = new Set(batchPaths);
const isRuntime = (path) => path.startsWith("/pyodide/") || path.startsWith("/wheels/") || batchFiles.has(path);
const isImmutable = (path) => isRuntime(path) || path.startsWith("/assets/");
const precachePaths = BUILD.precache.map(toPath);
const shellPaths = precachePaths.filter((path) => !isRuntime(path));
const runtimePaths = precachePaths.filter(isRuntime);
const known = new Set([...precachePaths, ...batchPaths]);

// "/calculator", "/calculator/" and "/calculator/index.html" are the same page.
function cacheKey(pathname) {
  if (known.has(pathname)) return pathname;
  if (pathname.endsWith("/index.html")) {
    const dir = pathname.slice(0, -"index.html".length);
    if (known.has(dir)) return dir;
  }
  if (!pathname.endsWith("/") && known.has(`${pathname}/`)) return `${pathname}/`;
  if (pathname.endsWith("/") && known.has(`${pathname}index.html`)) return `${pathname}index.html`;
  return pathname;
}

async function carryOverRuntime(cache) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    for (const path of [...runtimePaths, ...batchPaths]) {
      if (await cache.match(path)) continue;
      const response = await old.match(path);
      if (response) await cache.put(path, response);
    }
  }
}

// A file whose path names its content is right wherever it comes from, so a copy the browser
// already holds (its HTTP cache) is taken rather than downloaded again; a page is asked of the
// server again (revalidated), so it is this build's. loadedOnly: the HTTP cache's copy or none.
function shellRequest(path, loadedOnly = false) {
  if (loadedOnly) return new Request(path, { cache: "only-if-cached", mode: "same-origin" });
  return new Request(path, { cache: isImmutable(path) ? "force-cache" : "no-cache" });
}

// The files being added to the cache, by path.
const keeping = new Map();

function keep(cache, path, { priority = "auto", loadedOnly = false } = {}) {
  let job = keeping.get(path);
  if (!job) {
    job = (async () => {
      if (await cache.match(path)) return;
      const response = await fetch(isRuntime(path) ? new Request(path) : shellRequest(path, loadedOnly), { priority });
      if (response.ok) await cache.put(path, response);
    })().finally(() => keeping.delete(path));
    keeping.set(path, job);
  }
  return job;
}

async function keepAll(cache, paths, options) {
  await Promise.all(paths.map((path) => keep(cache, path, options).catch(() => {})));
}

// idle: asked by a page that does not need the files now, so they come at low priority. The
// pages and assets first (small), then the runtime, one file after another.
// pages: false (save-data or 2G, on the calculator) keeps the runtime only.
// batch: /batch/'s own files too, after the runtime.
async function warm({ idle = false, pages = true, batch = false } = {}) {
  const cache = await caches.open(CACHE);
  const priority = idle ? "low" : "auto";
  if (pages) await keepAll(cache, shellPaths, { priority });
  for (const path of batch ? [...runtimePaths, ...batchPaths] : runtimePaths) {
    try {
      await keep(cache, path, { priority });
    } catch {
      // offline or refused: the calculator fetches the file when it needs it
    }
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const update = (await caches.keys()).some((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
      if (update) {
        await cache.addAll(shellPaths.map((path) => shellRequest(path)));
      } else {
        await keepAll(
          cache,
          shellPaths.filter((path) => path !== "/404.html"),
          { loadedOnly: true },
        );
        await cache.add(shellRequest("/404.html"));
      }
      await carryOverRuntime(cache);
      await self.skipWaiting();
    })(),
  );
});

// The engine's worker keeps a memory snapshot of the interpreter in its own cache, keyed by the
// runtime files it was made from; one made from another build's files will never be used again.
async function dropStaleSnapshots() {
  if (!(await caches.has(SNAPSHOT_CACHE))) return;
  const cache = await caches.open(SNAPSHOT_CACHE);
  for (const request of await cache.keys()) {
    const made = new URL(request.url).searchParams;
    const paths = [made.get("worker"), made.get("wheel"), made.get("stdlib")].filter(Boolean);
    if (!paths.every((path) => known.has(path))) await cache.delete(request);
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await dropStaleSnapshots();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "warm-runtime") {
    const { idle, pages, batch } = event.data;
    event.waitUntil(warm({ idle: Boolean(idle), pages: pages !== false, batch: Boolean(batch) }).catch(() => {}));
  }
});

async function fromCache(cache, request) {
  return cache.match(cacheKey(new URL(request.url).pathname), { ignoreSearch: true });
}

async function offlinePage(cache, request) {
  return (await fromCache(cache, request)) || (await cache.match("/404.html"));
}

async function respondToNavigation(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.status < 500) return response;
    return (await fromCache(cache, request)) || response;
  } catch (error) {
    const cached = await offlinePage(cache, request);
    if (cached) return cached;
    throw error;
  }
}

async function respond(request) {
  const cache = await caches.open(CACHE);
  const key = cacheKey(new URL(request.url).pathname);
  const arriving = keeping.get(key);
  if (arriving) await arriving.catch(() => {});
  const cached = await fromCache(cache, request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && known.has(key) && isImmutable(key)) await cache.put(key, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === "navigate" ? respondToNavigation(request) : respond(request));
});
