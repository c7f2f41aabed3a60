// Probe for the "memory snapshot" stretch item, in Node (no browser): how long Pyodide takes to
// start, load the engine wheel and import it, with and without a memory snapshot taken after
// that import, and how big the snapshot is. Not used by the site.
//
//   node bench/snapshot_probe.mjs WHEEL [RUNS] [STDLIB]
//
// WHEEL: the built calculator-*.whl; STDLIB: a standard-library archive to start from instead
// of Pyodide's stock python_stdlib.zip (e.g. the build's stdlib-*.zip).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");
const [wheelPath, runsText = "5", stdlibPath] = process.argv.slice(2);
if (!wheelPath) {
  console.error("usage: node bench/snapshot_probe.mjs WHEEL [RUNS] [STDLIB]");
  process.exit(2);
}
const wheel = new Uint8Array(readFileSync(wheelPath));
const runs = Number(runsText);
const quiet = { stdout: () => {}, stderr: () => {}, stdLibURL: stdlibPath };
const IMPORT = "import json, calculator; calculator.RULES_VERSION";

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const spread = (v) =>
  `${median(v).toFixed(0)} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}) ms`;

async function plain() {
  const start = performance.now();
  const pyodide = await loadPyodide(quiet);
  pyodide.unpackArchive(wheel, "wheel");
  pyodide.runPython(IMPORT);
  return performance.now() - start;
}

const made = await loadPyodide({ ...quiet, _makeSnapshot: true });
made.unpackArchive(wheel, "wheel");
made.runPython(IMPORT);
const snapshot = made.makeMemorySnapshot();

async function fromSnapshot() {
  const start = performance.now();
  const pyodide = await loadPyodide({ ...quiet, _loadSnapshot: snapshot });
  const version = pyodide.runPython(IMPORT);
  if (!version) throw new Error("the engine did not import from the snapshot");
  return performance.now() - start;
}

const times = { plain: [], snapshot: [] };
try {
  for (let i = 0; i < runs; i++) {
    times.plain.push(await plain());
    times.snapshot.push(await fromSnapshot());
  }
} catch (error) {
  // Pyodide's own errors carry its whole minified source; the first line says enough.
  console.error("failed:", String(error?.message || error).split("\n")[0].slice(0, 300));
  process.exit(1);
}
const br = brotliCompressSync(snapshot, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
console.log(`snapshot: ${(snapshot.byteLength / 1e6).toFixed(1)} MB raw, ` +
  `${(gzipSync(snapshot).byteLength / 1e6).toFixed(2)} MB gzip, ${(br.byteLength / 1e6).toFixed(2)} MB brotli 9`);
console.log(`start + wheel + import, plain:         ${spread(times.plain)}`);
console.log(`start + import, from the snapshot:     ${spread(times.snapshot)}`);
