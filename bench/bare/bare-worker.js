// bare.js in a module worker: loadPyodide() and nothing else.
self.addEventListener("message", async (event) => {
  const { indexURL } = event.data;
  try {
    const { loadPyodide } = await import(indexURL + "pyodide.mjs");
    const pyodide = await loadPyodide({ indexURL });
    self.postMessage({ state: "ready", text: pyodide.version });
  } catch (error) {
    self.postMessage({ state: "error", text: String(error) });
  }
});
