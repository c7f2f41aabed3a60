// Registers the service worker (offline use) when the build wrote one, once the page has
// loaded: its install copies every page, which should not compete with the page itself (or
// with the calculator's runtime download) for the network and the main thread.
const sw = document.querySelector("script[data-sw]")?.dataset.sw;
if (sw && "serviceWorker" in navigator) {
  const register = () => navigator.serviceWorker.register(sw, { scope: "/" }).catch(() => {});
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}

// Site search runs on the device: send the header's query to the search page after "#", so it
// never reaches the server (the form's ?q= stays as the no-script fallback).
document.querySelector("form.header-search")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = new FormData(event.currentTarget).get("q") || "";
  location.assign(`/search/#${new URLSearchParams({ q: String(query).trim() })}`);
});
