// Registers the service worker (offline use) when the build wrote one; nothing else.
const sw = document.querySelector("script[data-sw]")?.dataset.sw;
if (sw && "serviceWorker" in navigator) {
  navigator.serviceWorker.register(sw, { scope: "/" }).catch(() => {});
}
