// Every page: the service worker, the engine's files warmed while the page is idle (not on
// the calculator, not with save-data or on 2G), and the header's search box.
import { registerServiceWorker, warmRuntimeWhenIdle } from "./offline.js";

registerServiceWorker();
warmRuntimeWhenIdle();

// Site search runs on the device: send the header's query to the search page after "#", so it
// never reaches the server (the form's ?q= stays as the no-script fallback).
document.querySelector("form.header-search")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = new FormData(event.currentTarget).get("q") || "";
  location.assign(`/search/#${new URLSearchParams({ q: String(query).trim() })}`);
});
