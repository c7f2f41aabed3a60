"""Helpers shared by the engine tests (they run under CPython and inside Pyodide)."""

from __future__ import annotations

import sys

import pytest

IN_PYODIDE = sys.platform == "emscripten"

needs_subprocess = pytest.mark.skipif(IN_PYODIDE, reason="no subprocesses inside Pyodide")


def lines_by_id(result: dict) -> dict:
    return {line["id"]: line for line in result["lines"]}
