// Times calculator.plan() inside Pyodide under Node, on the calculator's own standard library
// and wheel as the build writes them, offline: the median of N calls per profile after one
// warm-up call, and the same for score().
//
//   node bench/plan_speed.mjs STDLIB_ZIP WHEEL PROFILES_JSON RUNS
//
// Prints one JSON object: {name: {"plan_ms": [...], "score_ms": [...]}}.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [stdlibPath, wheelPath, profilesPath, runs] = process.argv.slice(2);

const DRIVER = String.raw`
import json
import time

import calculator


def timed(text, runs):
    out = {}
    for name, profile in json.loads(text).items():
        calculator.plan(profile)
        plans, scores = [], []
        for _ in range(runs):
            start = time.perf_counter()
            calculator.plan(profile)
            plans.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            calculator.score(profile)
            scores.append((time.perf_counter() - start) * 1000)
        out[name] = {"plan_ms": plans, "score_ms": scores}
    return json.dumps(out)

timed
`;

const pyodide = await loadPyodide({
  indexURL: join(root, "node_modules", "pyodide") + "/",
  stdLibURL: resolve(stdlibPath),
});
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
const timed = pyodide.runPython(DRIVER);
console.log(timed(readFileSync(profilesPath, "utf-8"), Number(runs)));
