"""The results written out: CSV, JSON Lines and .xlsx. CSV is UTF-8 with a byte-order mark:
Excel reads a CSV without one in the computer's own encoding (GBK on Chinese Windows) and shows
UTF-8 Chinese as garbage; with the mark it reads UTF-8, and other programs skip it. A cell of
the CSV and .xlsx that starts with = + - @ (or their full-width forms), a tab or a carriage
return gets a leading apostrophe, so no spreadsheet runs it as a formula (CSV injection; the
OWASP advice). JSON Lines is data for programs and keeps every text as it is."""

from __future__ import annotations

import csv
import io
import json

from .results import FIELDS, labels

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
BOM = "\ufeff"


def escape(value):
    """A text that a spreadsheet would run as a formula, made plain text; anything else as is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _reaches(result: dict) -> str:
    if result["total"] is None or not result["planned"]:
        return ""
    if result["reach_note"]:
        return result["reach_note"]
    return result["reaches_on"] or "15年内按现在的情况达不到"


def cells(result: dict) -> list:
    """One result as the cells of its row, in the order of FIELDS, escaped."""
    passes = "有问题" if result["problems"] else "达标" if result["passes"] else "未达标"
    shown = {
        **result,
        "total": "" if result["total"] is None else result["total"],
        "passes": passes,
        "reaches_on": _reaches(result),
        "fastest": result["fastest"] or "",
        "hukou_month": result["hukou_month"] or result["hukou_note"] or "",
        "to_confirm": "\n".join(result["to_confirm"]),
        "problems": "\n".join(result["problems"]),
        "headline": result["headline"] or "",
    }
    return [escape(shown[field]) for field in FIELDS]


def header() -> list[str]:
    names = labels()
    return [names[field] for field in FIELDS]


def csv_text(rows: list[list]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(rows)
    return BOM + out.getvalue()


def to_csv(results: list[dict]) -> bytes:
    return csv_text([header(), *(cells(r) for r in results)]).encode("utf-8")


def to_jsonl(results: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)


def xlsx_bytes(sheets: list[tuple[str, list[list], list[int]]]) -> bytes:
    """An .xlsx of sheets (title, rows, column widths), the first row of each bold and frozen;
    every text cell stored as text, never as a formula."""
    import openpyxl  # only here: a page loads it only when it writes an .xlsx
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows, widths in sheets:
        sheet = book.create_sheet(title)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                cell = sheet.cell(row=r, column=c)
                cell.value = escape(value)
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if r == 1:
                    cell.font = Font(bold=True)
        for c, width in enumerate(widths, 1):
            sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width
        sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_xlsx(results: list[dict]) -> bytes:
    widths = [6, 10, 6, 8, 14, 30, 24, 40, 50, 50]
    return xlsx_bytes([("结果", [header(), *(cells(r) for r in results)], widths)])
