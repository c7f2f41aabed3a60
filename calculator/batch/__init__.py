"""Many people at once: the template (one row per person), reading a filled file (CSV in UTF-8,
UTF-8 with BOM or GBK, .xlsx, JSON Lines) with its limits, each row's result and the results
written as CSV, JSON Lines or .xlsx. Pure functions on bytes and text returning JSON-able data,
so the command line (calculator/batch/cli.py) and a page's Pyodide worker run the same code;
openpyxl is imported only when an .xlsx is read or written. docs/batch.md describes it.

    found = read_file(data, "名单.xlsx")        # or raises FileRefused (.reason in Chinese)
    rows = run(found["rows"], as_of=None, progress=lambda done, total: ...)
    to_csv(rows) / to_jsonl(rows) / to_xlsx(rows)
"""

from .files import read_file
from .limits import FileRefused
from .results import one, plan_of, run
from .template import template_csv, template_xlsx
from .writers import to_csv, to_jsonl, to_xlsx

__all__ = ["FileRefused", "check_file", "one", "plan_of", "read_file", "run", "template_csv",
           "template_xlsx", "to_csv", "to_jsonl", "to_xlsx"]


def check_file(data: bytes, filename: str = "", as_of: str | None = None,
               progress=None, planned: bool = True) -> dict:
    """A file read and every row's result: {"kind", "notes", "results"}, or {"error": reason}
    when the file as a whole cannot be read."""
    try:
        found = read_file(data, filename)
    except FileRefused as refused:
        return {"error": refused.reason}
    return {"kind": found["kind"], "notes": found["notes"],
            "results": run(found["rows"], as_of, progress, planned)}
