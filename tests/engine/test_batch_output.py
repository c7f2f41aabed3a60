"""The results written out: CSV with a byte-order mark for Excel, JSON Lines, .xlsx; every cell
that a spreadsheet would run as a formula is written as plain text (CSV injection)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from calculator.batch import check_file, to_csv, to_jsonl, to_xlsx
from calculator.batch.writers import escape, header

HOSTILE = ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1", "=HYPERLINK(\"http://x\")"]


def _results(names: list[str]) -> list[dict]:
    """Results named `names` (as a program reading JSON Lines could give them; a sheet's name
    cell is trimmed of tabs and returns when read)."""
    rows = ["姓名,出生日期,社保缴费记录", *(["某人,1990-05-12,2016-03起 1倍"] * len(names))]
    found = check_file("\r\n".join(rows).encode("utf-8"), as_of="2026-12-01")
    for result, name in zip(found["results"], names, strict=True):
        result["name"] = name
    return found["results"]


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_makes_a_formula_plain_text(text):
    assert escape(text) == "'" + text


@pytest.mark.parametrize("text", ["王芳", "1-2", "a=b", "", "'=x"])
def test_escape_leaves_other_text_alone(text):
    assert escape(text) == text
    assert escape(5) == 5 and escape(None) is None


def test_csv_has_a_bom_and_no_cell_starts_like_a_formula():
    results = _results(HOSTILE)
    data = to_csv(results)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == header()
    names = [row[1] for row in rows[1:]]
    assert names == ["'" + text for text in HOSTILE]
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_xlsx_stores_every_text_as_text_never_as_a_formula():
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(_results(HOSTILE))))
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(min_row=2))
    # XML reads a carriage return as a new line
    assert [row[1].value for row in rows] == ["'" + text.replace("\r", "\n") for text in HOSTILE]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert [cell.value for cell in next(sheet.iter_rows())] == header()


def test_a_result_row_shows_total_pass_problems_and_confirmations():
    results = _results(["王芳"])
    results[0]["problems"] = []
    rows = list(csv.reader(io.StringIO(to_csv(results).decode("utf-8-sig"), newline="")))
    shown = dict(zip(rows[0], rows[1], strict=True))
    assert shown["姓名"] == "王芳" and shown["总分"] == str(results[0]["total"])
    assert shown["达标"] == ("达标" if results[0]["passes"] else "未达标")
    assert shown["稳定达到标准分值的日期"] == results[0]["reaches_on"]


def test_json_lines_keep_the_text_as_it_is():
    results = _results(HOSTILE)
    lines = to_jsonl(results).splitlines()
    assert [json.loads(line)["name"] for line in lines] == HOSTILE


def test_rows_scored_without_their_plan_leave_the_plans_columns_blank():
    rows = "姓名,出生日期,最高学历,社保缴费记录\r\n甲,1995-01-01,大专,2023-07起 最低\r\n"
    planned = check_file(rows.encode(), as_of="2026-12-01")["results"][0]
    quick = check_file(rows.encode(), as_of="2026-12-01", planned=False)["results"][0]
    assert planned["planned"] and planned["reaches_on"] and planned["fastest"]
    assert not quick["planned"] and quick["reaches_on"] is None and quick["fastest"] is None
    assert quick["total"] == planned["total"] and quick["to_confirm"] == planned["to_confirm"]
    shown = dict(zip(header(), next(csv.reader([to_csv([quick]).decode("utf-8-sig")
                                                .splitlines()[1]])), strict=True))
    assert shown["稳定达到标准分值的日期"] == "" and shown["总分"] == str(quick["total"])
