"""A sheet's rows (from a CSV or an .xlsx) as the batch's rows: the header row matched to the
template's columns, blank rows and the template's example row skipped, every cell as text, at
most the rows and columns the limits allow."""

from __future__ import annotations

from .columns import columns, find
from .limits import FileRefused, limit

EXAMPLE_MARK = "示例"  # a row whose 姓名 starts with this is the template's example


def _header(cells: list[str]) -> tuple[dict, list[str]]:
    """{index: column id} of a header row and the notes about it (unknown headers)."""
    found, notes, seen = {}, [], {}
    for index, cell in enumerate(cells):
        text = (cell or "").strip()
        if not text:
            continue
        column = find(text)
        if column is None:
            notes.append(f"不认识的列“{text[:30]}”，已忽略。")
            continue
        if column["id"] in seen:
            raise FileRefused(f"表头中“{column['name']}”出现了两次（第{seen[column['id']] + 1}列和"
                              f"第{index + 1}列），请只保留一列。")
        seen[column["id"]] = index
        found[index] = column["id"]
    required = [c["name"] for c in columns()[:2] if c["id"] not in seen]
    if required:
        raise FileRefused(
            "第一行应是表头，至少要有“姓名”和“出生日期”两列；这个文件缺少"
            + "、".join(f"“{name}”" for name in required)
            + "。请用本站的模板填写，或把表头改成模板中的列名。"
        )
    return found, notes


def rows_of(lines) -> dict:
    """{"rows": [{"row": number in the file, "texts": {column id: text}}], "notes": [...]}
    from an iterable of rows of cells (text), the first non-blank row being the header."""
    header, notes, rows = None, [], []
    width = limit("columns_max")
    for number, cells in enumerate(lines, 1):
        cells = [("" if c is None else str(c)) for c in list(cells)[:width]]
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header, notes = _header(cells)
            continue
        texts = {header[i]: cell for i, cell in enumerate(cells) if i in header}
        if texts.get("name", "").strip().startswith(EXAMPLE_MARK):
            continue
        if len(rows) >= limit("rows_max"):
            raise FileRefused(f"文件超过{limit('rows_max')}行，请分成几个文件，每个不超过"
                              f"{limit('rows_max')}人。")
        rows.append({"row": number, "texts": texts})
    if header is None:
        raise FileRefused("文件是空的：请在模板中每行填写一个人。")
    if not rows:
        notes.append("表头下面没有填写任何人。")
    return {"rows": rows, "notes": notes}
