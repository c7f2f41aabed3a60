// The service worker (offline use): registered once, by site.js on every page, when the build
// wrote one (the script tag of site.js names it in data-sw). Registration starts while the
// page loads, so a new deploy's worker installs before the calculator asks it for the runtime.
let registration = null;

export function registerServiceWorker() {
  const url = document.querySelector("script[data-sw]")?.dataset.sw;
  if (!url || !("serviceWorker" in navigator)) return null;
  registration ??= navigator.serviceWorker.register(url, { scope: "/" }).catch(() => null);
  return registration;
}

// Runs `task` once the page has loaded and the browser is idle.
function whenIdle(task) {
  const idle = () => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: 10000 });
    else setTimeout(task, 2000);
  };
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
}

// Asks the active service worker to keep the site's pages and the calculator's runtime and
// wheel (the files it does not have yet). `idle`: when the page is idle, and at low priority,
// so nothing the page itself fetches waits behind them.
// The calculator asks once its engine is ready: the engine's files are then in the browser's
// HTTP cache and cost nothing more; with save-data or on 2G the other pages are left out.
// `batch`: /batch/'s own files too (its standard library and wheels), asked by /batch/.
export function warmRuntime({ idle = false, batch = false } = {}) {
  const pages = !thriftyConnection();
  const ask = () => askToWarm(idle, pages, batch);
  if (idle) whenIdle(ask);
  else ask();
  // A new deploy's worker that takes over deletes the old one's cache, and with it what the
  // old one was asked to keep: ask the new one too.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("controllerchange", ask, { once: true });
  }
}

function askToWarm(idle, pages = true, batch = false) {
  registerServiceWorker()?.then((registered) => {
    if (!registered) return;
    navigator.serviceWorker.ready.then((ready) =>
      ready.active?.postMessage({ type: "warm-runtime", idle, pages, batch }),
    );
  });
}

// The person asked the browser to save data, or the connection is 2G: nothing is fetched
// that the page itself does not need.
function thriftyConnection(connection = navigator.connection) {
  if (!connection) return false;
  return Boolean(connection.saveData) || /2g$/.test(String(connection.effectiveType || ""));
}

// On every page but the calculator (which loads the engine itself), once the page has loaded
// and the browser is idle: the engine's files (runtime, standard library, wheel; about 4 MB)
// go into the service worker's cache, so a first visit to the calculator afterwards starts
// without downloading them. Never with save-data or on 2G.
export function warmRuntimeWhenIdle() {
  if (document.getElementById("calculator") || !registerServiceWorker()) return;
  whenIdle(() => {
    if (!thriftyConnection()) askToWarm(true);
  });
}
