"""Reading a batch file: CSV in UTF-8, UTF-8 with BOM, GBK and UTF-16, an .xlsx made by another
spreadsheet writer (xlsxwriter), JSON Lines; a bad row beside good ones; and hostile files
(too big, a zip bomb, 100,000 rows, the wrong type, a broken encoding, huge cells, an XML
DOCTYPE) each refused with one Chinese message."""

from __future__ import annotations

import datetime
import io
import json
import zipfile

import pytest

from calculator.batch import FileRefused, check_file, read_file, results
from calculator.batch.limits import limit

HEADER = ["姓名", "出生日期", "最高学历", "社保缴费记录", "证书类别", "证书名称或职业（工种）"]
GOOD = ["王芳", "1990-05-12", "本科及学士学位", "2016-03至2022-06 0.9倍；2022-07起 14000元",
        "专业技术类职业资格", "会计专业技术资格(中级)"]
BAD = ["赵磊", "1991-13-01", "硕士", "2020-07至2019-06 1倍", "", ""]
LAST = ["陈静", "19930818", "大专", "2018-01起 1倍", "", ""]


def csv_text(rows, sep=",") -> str:
    def cell(text):
        return f'"{text}"' if any(c in text for c in '",\n') else text
    return "\r\n".join(sep.join(cell(c) for c in row) for row in rows) + "\r\n"


def _refused(data: bytes, name: str = "名单") -> str:
    with pytest.raises(FileRefused) as caught:
        read_file(data, name)
    return caught.value.reason


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_in_each_encoding_excel_writes_reads_the_same(encoding):
    sep = "\t" if encoding == "utf-16" else ","
    data = csv_text([HEADER, GOOD, BAD, LAST], sep).encode(encoding)
    found = read_file(data, "名单.csv")
    assert found["kind"] == "csv"
    assert [row["texts"]["name"] for row in found["rows"]] == ["王芳", "赵磊", "陈静"]
    assert found["rows"][0]["texts"]["insurance"] == GOOD[3]


def test_gbk_is_not_taken_for_utf8_and_utf8_not_for_gbk():
    text = csv_text([HEADER, GOOD])
    assert text.encode("gbk") != text.encode("utf-8")
    for encoding in ("gbk", "utf-8"):
        (row,) = read_file(text.encode(encoding))["rows"]
        assert row["texts"]["education.level"] == "本科及学士学位"


def test_semicolon_separated_csv_and_a_header_with_hints():
    header = [f"{h}（必填）" if i < 2 else h for i, h in enumerate(HEADER)]
    found = read_file(csv_text([header, GOOD], ";").encode("utf-8"))
    assert found["rows"][0]["texts"]["birth_date"] == "1990-05-12"


def test_a_bad_row_never_stops_the_others():
    found = check_file(csv_text([HEADER, GOOD, BAD, LAST]).encode("utf-8"), as_of="2026-12-01")
    good, bad, last = found["results"]
    assert good["problems"] == [] and good["total"] > 0
    assert bad["total"] is None and bad["problems"] == [
        "出生日期：没有13月，月份应为1至12。",
        "社保缴费记录第1段：结束月份早于开始月份：请填开始月份当月或以后的月份，仍在缴纳请留空。",
    ]
    assert last["problems"] == [] and last["total"] > 0
    assert [r["row"] for r in found["results"]] == [2, 3, 4]


def test_unknown_columns_are_noted_and_blank_rows_skipped():
    found = read_file(csv_text([[*HEADER, "工号"], [*GOOD, "001"], [""] * 7, [*LAST, ""]])
                      .encode("utf-8"))
    assert found["notes"] == ["不认识的列“工号”，已忽略。"]
    assert [row["row"] for row in found["rows"]] == [2, 4]


@pytest.mark.parametrize(("rows", "words"), [
    ([["名字", "生日"], ["甲", "1990-01-01"]], "缺少“姓名”、“出生日期”"),
    ([["姓名", "出生日期", "姓名"]], "“姓名”出现了两次"),
    ([[""], [""]], "文件是空的"),
])
def test_a_header_without_the_two_columns_refuses_the_file(rows, words):
    assert words in _refused(csv_text(rows).encode("utf-8"))


def _xlsxwriter_book(rows, **options) -> bytes:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, **options})
    sheet = book.add_worksheet("名单")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime.datetime):
                sheet.write_datetime(r, c, value, day)
            elif value is not None:
                sheet.write(r, c, value)
    book.close()
    return out.getvalue()


def test_an_xlsx_from_another_spreadsheet_writer_with_dates_numbers_and_booleans():
    rows = [[*HEADER, "全日制", "在该区域的整年数", "远郊重点区域"],
            ["王芳", datetime.datetime(1990, 5, 12), "本科及学士学位", GOOD[3], GOOD[4], GOOD[5],
             True, 4, "临港"],
            BAD,
            ["陈静", 19930818, "大专", "2018-01起 1倍", None, None, False, None, None]]
    found = check_file(_xlsxwriter_book(rows), "名单.xlsx", as_of="2026-12-01")
    assert found["kind"] == "xlsx"
    first, bad, last = found["results"]
    assert first["profile"]["birth_date"] == "1990-05-12"
    assert first["profile"]["education"]["full_time"] is True
    assert first["profile"]["key_area"] == {"area": "lingang", "years": "4"}
    assert first["problems"] == [] and first["total"] > 0
    assert bad["problems"][0] == "出生日期：没有13月，月份应为1至12。"
    assert last["profile"]["birth_date"] == "19930818"
    assert last["profile"]["education"]["full_time"] is False


def test_json_lines_one_profile_per_line_with_an_optional_name():
    lines = [
        json.dumps({"name": "王芳", "version": 2, "birth_date": "1990-05-12",
                    "insurance": [{"from": "2016-03", "base_multiple": 1}]}, ensure_ascii=False),
        "{not json",
        json.dumps({"birth_date": "1990-05-12", "unknown_key": 1}),
    ]
    found = check_file("\n".join(lines).encode("utf-8"), "a.jsonl", as_of="2026-12-01")
    first, broken, odd = found["results"]
    assert first["name"] == "王芳" and first["total"] > 0
    assert broken["problems"] == ["这一行不是有效的 JSON 对象（{…}），每行应是一个人的完整资料。"]
    assert odd["problems"] == ["这一行：不认识的字段“unknown_key”，请检查拼写。"]


# Hostile files: one message each, nothing read.

def test_a_file_of_tens_of_megabytes_is_refused_before_reading():
    data = b"a" * (limit("file_bytes_max") + 1)
    assert "超过了10 MB" in _refused(data)


def test_a_zip_bomb_is_refused_from_its_directory():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (limit("xlsx_unpacked_bytes_max")))
    data = out.getvalue()
    assert len(data) < 1_000_000
    assert "解压后有" in _refused(data, "名单.xlsx")


def test_an_xlsx_of_thousands_of_parts_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(limit("xlsx_parts_max")):
            archive.writestr(f"xl/media/{i}.bin", "")
    assert "个部件" in _refused(out.getvalue())


def test_an_xlsx_part_with_a_doctype_is_refused():
    good = _xlsxwriter_book([HEADER, GOOD])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w") as archive:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "xl/sharedStrings.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            archive.writestr(part, data)
    assert "不是 .xlsx 表格" in _refused(out.getvalue())


def test_one_hundred_thousand_rows_are_refused():
    rows = "姓名,出生日期\r\n" + "甲,1990-01-01\r\n" * 100_000
    assert len(rows.encode()) < limit("file_bytes_max")
    assert f"超过{limit('rows_max')}行" in _refused(rows.encode("utf-8"))


def test_one_hundred_thousand_rows_in_an_xlsx_are_refused():
    xlsxwriter = pytest.importorskip("xlsxwriter")
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["姓名", "出生日期"])
    for r in range(1, 100_001):
        sheet.write_string(r, 0, "甲")
    book.close()
    assert f"超过{limit('rows_max')}行" in _refused(out.getvalue())


@pytest.mark.parametrize(("data", "words"), [
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "图片"),
    (b"%PDF-1.7\n", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "旧版 Excel"),
    (b"PK\x03\x04" + b"\0" * 100, "不是 .xlsx 表格"),
    (b"\x00\x01\x02\x03binary\xff\xfe\x00", "编码无法识别"),
])
def test_a_wrong_file_type_is_refused_with_what_to_do(data, words):
    assert words in _refused(data)


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert "不是 .xlsx 表格" in _refused(out.getvalue(), "名单.xlsx")


def test_text_renamed_to_xlsx_is_refused():
    assert "不是 .xlsx 表格" in _refused(csv_text([HEADER, GOOD]).encode(), "名单.xlsx")


def test_a_broken_encoding_is_one_message():
    data = csv_text([HEADER, GOOD]).encode("utf-8")[:-20] + b"\xff\xfe\xfa\x80\x81" * 10
    reason = _refused(data)
    assert reason.startswith("文件的文字编码无法识别") and "CSV UTF-8" in reason


def test_a_huge_cell_is_the_rows_problem_and_the_others_are_read():
    huge = "2016-03起 1倍；" * 1000
    found = check_file(csv_text([HEADER, ["甲", "1990-01-01", "", huge, "", ""], GOOD])
                       .encode("utf-8"), as_of="2026-12-01")
    first, second = found["results"]
    assert first["problems"] == [
        f"社保缴费记录：这一格有{len(huge)}个字，超过了{limit('cell_chars_max')}个字，"
        "请检查是否填错了格。"]
    assert second["total"] > 0


def test_a_cell_longer_than_csv_holds_refuses_the_file():
    data = ("姓名,出生日期\r\n甲," + "x" * 200_000 + "\r\n").encode()
    assert "不是有效的 CSV" in _refused(data)


def test_progress_is_reported_after_each_row():
    seen = []
    found = check_file(csv_text([HEADER, GOOD, BAD, LAST]).encode("utf-8"), as_of="2026-12-01",
                       progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert json.loads(json.dumps(found, ensure_ascii=False)) == found


def test_the_results_are_json_data_and_hold_the_profile_to_open():
    found = check_file(csv_text([HEADER, GOOD]).encode("utf-8"), as_of="2026-12-01")
    (result,) = found["results"]
    assert set(result) >= set(results.FIELDS)
    assert result["profile"]["as_of"] == "2026-12-01" and result["profile"]["version"] == 2
