"""The template to fill: one row per person under the columns' headers, with one example row
(its 姓名 starts with 示例, so reading skips it), as CSV or .xlsx; the .xlsx also has a sheet
saying what goes in each column."""

from __future__ import annotations

from .columns import columns, headers
from .table import EXAMPLE_MARK
from .writers import csv_text, xlsx_bytes


def example_row() -> list[str]:
    return [EXAMPLE_MARK + "：" + c["example"] if c["id"] == "name" else c["example"]
            for c in columns()]


def guide_rows() -> list[list[str]]:
    """列名、怎么填、示例 for each column."""
    return [["列名", "怎么填", "示例"], *([c["name"], c["hint"], c["example"]] for c in columns())]


def template_csv() -> bytes:
    return csv_text([headers(), example_row()]).encode("utf-8")


def template_xlsx() -> bytes:
    widths = [max(10, min(40, max(len(c["example"]), len(c["name"])) * 2 + 2)) for c in columns()]
    return xlsx_bytes([
        ("名单", [headers(), example_row()], widths),
        ("填写说明", guide_rows(), [24, 80, 40]),
    ])
