"""A file as uploaded, whatever it is, read into the batch's rows or refused with one message:
the kind is told from its first bytes (an .xlsx is a zip archive, JSON Lines starts with “{”,
anything else that decodes as text is CSV), never from its name alone."""

from __future__ import annotations

from . import jsonl, table, text, xlsx
from .limits import FileRefused, limit, megabytes

_OTHER_KINDS = (
    (b"\xd0\xcf\x11\xe0", "这是旧版 Excel（.xls）或 WPS 的文件，本站只读 .xlsx 和 CSV。"
                          "请在表格软件中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再上传。"),
    (b"%PDF", "这是 PDF 文件，不是表格。"),
    (b"\x89PNG", "这是图片，不是表格。"),
    (b"\xff\xd8\xff", "这是图片，不是表格。"),
    (b"GIF8", "这是图片，不是表格。"),
    (b"Rar!", "这是压缩包，不是表格。"),
    (b"7z\xbc\xaf", "这是压缩包，不是表格。"),
    (b"\x1f\x8b", "这是压缩包，不是表格。"),
)
_USE = "请上传本站模板填好的 .xlsx 或 CSV 文件，或每行一个人的 JSON Lines 文件。"


def read_file(data: bytes, filename: str = "") -> dict:
    """{"kind": "xlsx" | "csv" | "jsonl", "rows": [...], "notes": [...]}; raises FileRefused.
    A row is {"row", "texts"} (a sheet) or {"row", "name", "profile", "problems"} (JSON
    Lines), as calculator/batch/results.py takes them."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise FileRefused(_USE)
    data = bytes(data)
    if len(data) > limit("file_bytes_max"):
        top = megabytes(limit("file_bytes_max"))
        raise FileRefused(f"文件有{megabytes(len(data))}，超过了{top}。"
                          "请只保留要计算的人，或分成几个文件。")
    if not data.strip():
        raise FileRefused("文件是空的：请在模板中每行填写一个人。")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return {"kind": "xlsx", **table.rows_of(xlsx.rows(data))}
    for magic, reason in _OTHER_KINDS:
        if data.startswith(magic):
            raise FileRefused(reason + _USE if "另存为" not in reason else reason)
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise FileRefused(xlsx.NOT_XLSX)
    decoded = text.decode(data)
    if decoded.lstrip().startswith(("{", "[")):
        return {"kind": "jsonl", **jsonl.rows(decoded)}
    return {"kind": "csv", **table.rows_of(text.rows(decoded))}
