// Runs the engine inside Pyodide under Node on the calculator's own standard library (the
// trimmed, byte-compiled archive the build writes), offline.
//
//   node tests/pyodide/run_with_stdlib.mjs STDLIB_ZIP WHEEL CASES_JSON
//
// CASES_JSON holds [{name, profile}]. Prints one JSON object: every case's score and plan (or
// its validation problems), the catalogues' sizes, two Python exceptions as JavaScript saw
// them, and the modules imported from a .py file of the archive (the codecs only, if any).
// Called by tests/build/test_stdlib.py, which compares the answers with CPython's.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const [stdlibPath, wheelPath, casesPath] = process.argv.slice(2);
if (!casesPath) {
  console.error("usage: node tests/pyodide/run_with_stdlib.mjs STDLIB_ZIP WHEEL CASES_JSON");
  process.exit(2);
}

const DRIVER = String.raw`
import json
import sys

import calculator
from calculator import catalogues


def run_cases(text):
    answers = {}
    for case in json.loads(text):
        try:
            answers[case["name"]] = {"score": calculator.score(case["profile"]),
                                     "plan": calculator.plan(case["profile"])}
        except calculator.ValidationError as error:
            answers[case["name"]] = {"problems": error.problems}
    return json.dumps(answers, ensure_ascii=False, default=str)


def catalogue_sizes():
    return json.dumps([len(catalogues.skill_occupations()), len(catalogues.qualifications())])


def from_source():
    prefix = "/lib/python314.zip/"
    return json.dumps(sorted(
        name for name, module in list(sys.modules.items())
        if (getattr(getattr(module, "__spec__", None), "origin", None) or "").startswith(prefix)
        and module.__spec__.origin.endswith(".py")
    ))


def fail(op):
    raise ValueError("unknown op " + repr(op))

run_cases, catalogue_sizes, from_source, fail
`;

function caught(run) {
  try {
    run();
  } catch (error) {
    return String(error && error.message);
  }
  return null;
}

try {
  const output = [];
  const pyodide = await loadPyodide({
    indexURL: join(root, "node_modules", "pyodide") + "/",
    stdLibURL: resolve(stdlibPath),
    stdout: (line) => output.push(line),
    stderr: (line) => output.push(line),
  });
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
  const [runCases, catalogueSizes, fromSource, failing] = pyodide.runPython(DRIVER).toJs();
  const answers = JSON.parse(runCases(readFileSync(casesPath, "utf-8")));
  console.log(JSON.stringify({
    answers,
    catalogues: JSON.parse(catalogueSizes()),
    // a Python function called from JavaScript that raises, as the worker's engine call can
    raised: caught(() => failing("no-such-op")),
    // runPython raising inside a standard-library module
    runPython: caught(() => pyodide.runPython("import json\njson.loads('{')")),
    fromSource: JSON.parse(fromSource()),
    output,
  }));
} catch (error) {
  console.error(error && error.type ? String(error.message) : String((error && error.stack) || error));
  process.exit(1);
}
