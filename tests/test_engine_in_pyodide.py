"""The engine tests pass inside real Pyodide (Node, offline), not only in CPython: every test
CPython collects runs there too, except the modules that need hypothesis (not a Pyodide
package) and the tests that say why they cannot run there."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "pyodide" / "run_engine_tests.mjs"
ENGINE_TESTS = ROOT / "tests" / "engine"
# "SKIPPED [3] tests/engine/test_cli.py:40: no subprocesses inside Pyodide"
SKIPPED = re.compile(r"^SKIPPED \[(\d+)\] (tests/engine/[\w/]+\.py)(?::\d+)?: (.*)$", re.M)


def needs_hypothesis() -> set[str]:
    return {f"tests/engine/{path.name}" for path in ENGINE_TESTS.glob("test_*.py")
            if 'importorskip("hypothesis")' in path.read_text(encoding="utf-8")}


def collected_by_cpython(ignored: set[str]) -> int:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "tests/engine", *(f"--ignore={path}" for path in sorted(ignored))],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    found = re.search(r"^(\d+) tests? collected", done.stdout, re.M)
    assert found, done.stdout[-2000:] + done.stderr[-2000:]
    return int(found.group(1))


@pytest.mark.slow
def test_engine_tests_pass_inside_pyodide():
    node = shutil.which("node")
    assert node, "node is needed to run the engine inside Pyodide"
    done = subprocess.run(
        [node, str(SCRIPT), "-rs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    last = output.strip().splitlines()[-1]
    assert " failed" not in last and " error" not in last, last
    passed = re.search(r"(\d+) passed", last)
    assert passed, output[-4000:]

    skipped_modules, skipped_tests = set(), 0
    for count, path, reason in SKIPPED.findall(output):
        if "could not import 'hypothesis'" in reason:
            skipped_modules.add(path)
        else:
            skipped_tests += int(count)
    hypothesis_modules = needs_hypothesis()
    assert skipped_modules == hypothesis_modules
    assert int(passed.group(1)) + skipped_tests == collected_by_cpython(hypothesis_modules)
