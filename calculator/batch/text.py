"""A CSV file's bytes as text and rows: UTF-8 with or without a byte-order mark, GBK (what Excel
on Chinese Windows saves as “CSV”; read as GB 18030, its superset) and UTF-16 (Excel's
“Unicode text”, tab-separated). UTF-8 is tried first: Chinese text in GBK is almost never valid
UTF-8, while UTF-8 text read as GBK would give wrong characters instead of an error."""

from __future__ import annotations

import codecs
import csv
import io

from .limits import FileRefused

_BROKEN = ("文件的文字编码无法识别（不是 UTF-8，也不是 GBK）。请在表格软件中用“另存为”保存成"
           "“CSV UTF-8（逗号分隔）”或 .xlsx 后再上传。")


def decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise FileRefused(_BROKEN)


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {mark: first.count(mark) for mark in (",", "\t", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def rows(text: str):
    """The rows of a CSV text as lists of cells. A cell longer than the limit is kept (its row
    reports it); one longer than the csv module holds (131,072 characters) refuses the file."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        yield from reader
    except csv.Error:
        raise FileRefused(
            "文件不是有效的 CSV：有一格太长或引号没有配对。请用本站的模板重新保存。"
        ) from None
