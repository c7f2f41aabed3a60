// The calculator's standard library: the stock python_stdlib.zip trimmed to what Pyodide and
// the engine import, byte-compiled by Pyodide's own CPython. Run by sitebuild/stdlib.py:
//
//   node sitebuild/stdlib.mjs PYODIDE_DIR WHEEL OUT_ZIP [BATCH_WHEEL XLSX_WHEEL...]
//
// With the batch's wheels after OUT_ZIP, the archive is /batch/'s: the engine is run as above,
// then the batch the way /batch/'s worker runs it (site_src/static/js/batch-worker.js: files of
// every kind read, rows scored and planned, CSV and .xlsx written, with openpyxl), and the
// batch's modules join the import closure; there is no memory snapshot on that page.
//
// 1. starts Pyodide on the stock archive and runs the engine the way the page's worker does
//    (including a memory snapshot after `import calculator`), recording every module imported
//    from the archive;
// 2. adds the import closure of the engine's own modules (modulefinder);
// 3. writes OUT_ZIP: those modules compiled, the codecs and data files as they are;
// 4. checks OUT_ZIP: a Pyodide started from it runs the engine the same way, and so does one
//    restored from that Pyodide's memory snapshot, without compiling any module from source.
//
// Prints one JSON line on success; on failure, the reason on stderr and exit status 1.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

// Everything the worker (site_src/static/js/engine-worker.js) does with the engine, and the
// engine modules it can reach; `answer` is what the worker calls (calculator/messages.py).
const EXERCISE = String.raw`
import importlib
import os

import calculator

_package = os.path.dirname(calculator.__file__)
for _name in sorted(os.listdir(_package)):
    # __main__ is the command line (argparse); it never runs in the browser.
    if _name.endswith(".py") and _name not in ("__init__.py", "__main__.py"):
        importlib.import_module("calculator." + _name[:-3])


from calculator.messages import answer

answer
`;

const RICH = {
  as_of: "2026-11-22",
  birth_date: "1988-02-29",
  education: { level: "bachelor", full_time: false, study_place_consistent: true, top_up_combined: true },
  credentials: [
    { type: "title", level: "intermediate", job_match: true },
    { type: "qualification", name: "会计专业技术资格(中级)", job_match: true, registered: true },
    { type: "qualification", name: "不在目录里的证书" },
    {
      type: "skill",
      level: 3,
      occupation: "焊工",
      job_match: true,
      obtained_in_shanghai: false,
      verified_in_shanghai: true,
    },
  ],
  insurance: [
    { from: "2015-07", to: "2019-06", base_multiple: 0.6, back_pay: true },
    { from: "2019-07", to: "2024-06", base_cny: 11500 },
    { from: "2024-07", base_multiple: 2.5 },
  ],
  shortage_major: true,
  fresh_graduate: true,
  entrepreneur: true,
  intermediary: true,
  family_planning_violation: true,
  investment: { share: 0.6, avg_annual_tax_cny: 500000, avg_hukou_employees: 25 },
  public_service_years: 7,
  key_area: { area: "lingang", years: 4 },
  award: "municipal_comprehensive",
  spouse: { married_on: "2015-10-01" },
  false_materials: ["2025-03-01", "2027-01-01"],
  detentions: ["2024-05-05"],
  crimes: ["2019-01-01"],
};
const MINIMAL = { birth_date: "1990-05-12" }; // no as_of: today in Asia/Shanghai
const INVALID = {
  birth_date: "1990-13-45",
  education: { level: "professor" },
  insurance: [
    { from: "2020-13", base_multiple: 9 },
    { from: "2020-01", base_cny: -1, base_multiple: 1 },
  ],
  credentials: [{ type: "skill", level: 2 }],
  spouse: { married_on: "tomorrow" },
  unknown_key: true,
};

function fail(message) {
  process.stderr.write(message.endsWith("\n") ? message : `${message}\n`);
  process.exit(1);
}

function expect(condition, message) {
  if (!condition) fail(message);
}

// A Python exception raised into JavaScript: Pyodide formats its traceback for the message.
function expectPythonError(run, words) {
  try {
    run();
  } catch (error) {
    const message = String(error?.message);
    expect(
      message.includes("Traceback") && words.every((w) => message.includes(w)),
      `a Python exception reached JavaScript without its traceback: ${message}`,
    );
    return;
  }
  fail(`expected a Python exception (${words.join(", ")})`);
}

async function start(pyodideDir, stdLibURL, options = {}) {
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
  const output = [];
  const keep = (line) => output.push(line);
  try {
    return await loadPyodide({ indexURL: `${pyodideDir}/`, stdLibURL, stdout: keep, stderr: keep, ...options });
  } catch (error) {
    fail(`Pyodide did not start${stdLibURL ? ` on ${stdLibURL}` : ""}: ${error}\n${output.join("\n")}`);
  }
}

// Runs the engine as the page's worker does. With `snapshot`, the Pyodide was started with
// `_makeSnapshot` and a memory snapshot is taken after `import calculator`, as the worker does
// on a first visit; returns it.
function exercise(pyodide, wheel, { snapshot = false } = {}) {
  pyodide.unpackArchive(wheel, "wheel");
  pyodide.runPython("import calculator.messages");
  const made = snapshot ? pyodide.makeMemorySnapshot() : null;
  const answer = pyodide.runPython(EXERCISE);
  const ask = (op, profile) => JSON.parse(answer(op, JSON.stringify(profile ?? null)));

  const catalogues = ask("catalogues");
  expect(
    catalogues.ok && catalogues.result.skills.length > 0 && catalogues.result.qualifications.length > 0,
    "the catalogues came back empty",
  );
  for (const profile of [RICH, MINIMAL]) {
    const score = ask("score", profile);
    expect(score.ok && Number.isInteger(score.result.total), `score failed: ${JSON.stringify(score)}`);
    const plan = ask("plan", profile);
    expect(plan.ok, `plan failed: ${JSON.stringify(plan)}`);
  }
  const invalid = ask("score", INVALID);
  expect(
    !invalid.ok && invalid.kind === "validation" && invalid.problems.length > 1,
    `an invalid profile gave no validation problems: ${JSON.stringify(invalid)}`,
  );
  expect(
    invalid.problems.some((p) => /[\u4e00-\u9fff]/.test(p.zh)),
    "validation messages lost their Chinese",
  );

  expectPythonError(() => answer("no-such-op", "null"), ["ValueError", "unknown op"]);
  expectPythonError(() => pyodide.runPython("import json\njson.loads('{')"), ["JSONDecodeError"]);
  expectPythonError(() => pyodide.runPython("import calculator\ncalculator.score([])"), ["ValidationError"]);
  return made;
}

// What /batch/'s worker does with calculator.batch and openpyxl, on the kinds of file it reads.
const BATCH_EXERCISE = String.raw`
import csv
import importlib
import io
import json

import openpyxl
from calculator import score
from calculator.batch import FileRefused, one, read_file, template_csv, template_xlsx
from calculator.batch import to_csv, to_jsonl, to_xlsx

importlib.invalidate_caches()
_header = next(csv.reader(io.StringIO(template_csv().decode("utf-8-sig"))))


def _row(**cells):
    return [cells.get(name, "") for name in _header]


_rows = [
    _row(姓名="王芳", 出生日期="1990-05-12", 最高学历="本科及学士学位", 全日制="是",
         社保缴费记录="2016-03至2022-06 0.9倍；2022-07起 25000元", 居住证持证期间="2016-03至今"),
    _row(姓名="李强", 出生日期="1988年2月29日", 最高学历="大专",
         社保缴费记录="2019-07至2023-06 最低\n2023-07起 60%"),
    _row(姓名="坏行", 出生日期="1990-13-01"),
]
_text = io.StringIO()
csv.writer(_text).writerows([_header, *_rows])
_book = openpyxl.Workbook()
for _r in [_header, *_rows]:
    _book.active.append(_r)
_xlsx = io.BytesIO()
_book.save(_xlsx)
_files = {
    "名单.csv": _text.getvalue().encode("utf-8"),
    "名单-bom.csv": _text.getvalue().encode("utf-8-sig"),
    "名单-gbk.csv": _text.getvalue().encode("gbk"),
    "名单.xlsx": _xlsx.getvalue(),
    "名单.jsonl": json.dumps({"birth_date": "1990-05-12"}).encode() + b"\n",
    "模板.xlsx": template_xlsx(),
}
_results = []
for _name, _data in _files.items():
    _found = read_file(_data, _name)
    for _one in _found["rows"]:
        _result = one(_one, None, False)
        if _result["profile"] is not None:
            _result["documents"] = score(_result["profile"])["documents"]
        _results.append(one(_one, None, True))
assert any(r["problems"] for r in _results) and any(r["total"] for r in _results), _results
assert openpyxl.load_workbook(io.BytesIO(to_xlsx(_results))).active.max_row > len(_results)
to_csv(_results), to_jsonl(_results)
_hostile = {"照片.csv": b"\x89PNG\r\n\x1a\n" + bytes(64), "坏.xlsx": b"PK\x03\x04" + bytes(64)}
for _name, _data in _hostile.items():
    try:
        read_file(_data, _name)
    except FileRefused:
        pass
    else:
        raise AssertionError(_name + " was read")
len(_results)
`;

function exerciseBatch(pyodide, wheels) {
  for (const wheel of wheels) pyodide.unpackArchive(wheel, "wheel");
  const count = pyodide.runPython(BATCH_EXERCISE);
  expect(count > 0, "the batch read no rows");
}

// What the recording Pyodide has imported from the stock archive so far (before SELECT_AND_PACK
// imports its own tools): member names, e.g. "json/decoder.py".
const IMPORTED = String.raw`
import sys
_imported = {
    module.__spec__.origin[len("/lib/python314.zip/"):]
    for module in list(sys.modules.values())
    if (getattr(getattr(module, "__spec__", None), "origin", None) or "")
    .startswith("/lib/python314.zip/")
}
`;

// Python run inside the recording Pyodide: the modules it imported from the stock archive,
// the static import closure of the engine's modules (modulefinder, on the archive extracted),
// and the new archive written to /tmp/stdlib.zip.
const SELECT_AND_PACK = String.raw`
import importlib.util
import inspect
import io
import modulefinder
import os
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

PREFIX = "/lib/python314.zip/"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

stock = zipfile.ZipFile(PREFIX.rstrip("/"))
names = set(stock.namelist())
imported = {name for name in _imported if name in names}

# modulefinder reads real files, not the archive: extract it first.
source_dir = "/tmp/stdlib-source"
stock.extractall(source_dir)
package_dir = os.path.dirname(importlib.util.find_spec("calculator").origin)


class LoadTimeFinder(modulefinder.ModuleFinder):
    """The engine's modules are scanned whole; a stdlib module only for what it imports when
    it loads (module level and class bodies): an import inside one of its functions runs only
    when that function does, and the engine's run above recorded those it reaches."""

    def scan_code(self, co, m):
        in_function = co.co_flags & inspect.CO_OPTIMIZED
        if not (in_function and (m.__file__ or "").startswith(source_dir + "/")):
            super().scan_code(co, m)


finder = LoadTimeFinder(path=[source_dir, os.path.dirname(package_dir)])
for name in sorted(os.listdir(package_dir)):
    if name.endswith(".py") and name != "__main__.py":
        finder.import_hook("calculator" if name == "__init__.py" else "calculator." + name[:-3])
# /batch/'s archive: its modules too (openpyxl, which they import, is scanned whole with them)
batch_dir = os.path.join(package_dir, "batch")
for name in sorted(os.listdir(batch_dir)) if os.path.isdir(batch_dir) else []:
    if name.endswith(".py") and name != "cli.py":  # cli.py is the command line (argparse)
        finder.import_hook("calculator.batch" + ("" if name == "__init__.py" else "." + name[:-3]))
static = set()
for module in finder.modules.values():
    path = module.__file__ or ""
    if path.startswith(source_dir + "/"):
        static.add(path[len(source_dir) + 1:])

selected = set(imported | static)
for name in list(selected):  # every package on the way is imported too
    parts = name.split("/")[:-1]
    for i in range(1, len(parts) + 1):
        init = "/".join(parts[:i]) + "/__init__.py"
        if init in names:
            selected.add(init)

members = {}
for name in sorted(names):
    if name.endswith("/"):
        continue
    data = stock.read(name)
    if name in selected:
        code = compile(data, PREFIX + name, "exec", dont_inherit=True)
        pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        members[name[:-3] + ".pyc"] = bytes(pyc)
    elif name.startswith("encodings/") or not name.endswith(".py"):
        members[name] = data  # codecs are looked up by name at run time; data files as they are

folders = set()
for name in members:
    parts = name.split("/")[:-1]
    folders.update("/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1))
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
    for name in sorted(members.keys() | folders):
        info = zipfile.ZipInfo(name, FIXED_TIME)
        info.create_system = 3
        if name.endswith("/"):
            info.external_attr = (0o40755 << 16) | 0x10
            out.writestr(info, b"")
        else:
            info.external_attr = 0o644 << 16
            out.writestr(info, members[name])
with open("/tmp/stdlib.zip", "wb") as f:
    f.write(buffer.getvalue())
len(imported), len(static), len(selected)
`;

// In the Pyodide started from the trimmed archive: no module may come from a .py file in it
// except the codecs, which are kept as source.
const SOURCE_IMPORTS = String.raw`
import sys
_prefix = "/lib/python314.zip/"
sorted(
    name for name, module in list(sys.modules.items())
    if (getattr(getattr(module, "__spec__", None), "origin", None) or "").startswith(_prefix)
    and module.__spec__.origin.endswith(".py")
    and not module.__spec__.origin.startswith(_prefix + "encodings/")
)
`;

function expectBytecodeOnly(pyodide) {
  const fromSource = pyodide.runPython(SOURCE_IMPORTS).toJs();
  expect(fromSource.length === 0, `imported from source, not bytecode: ${fromSource.join(", ")}`);
}

async function check(pyodideDir, wheel, stdlibPath) {
  const first = await start(pyodideDir, stdlibPath, { _makeSnapshot: true });
  const snapshot = exercise(first, wheel, { snapshot: true });
  expectBytecodeOnly(first);
  const restored = await start(pyodideDir, stdlibPath, { _loadSnapshot: snapshot });
  restored.runPython("import calculator.messages");
  exercise(restored, wheel);
  expectBytecodeOnly(restored);
  return String(restored.runPython("calculator.RULES_VERSION"));
}

// /batch/'s archive: a Pyodide started from it runs the engine and the batch without compiling
// any module from source.
async function checkBatch(pyodideDir, wheel, batchWheels, stdlibPath) {
  const pyodide = await start(pyodideDir, stdlibPath);
  exercise(pyodide, wheel);
  exerciseBatch(pyodide, batchWheels);
  expectBytecodeOnly(pyodide);
  return String(pyodide.runPython("calculator.RULES_VERSION"));
}

async function main([pyodideArg, wheelArg, zipArg, ...batchArgs]) {
  if (!zipArg) fail("usage: node sitebuild/stdlib.mjs PYODIDE_DIR WHEEL OUT_ZIP [BATCH_WHEEL...]");
  const pyodideDir = resolve(pyodideArg);
  const wheel = new Uint8Array(readFileSync(wheelArg));
  const batchWheels = batchArgs.map((path) => new Uint8Array(readFileSync(path)));
  const zipPath = resolve(zipArg);
  const batch = batchWheels.length > 0;
  const pyodide = await start(pyodideDir, undefined, batch ? {} : { _makeSnapshot: true });
  exercise(pyodide, wheel, { snapshot: !batch });
  if (batch) exerciseBatch(pyodide, batchWheels);
  pyodide.runPython(IMPORTED);
  const [imported, statically, selected] = pyodide.runPython(SELECT_AND_PACK).toJs();
  writeFileSync(zipPath, pyodide.FS.readFile("/tmp/stdlib.zip"));
  const rulesVersion = batch
    ? await checkBatch(pyodideDir, wheel, batchWheels, zipPath)
    : await check(pyodideDir, wheel, zipPath);
  return { imported, static: statically, selected, rulesVersion };
}

try {
  console.log(JSON.stringify(await main(process.argv.slice(2))));
} catch (error) {
  // A Python exception's message is its traceback; Node's default report would also print
  // a line of the minified runtime.
  fail(error?.type ? String(error.message) : String(error?.stack || error));
}
