// The batch's engine in a module worker: starts Pyodide with its own standard library, installs
// the calculator wheel and the batch's own (calculator/batch/), and reads and scores a file of
// many people with calculator.batch. The openpyxl wheels are fetched only when an .xlsx is read
// or written. The page cancels by terminating this worker, so the rows are scored one message
// at a time.
//
// Messages from the page:
//   {op: "init", indexURL, wheelURL, batchWheelURL, stdlibURL, xlsxWheels}
//   {op: "read", job, data, name}             data: an ArrayBuffer (transferred)
//   {op: "row", job, index, planned}          the index-th row read last; planned: its plan alone
//   {op: "export", format, results}           format: "csv" or "xlsx"
// Messages to the page:
//   {type: "ready"} | {type: "failed", message}
//   {type: "read", job, error?, kind, notes, count}
//   {type: "row", job, index, planned, result}  (job: the page's number for the file, echoed)
//   {type: "file", format, bytes}

const PYTHON = String.raw`
import importlib
import json
from calculator.batch import FileRefused, one, plan_of, read_file, to_csv, to_xlsx

_rows = []

def batch_read(data, name):
    global _rows
    try:
        found = read_file(data.to_bytes(), name)
    except FileRefused as refused:
        _rows = []
        return json.dumps({"error": refused.reason})
    _rows = list(found["rows"])
    return json.dumps({"kind": found["kind"], "notes": found["notes"], "count": len(_rows)},
                      ensure_ascii=False)

def batch_row(index, planned):
    row = _rows[index]
    result = plan_of(row) if planned else one(row, None, False, True)
    return json.dumps(result, ensure_ascii=False)

def batch_installed():
    importlib.invalidate_caches()  # wheels unpacked after the interpreter started

def batch_export(text, fmt):
    results = json.loads(text)
    return to_xlsx(results) if fmt == "xlsx" else to_csv(results)
`;

let pyodide = null;
let python = null; // the functions of PYTHON above
let ready = null;
let xlsxReady = null;
let xlsxURLs = [];

function describe(error) {
  return error && typeof error.message === "string" && error.message ? error.message : String(error);
}

function download(url) {
  const bytes = fetch(new URL(url, self.location.href).href).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  bytes.catch(() => {});
  return bytes;
}

async function start({ indexURL, wheelURL, batchWheelURL, stdlibURL, xlsxWheels }) {
  const base = new URL(indexURL, self.location.href).href;
  xlsxURLs = (xlsxWheels || []).map((url) => new URL(url, self.location.href).href);
  const wheels = [download(wheelURL), download(batchWheelURL)];
  const { loadPyodide } = await import(`${base}pyodide.mjs`);
  const stdLibURL = new URL(stdlibURL, self.location.href).href;
  pyodide = await loadPyodide({ indexURL: base, stdLibURL, stdout: () => {}, stderr: () => {} });
  for (const wheel of wheels) pyodide.unpackArchive(await wheel, "wheel");
  pyodide.runPython(PYTHON);
  python = Object.fromEntries(
    ["batch_read", "batch_row", "batch_export", "batch_installed"].map((name) => [name, pyodide.globals.get(name)]),
  );
}

// openpyxl and et-xmlfile, unpacked beside the engine: only when a spreadsheet is read or made.
function installXlsx() {
  xlsxReady ??= Promise.all(
    xlsxURLs.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      pyodide.unpackArchive(await response.arrayBuffer(), "wheel");
    }),
  ).then(() => python.batch_installed());
  return xlsxReady;
}

// An .xlsx is a zip archive: its first bytes say so whatever the file's name.
const isZip = (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b;

async function handle(message) {
  await ready;
  if (message.op === "read") {
    const bytes = new Uint8Array(message.data);
    if (isZip(bytes)) await installXlsx();
    const text = python.batch_read(bytes, String(message.name || ""));
    self.postMessage({ type: "read", job: message.job, ...JSON.parse(text) });
  } else if (message.op === "row") {
    let result;
    try {
      result = JSON.parse(python.batch_row(message.index, Boolean(message.planned)));
    } catch (error) {
      result = { problems: [`计算这一行时出了意外的错误（${describe(error)}），其他行不受影响。`] };
    }
    self.postMessage({
      type: "row",
      job: message.job,
      index: message.index,
      planned: Boolean(message.planned),
      result,
    });
  } else if (message.op === "export") {
    if (message.format === "xlsx") await installXlsx();
    const made = python.batch_export(JSON.stringify(message.results), message.format);
    const bytes = made.toJs();
    made.destroy();
    self.postMessage({ type: "file", format: message.format, bytes }, [bytes.buffer]);
  }
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.op === "init") {
    ready = start(message).then(
      () => self.postMessage({ type: "ready" }),
      (error) => {
        self.postMessage({ type: "failed", message: describe(error) });
        throw error;
      },
    );
    ready.catch(() => {});
    return;
  }
  handle(message).catch((error) => self.postMessage({ type: "failed", message: describe(error) }));
});
