"""The 居转户 route cases of tests/engine/cases/hukou_routes.toml: each route's first month
(and the overall earliest) under the current course."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import calculator

CASES_FILE = Path(__file__).parent / "cases" / "hukou_routes.toml"
CASES = [pytest.param(case, id=case["name"])
         for case in tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))["case"]]


def test_the_file_holds_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES)
def test_route_months(case):
    result = calculator.hukou({**case["profile"], "as_of": case["as_of"]})
    months = {r["id"]: r["earliest_month"] or "none" for r in result["routes"]}
    expected = case["hukou"]["routes"]
    assert {rid: months[rid] for rid in expected} == expected, [
        r["explanation"] for r in result["routes"] if r["id"] in expected]
    if "earliest" in case["hukou"]:
        found = result["earliest"]
        assert {"route": found["route"], "month": found["month"]} == case["hukou"]["earliest"]
