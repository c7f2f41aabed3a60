// The reference the calculator is measured against: nothing but loadPyodide() on the same
// runtime files, on the main thread (data-mode="main") or in a module worker ("worker").
const root = document.getElementById("bare");
const { indexUrl, mode } = root.dataset;

function done(state, text) {
  root.textContent = text;
  root.dataset.engine = state;
}

if (mode === "worker") {
  const worker = new Worker(new URL("bare-worker.js", import.meta.url), { type: "module" });
  worker.addEventListener("message", (event) => done(event.data.state, event.data.text));
  worker.postMessage({ indexURL: new URL(indexUrl, location.href).href });
} else {
  try {
    const { loadPyodide } = await import(indexUrl + "pyodide.mjs");
    const pyodide = await loadPyodide({ indexURL: indexUrl });
    done("ready", pyodide.version);
  } catch (error) {
    done("error", String(error));
  }
}
