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

// Asks the active service worker to keep the calculator's runtime and wheel (the files it
// does not have yet). `idle`: a warm-up from another page, fetched at low priority.
export function warmRuntime({ idle = false } = {}) {
  registerServiceWorker()?.then((registered) => {
    if (!registered) return;
    navigator.serviceWorker.ready.then((ready) => ready.active?.postMessage({ type: "warm-runtime", idle }));
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
  const warm = () => {
    if (!thriftyConnection()) warmRuntime({ idle: true });
  };
  const whenIdle = () => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(warm, { timeout: 10000 });
    else setTimeout(warm, 2000);
  };
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}
