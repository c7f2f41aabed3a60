"""An .xlsx file's first sheet as rows of text, read with openpyxl (imported here only, so the
rest of the engine never needs it). Before openpyxl sees the file, the zip archive is checked
from its directory alone: what it holds, how many parts and how much they unpack to, and no
part declaring a DOCTYPE (XML entity expansion). Python's zipfile never unpacks a part beyond
its declared size, so the declared sizes bound the work."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time

from .limits import FileRefused, limit, megabytes

NOT_XLSX = ("这个文件不是 .xlsx 表格（可能是改了扩展名的其他文件）。请在表格软件中另存为 .xlsx 或"
             "“CSV UTF-8（逗号分隔）”后再上传。")


def check(data: bytes) -> None:
    """Refuses an archive that is not a workbook or unpacks to more than the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileRefused(NOT_XLSX) from None
    names = {part.filename for part in parts}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise FileRefused(NOT_XLSX)
    if len(parts) > limit("xlsx_parts_max"):
        raise FileRefused(f"这个 .xlsx 文件里有{len(parts)}个部件，超过了"
                          f"{limit('xlsx_parts_max')}个，不像普通的表格。"
                          "请另存为“CSV UTF-8（逗号分隔）”后再上传。")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limit("xlsx_unpacked_bytes_max"):
        raise FileRefused(f"这个 .xlsx 文件解压后有{megabytes(unpacked)}，超过了"
                          f"{megabytes(limit('xlsx_unpacked_bytes_max'))}，本站不读取。"
                          "请只保留要计算的人，或另存为“CSV UTF-8（逗号分隔）”。")
    for part in parts:
        if part.filename.endswith((".xml", ".rels")) and part.file_size:
            try:
                with archive.open(part) as handle:
                    head = handle.read(2048)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
                raise FileRefused(NOT_XLSX) from None
            if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                raise FileRefused(NOT_XLSX)


def text_of(value) -> str:
    """A cell's value as the text a person sees: dates as 1990-05-12, whole numbers without .0,
    TRUE/FALSE as 是/否."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def rows(data: bytes):
    """The first sheet's rows as lists of text (at most columns_max cells each)."""
    check(data)
    import openpyxl  # only here: a page loads it only when an .xlsx is read

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise FileRefused(NOT_XLSX) from None
    try:
        sheet = book.worksheets[0]
        budget = limit("rows_max") * 4  # rows with nothing in them count too, at a discount
        for number, values in enumerate(
            sheet.iter_rows(max_col=limit("columns_max"), values_only=True), 1
        ):
            if number > budget:
                raise FileRefused(f"文件超过{limit('rows_max')}行，请分成几个文件，每个不超过"
                                  f"{limit('rows_max')}人。")
            yield [text_of(value) for value in values]
    except FileRefused:
        raise
    except Exception:
        raise FileRefused(NOT_XLSX) from None
    finally:
        book.close()
