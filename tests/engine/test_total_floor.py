"""D19: the total is the sum of the lines but never below the lowest total (the parameter
total.min_points); the lines, deductions included, stay as computed, and the headline and the
breakdown say when the floor applies."""

from __future__ import annotations

from datetime import date

import pytest
from engine_helpers import lines_by_id

import calculator
from calculator import rules
from calculator.explain import explain_result

# 57 years old (5 points) and 15 years of insurance (45 points) at a base too low for a tier:
# 50 points before deductions
BASE = {
    "as_of": "2026-11-22",
    "birth_date": "1969-05-01",
    "insurance": [{"from": "2011-11", "to": "2026-10", "base_multiple": 0.6}],
}
DETENTION = "2024-01-01"


def score(detentions: int) -> dict:
    return calculator.score({**BASE, "detentions": [DETENTION] * detentions})


def test_the_floor_is_data():
    assert rules.value("total.min_points", date(2026, 11, 22)) == 0


@pytest.mark.parametrize(("detentions", "lines_sum"), [(0, 50), (1, 0)])
def test_at_or_above_the_floor_the_total_is_the_sum_and_nothing_is_said(detentions, lines_sum):
    result = score(detentions)
    assert sum(line["points"] for line in result["lines"]) == lines_sum
    assert result["total"] == lines_sum
    assert result["total_floor"] is None
    assert "最低分值" not in result["headline"]
    assert "最低分值" not in explain_result(result)


@pytest.mark.parametrize(("detentions", "lines_sum"), [(2, -50), (3, -100)])
def test_below_the_floor_the_total_is_0_the_lines_stay_and_the_breakdown_says_so(
    detentions, lines_sum
):
    result = score(detentions)
    assert lines_by_id(result)["detention"]["points"] == -50 * detentions
    assert sum(line["points"] for line in result["lines"]) == lines_sum
    assert result["total"] == 0 and not result["passes"]
    floor = result["total_floor"]
    assert floor["lines_sum"] == lines_sum and floor["floor"] == 0
    assert floor["decision"]["id"] == "D19" and "{" not in floor["decision"]["text"]
    said = f"各项相加为{lines_sum}分，低于总积分的最低分值0分，总分按0分计"
    assert said in result["headline"]
    assert said in explain_result(result)
    assert "本站解释（D19）" in explain_result(result)


def test_a_confirmation_below_the_floor_gains_nothing():
    # a level-4 certificate (30 points) still to be confirmed as matching the job leaves the
    # lines at -70: the total stays 0 with "yes" too
    profile = {**BASE, "version": 2, "detentions": [DETENTION] * 3,
               "credentials": [{"type": "skill", "level": 4}]}
    result = calculator.score(profile)
    (question,) = [q for q in result["to_confirm"] if q["path"].endswith("job_match")]
    assert question["if_yes"]["line_points"] == 30
    assert question["if_yes"]["total"] == 0 and question["gain"] == 0
