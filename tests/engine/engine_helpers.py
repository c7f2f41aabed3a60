"""Helpers shared by the engine tests (they run under CPython and inside Pyodide)."""

from __future__ import annotations

import sys

import pytest

IN_PYODIDE = sys.platform == "emscripten"

needs_subprocess = pytest.mark.skipif(IN_PYODIDE, reason="no subprocesses inside Pyodide")


def lines_by_id(result: dict) -> dict:
    return {line["id"]: line for line in result["lines"]}


def check_with(monkeypatch, name: str, change) -> list[str]:
    """calculator.check.check() on the shipped data with the file `name` changed by
    `change(data)` (on a copy), each problem as its line."""
    import copy

    from calculator import check, resources

    real = resources.load_toml

    def patched(file: str):
        data = real(file)
        if file == name:
            data = copy.deepcopy(data)
            change(data)
        return data

    monkeypatch.setattr(check, "load_toml", patched)
    return [str(problem) for problem in check.check()]
