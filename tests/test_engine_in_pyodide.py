"""The engine tests pass inside real Pyodide (Node, offline), not only in CPython."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "pyodide" / "run_engine_tests.mjs"
MIN_TESTS = 200


@pytest.mark.slow
def test_engine_tests_pass_inside_pyodide():
    node = shutil.which("node")
    assert node, "node is needed to run the engine inside Pyodide"
    done = subprocess.run(
        [node, str(SCRIPT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    summary = re.search(r"(\d+) passed", output)
    assert summary, output[-4000:]
    assert int(summary.group(1)) > MIN_TESTS, output[-2000:]
    assert " failed" not in output.splitlines()[-1]
