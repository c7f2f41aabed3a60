// The batch inside Pyodide under Node, as the /batch/ page's worker runs it: the engine's and the
// batch's sources from the working tree (calculator/, zipped by bench/batch_speed.py) on
// Pyodide's own standard library (what the page loads), offline. Times N runs of one file:
// read it, every row's totals (calculator.batch.one with planned=False, and the documents
// list the page adds), then every row with its plan; and the peak memory of the rows' work.
//
//   node bench/batch_speed.mjs SOURCES_ZIP FILE RUNS
//
// Prints one JSON object: {"read_ms": [...], "totals_ms": [...], "planned_ms": [...],
// "peak": {"rows": bytes}, "heap": {"after": bytes}}: the peak Python allocations (tracemalloc)
// while 100 and 400 rows are made and dropped, and the size of Pyodide's WebAssembly memory
// (which never shrinks) after the first run, after all runs and after the 400 rows.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [sourcesPath, filePath, runs] = process.argv.slice(2);

const DRIVER = String.raw`
import json
import time
import tracemalloc

from calculator.batch import one, plan_of, read_file

AS_OF = "2026-12-01"


def timed(js_data, runs, heap):
    data = js_data.to_bytes()
    out = {"read_ms": [], "totals_ms": [], "planned_ms": [], "heap": {}}
    for run in range(runs + 1):  # the first run loads the rules and catalogues, as a page does
        start = time.perf_counter()
        rows = read_file(data, "名单.csv")["rows"]
        read = time.perf_counter()
        for row in rows:  # as the page's worker: the totals of every row, then their plans
            json.dumps(one(row, AS_OF, False, True), ensure_ascii=False)
        totals = time.perf_counter()
        for row in rows:
            json.dumps(plan_of(row, AS_OF), ensure_ascii=False)
        planned = time.perf_counter()
        if run:
            out["read_ms"].append((read - start) * 1000)
            out["totals_ms"].append((totals - read) * 1000)
            out["planned_ms"].append((planned - totals) * 1000)
        else:
            out["heap"]["after the first run"] = heap()
    out["heap"]["after every run"] = heap()
    out["peak"] = {}
    for count in (100, 400):
        rows = read_file(data, "名单.csv")["rows"]
        rows = [dict(rows[i % len(rows)]) for i in range(count)]
        tracemalloc.start()
        for row in rows:
            one(row, AS_OF, False, True)
            plan_of(row, AS_OF)
        out["peak"][count] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    out["heap"]["after 400 more rows"] = heap()
    return json.dumps(out)

timed
`;

const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") + "/" });
pyodide.unpackArchive(new Uint8Array(readFileSync(sourcesPath)), "zip");
const timed = pyodide.runPython(DRIVER);
const heap = () => pyodide._module.HEAPU8.buffer.byteLength;
console.log(timed(new Uint8Array(readFileSync(filePath)), Number(runs), heap));
