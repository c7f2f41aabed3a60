"""`python -m calculator`: JSON out, --explain, exit status 2 on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from engine_helpers import needs_subprocess

ROOT = Path(__file__).resolve().parents[2]
PROFILE = {
    "as_of": "2026-11-22",
    "birth_date": "1990-05-01",
    "education": {"level": "bachelor_with_degree"},
    "insurance": [{"from": "2025-01", "to": "2026-10", "base_multiple": 1.0}],
}

pytestmark = needs_subprocess


def run(*args, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "calculator", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.fixture
def profile_file(tmp_path):
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(PROFILE, ensure_ascii=False), encoding="utf-8")
    return path


def test_score_file_prints_the_result_json(profile_file):
    done = run("score", str(profile_file))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["total"] == 123 and result["passes"] is True
    assert "年龄" in done.stdout  # not escaped


def test_score_from_stdin():
    done = run("score", "-", stdin=json.dumps(PROFILE))
    assert done.returncode == 0
    assert json.loads(done.stdout)["total"] == 123


def test_explain_prints_chinese_breakdown(profile_file):
    done = run("score", str(profile_file), "--explain")
    assert done.returncode == 0
    assert "你的积分为123分" in done.stdout
    assert "【基础指标】" in done.stdout and "依据：" in done.stdout


def test_as_of_override(profile_file):
    done = run("score", str(profile_file), "--as-of", "2027-11-22")
    assert json.loads(done.stdout)["as_of"] == "2027-11-22"


def test_plan(profile_file):
    done = run("plan", str(profile_file))
    assert done.returncode == 0
    assert json.loads(done.stdout)["current"]["total"] == 123
    assert run("plan", str(profile_file), "--explain").returncode == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"birth_date": "1990-02-30"}', "birth_date"),
        ("[1, 2]", "JSON 对象"),
        ('{"birth_date": "1990-05-01", "award": "gold", "x": 1}', "award"),
    ],
)
def test_invalid_input_exits_2_without_traceback(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    done = run("score", str(path))
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_missing_file_exits_2(tmp_path):
    done = run("score", str(tmp_path / "nope.json"))
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_binary_file_exits_2(tmp_path):
    path = tmp_path / "bad.bin"
    path.write_bytes(b"\xff\xfe\x00garbage")
    done = run("score", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_bad_as_of_override_exits_2(profile_file):
    done = run("score", str(profile_file), "--as-of", "2026-02-30")
    assert done.returncode == 2 and "as_of" in done.stderr


@pytest.mark.parametrize("command", ["score", "plan", "hukou"])
def test_output_piped_into_a_reader_that_stops_early_ends_without_traceback(command):
    fcntl = pytest.importorskip("fcntl")
    example = ROOT / "docs" / "examples" / "hukou.json"
    reader, writer = os.pipe()
    fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)  # smaller than every output, so writing blocks
    process = subprocess.Popen([sys.executable, "-m", "calculator", command, str(example)],
                               cwd=ROOT, stdout=writer, stderr=subprocess.PIPE)
    os.close(writer)
    os.read(reader, 1)  # like `| head -c 1`: read one byte, then stop reading
    os.close(reader)
    errors = process.stderr.read().decode("utf-8")
    process.wait(timeout=60)
    assert "Traceback" not in errors and "BrokenPipe" not in errors


def test_hukou_example_gives_the_month_the_docs_name():
    done = run("hukou", str(ROOT / "docs" / "examples" / "hukou.json"))
    assert done.returncode == 0
    assert json.loads(done.stdout)["earliest"] == {
        "route": "title", "month": "2027-09", "name": "中级职称或技师"}
