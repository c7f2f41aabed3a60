"""Rule cases stored as data: tests/engine/cases/*.toml, one [[case]] table each.

A case gives `name`, `as_of`, `profile`, and then any of: `expected` (points of every
line that is not 0; all other lines must be 0), `raw` (raw_points per line), `total`,
`passes`, `eligible`, `vetoed`, `warnings` (codes that must appear) or `error_paths`
(the profile is invalid and these field paths must be named)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import calculator
from calculator.engine import LINE_ORDER

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list:
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            cases.append(pytest.param(case, id=f"{path.stem}:{case['name']}"))
    return cases


CASES = load_cases()


def test_every_case_file_holds_cases():
    files = {path.stem for path in CASES_DIR.glob("*.toml")}
    assert files and {case.id.split(":")[0] for case in CASES} == files


def test_case_names_are_unique():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES)
def test_case(case):
    profile = {**case["profile"], "as_of": case["as_of"]}
    if "error_paths" in case:
        with pytest.raises(calculator.ValidationError) as caught:
            calculator.score(profile)
        paths = [p["path"] for p in caught.value.problems]
        for expected in case["error_paths"]:
            assert expected in paths, caught.value.problems
        return
    result = calculator.score(profile)
    points = {line["id"]: line["points"] for line in result["lines"]}
    if "expected" in case:
        unknown = set(case["expected"]) - set(LINE_ORDER)
        assert not unknown, f"unknown line ids in case: {unknown}"
        expected = {line_id: case["expected"].get(line_id, 0) for line_id in LINE_ORDER}
        assert points == expected, [ln["explanation"] for ln in result["lines"]]
    for line_id, raw in case.get("raw", {}).items():
        line = next(ln for ln in result["lines"] if ln["id"] == line_id)
        assert line["raw_points"] == raw, line["explanation"]
    for key in ("total", "passes", "eligible", "vetoed"):
        if key in case:
            assert result[key] == case[key], (key, result["headline"])
    codes = {w["code"] for w in result["warnings"]}
    for code in case.get("warnings", []):
        assert code in codes
