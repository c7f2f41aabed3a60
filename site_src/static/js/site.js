// Every page: the service worker, and the header's search box.
import { registerServiceWorker } from "./offline.js";

registerServiceWorker();

// Site search runs on the device: send the header's query to the search page after "#", so it
// never reaches the server (the form's ?q= stays as the no-script fallback).
document.querySelector("form.header-search")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = new FormData(event.currentTarget).get("q") || "";
  location.assign(`/search/#${new URLSearchParams({ q: String(query).trim() })}`);
});
