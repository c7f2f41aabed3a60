"""`python -m calculator batch`: one result per row on standard output (CSV, --json, --xlsx),
exit status 0 when the file was read even with rows that have problems, 2 with one message
when it was not; --template writes the template; 1,000 rows in one run."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from engine_helpers import needs_subprocess

from calculator.batch.columns import headers
from calculator.batch.writers import header

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"

pytestmark = needs_subprocess


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "calculator", "batch", *args], cwd=ROOT,
                          input=stdin, capture_output=True, timeout=600)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_example_csv_gives_one_row_per_person_and_exit_0():
    done = run(str(EXAMPLES / "batch.csv"), "--as-of", "2026-12-01")
    assert done.returncode == 0, done.stderr.decode()
    rows = _csv_rows(done.stdout)
    assert rows[0] == header()
    by_name = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_name) == {"王芳", "李强", "陈静", "赵磊", "'=HYPERLINK(\"http://example.com\")"}
    assert by_name["赵磊"]["达标"] == "有问题" and by_name["赵磊"]["总分"] == ""
    assert by_name["赵磊"]["需要修改"].startswith("出生日期：")
    assert by_name["王芳"]["达标"] == "达标" and by_name["王芳"]["居转户最早申报月份"] == "2026-12"
    assert "三地一致" in by_name["陈静"]["待确认"]


@pytest.mark.parametrize("name", ["batch.csv", "batch.xlsx"])
def test_the_example_files_agree(name):
    done = run(str(EXAMPLES / name), "--as-of", "2026-12-01", "--json")
    assert done.returncode == 0, done.stderr.decode()
    found = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["name"] for r in found][:4] == ["王芳", "李强", "陈静", "赵磊"]
    assert [r["total"] for r in found][:3] == [260, 125, 112]


def test_json_lines_in_and_out():
    done = run(str(EXAMPLES / "batch.jsonl"), "--json", "--as-of", "2026-12-01")
    assert done.returncode == 0
    found = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["name"] for r in found] == ["王芳", "李强", "赵磊"]
    assert found[2]["problems"] == ["出生日期：没有13月，月份应为1至12。"]


def test_xlsx_out_to_a_file(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "结果.xlsx"
    done = run(str(EXAMPLES / "batch.csv"), "--xlsx", "--out", str(out), "--as-of", "2026-12-01")
    assert done.returncode == 0 and done.stdout == b""
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [c.value for c in next(sheet.iter_rows())] == header()


@pytest.mark.parametrize(("args", "words"), [
    (["missing.csv"], "无法读取文件"),
    ([str(ROOT / "README.md")], "至少要有“姓名”和“出生日期”两列"),
    ([str(EXAMPLES / "batch.csv"), "--as-of", "2026-13-01"], "--as-of：没有13月"),
])
def test_an_unreadable_file_is_exit_2_with_one_message(args, words):
    done = run(*args)
    assert done.returncode == 2 and done.stdout == b""
    message = done.stderr.decode()
    assert words in message and "Traceback" not in message and len(message.splitlines()) == 1


def test_one_profile_as_a_json_document_is_one_row():
    done = run(str(EXAMPLES / "profile.json"), "--json")
    assert done.returncode == 0
    (found,) = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert found["total"] > 0 and found["problems"] == []


def test_a_binary_file_on_standard_input_is_exit_2():
    done = run("-", stdin=b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert done.returncode == 2 and "图片" in done.stderr.decode()


def test_the_template_as_csv_and_xlsx(tmp_path):
    done = run("--template")
    assert done.returncode == 0
    rows = _csv_rows(done.stdout)
    assert rows[0] == headers() and rows[1][0].startswith("示例")
    out = tmp_path / "模板.xlsx"
    assert run("--template", "--xlsx", "--out", str(out)).returncode == 0
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.slow
def test_one_thousand_rows_each_with_its_result(tmp_path):
    good = "王{},1990-05-12,本科及学士学位,2016-03至2022-06 0.9倍；2022-07起 14000元"
    low = "李{},1995-01-01,大专,2023-07起 最低"
    bad = "赵{},1991-13-01,硕士,2020-07至2019-06 1倍"
    lines = ["姓名,出生日期,最高学历,社保缴费记录"]
    for i in range(1000):
        lines.append((bad if i % 10 == 9 else low if i % 10 == 8 else good).format(i))
    path = tmp_path / "千人.csv"
    path.write_text("\r\n".join(lines), encoding="gbk")
    done = run(str(path), "--as-of", "2026-12-01")
    assert done.returncode == 0, done.stderr.decode()
    rows = _csv_rows(done.stdout)[1:]
    assert len(rows) == 1000
    assert [row[0] for row in rows] == [str(n) for n in range(2, 1002)]
    assert sum(row[3] == "有问题" for row in rows) == 100
    assert sum(row[3] == "达标" for row in rows) == 800
    assert sum(row[3] == "未达标" for row in rows) == 100
