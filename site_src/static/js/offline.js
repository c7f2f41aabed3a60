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

// Asks the active service worker to keep the calculator's runtime and wheel for offline use
// (other pages never download them).
export function warmRuntime() {
  registerServiceWorker()?.then((registered) => {
    if (!registered) return;
    navigator.serviceWorker.ready.then((ready) => ready.active?.postMessage({ type: "warm-runtime" }));
  });
}
