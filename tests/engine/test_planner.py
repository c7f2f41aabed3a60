"""The planner: earliest date with time only, and faster changes, all re-scored."""

from __future__ import annotations

from datetime import date

import calculator
from calculator.dates import add_years

YOUNG = {
    "as_of": "2026-11-22",
    "birth_date": "1996-05-01",
    "education": {"level": "junior_college"},
    "insurance": [{"from": "2024-03", "base_multiple": 0.7}],
}


def test_time_only_date_is_the_first_passing_day():
    plan = calculator.plan(YOUNG)
    day = plan["time_only"]["reaches_standard_on"]
    assert day is not None
    # 30 + 50 + 3 per year: 40 more points = 14 years of insurance from 2024-03 → 2038-03
    assert day == "2038-03-01"
    on = calculator.score(
        {
            **YOUNG,
            "as_of": day,
            "insurance": [
                {"from": "2024-03", "to": "2026-10", "base_multiple": 0.7},
                {"from": "2026-11", "base_multiple": 0.7},
            ],
        }
    )
    assert on["passes"] and on["total"] == plan["time_only"]["total"]
    before = calculator.score({**YOUNG, "as_of": "2038-02-28"})
    assert not before["passes"]


def test_suggestions_are_faster_and_explained():
    plan = calculator.plan(YOUNG)
    ids = [s["id"] for s in plan["suggestions"]]
    assert "intermediate_credential" in ids and "base_1" in ids
    for s in plan["suggestions"]:
        assert s["assumption"] and s["title"]
    best = plan["suggestions"][0]
    assert best["reaches_standard_on"] < plan["time_only"]["reaches_standard_on"]
    assert plan["summary"]


def test_already_passing():
    profile = {**YOUNG, "education": {"level": "bachelor_with_degree"}}
    plan = calculator.plan(profile)
    assert plan["current"]["passes"]
    assert plan["time_only"]["reaches_standard_on"] == "2026-11-22"


def test_deduction_leaving_its_window_is_found():
    profile = {
        "as_of": "2026-11-22",
        "birth_date": "1996-02-02",
        "education": {"level": "bachelor_with_degree"},
        "detentions": ["2023-01-10"],
        "insurance": [{"from": "2026-04", "to": "2026-10", "base_multiple": 1.0}],
    }
    plan = calculator.plan(profile)
    # 120 - 50 until the record is 5 years old; paying goes on at 1.0 so +3 a year
    assert plan["time_only"]["reaches_standard_on"] == "2028-01-10"


def test_vetoed_profile_never_passes():
    plan = calculator.plan({**YOUNG, "serious_crime": True})
    assert plan["time_only"]["reaches_standard_on"] is None
    assert "否决" in plan["summary"]


def test_horizon_is_fifteen_years():
    plan = calculator.plan({"as_of": "2026-11-22", "birth_date": "1970-01-01"})
    assert plan["horizon"] == add_years(date(2026, 11, 22), 15).isoformat()
    assert plan["time_only"]["reaches_standard_on"] is None


def test_cny_bases_are_continued_as_multiples():
    profile = {
        "as_of": "2026-05-10",
        "birth_date": "2000-05-01",
        "insurance": [{"from": "2024-07", "base_cny": 13000}],
    }
    plan = calculator.plan(profile)
    # 30 + 50 (base above 1x, continued as a multiple) + 3 per year: 14 years from 2024-07
    assert plan["time_only"]["reaches_standard_on"] == "2038-07-01"
