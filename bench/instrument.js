// Added to every page before its own scripts run: records when an element's data-engine
// becomes "ready" (or "error"), in ms since navigation start, and the main thread's long tasks;
// on the calculator also how the engine started (data-engine-start: "snapshot" or "fresh") and
// whether a fresh start's memory snapshot was stored (data-engine-snapshot).
(() => {
  const bench = (window.__bench = { ready: null, error: null, longtasks: [], start: null, snapshot: null });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    bench.longtasks = null; // not supported: reported as such, never as "none"
  }
  const seen = (element) => {
    const state = element.getAttribute("data-engine");
    if (state === "ready" && bench.ready === null) {
      bench.ready = performance.now();
      bench.start = element.getAttribute("data-engine-start");
    }
    bench.snapshot = element.getAttribute("data-engine-snapshot") ?? bench.snapshot;
    if (state === "error" && bench.error === null) {
      bench.error = (element.textContent || "error").trim().slice(0, 400);
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target.nodeType === 1 && record.target.hasAttribute("data-engine")) seen(record.target);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-engine", "data-engine-snapshot"] });
})();
