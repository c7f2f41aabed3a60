"""The batch's plan columns (calculator/batch/reach.py) are what the full plan gives: the day the
standard is reached and stays on the current course, its note, and the plan's first route with
its day, for the stored cases, the examples, profiles expecting a credential on a given day, and
generated profiles."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

pytest.importorskip("hypothesis")  # the generated profiles; the plans make it slow in Pyodide

from hypothesis import HealthCheck, given, settings
from profile_strategies import examples, valid_profiles

import calculator
from calculator.batch import read_file, results
from calculator.batch.reach import reach
from calculator.engine import score_profile
from calculator.profile import read_profile

ENGINE = Path(__file__).parent
EXAMPLES = ENGINE.parents[1] / "docs" / "examples"


def from_plan(profile: dict):
    made = calculator.plan(profile)
    first = made["routes"][0] if made["routes"] else None
    return (made["time_only"]["reaches_standard_on"], made["time_only"]["reach_note"],
            (first["title"], first["reaches_standard_on"]) if first else None)


def from_reach(profile: dict):
    p = read_profile(profile)
    found = reach(p, score_profile(p), profile.get("plan"))
    fastest = found["fastest"]
    return (found["reaches_on"], found["reach_note"],
            (fastest["title"], fastest["reaches_on"]) if fastest else None)


def same_as_plan(profile: dict) -> None:
    try:
        expected = from_plan(profile)
    except calculator.ValidationError:
        with pytest.raises(calculator.ValidationError):
            from_reach(profile)
        return
    assert from_reach(profile) == expected, profile


def stored() -> list:
    found = []
    for path in sorted((ENGINE / "cases").glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            if "error_paths" not in case:
                found.append((f"{path.stem}:{case['name']}",
                              {**case["profile"], "as_of": case["as_of"]}))
    for path in sorted((ENGINE / "cases").glob("v*_profiles/*.json")):
        found.append((path.name, json.loads(path.read_text(encoding="utf-8"))))
    for name in ("profile.json", "hukou.json"):
        found.append((name, json.loads((EXAMPLES / name).read_text(encoding="utf-8"))))
    # a plan for every eighth in the quick run (a plan takes up to a fifth of a second)
    return [pytest.param(profile, id=name, marks=() if i % 8 == 0 else pytest.mark.slow)
            for i, (name, profile) in enumerate(found)]


@pytest.mark.parametrize("profile", stored())
def test_a_stored_profile_has_the_plans_columns(profile):
    same_as_plan(profile)


AS_OF = "2026-12-01"


def example_rows() -> list[dict]:
    return [row for name in ("batch.csv", "batch.jsonl")
            for row in read_file((EXAMPLES / name).read_bytes(), name)["rows"]]


def batch_profiles() -> list[dict]:
    made = (results.one(row, AS_OF, planned=False) for row in example_rows())
    return [result["profile"] for result in made if result["profile"] is not None]


@pytest.mark.parametrize("profile", batch_profiles())
def test_an_example_row_has_the_plans_columns(profile):
    same_as_plan(profile)


def test_a_row_planned_after_its_totals_is_the_row_planned_at_once():
    """A page shows every row's total first (planned=False), then asks for the plan alone."""
    rows = example_rows()
    assert len(rows) > 3
    for row in rows:
        first = results.one(row, AS_OF, planned=False, documents=True)
        whole = results.one(row, AS_OF, documents=True)
        assert {**first, **results.plan_of(row, AS_OF)} == whole
        if whole["profile"] is not None:
            assert whole["documents"] == calculator.score(whole["profile"])["documents"]
        else:  # a row with problems
            assert whole["problems"] and "documents" not in whole


NOT_YET = {"version": 2, "as_of": "2026-12-01", "birth_date": "1983-11-20",
           "education": {"level": "junior_college", "full_time": False,
                         "study_place_consistent": False},
           "insurance": [{"from": "2016-01", "base_multiple": 0.8}]}


@pytest.mark.parametrize("expected", [
    {"skill_3": "2027-01-15"},
    {"title_intermediate": "2026-12-01", "skill_3": "2026-12-01"},
    {"skill_1": "2027-03-01", "skill_2": "2030-01-01"},
    {"education_bachelor": "2027-01-01", "three_places": "2028-01-01"},
])
@pytest.mark.parametrize("confirmed", [False, True])
def test_the_days_a_person_expects_move_the_routes_alike(expected, confirmed):
    profile = {**NOT_YET, "plan": {"expected": expected, "target_date": "2027-06-30"}}
    if confirmed:
        profile["education"] = {**profile["education"], "study_place_consistent": True}
    same_as_plan(profile)


def test_two_routes_reaching_on_one_day_come_in_the_plans_order():
    # the degree, expected on the day a base three times the average gets there, is listed
    # before the base among the routes, after it in the plan (by kind)
    later = {rid: "2036-01-01" for rid in ("skill_1", "skill_2", "skill_3", "skill_4",
                                           "skill_5", "title_intermediate")}
    profile = {"version": 2, "as_of": "2026-12-01", "birth_date": "1990-11-20",
               "education": {"level": "junior_college", "full_time": True},
               "insurance": [{"from": "2019-01", "base_multiple": 0.6}],
               "plan": {"expected": {**later, "education_bachelor": "2028-12-01"}}}
    made = calculator.plan(profile)
    assert [(r["id"], r["reaches_standard_on"]) for r in made["routes"][:2]] == [
        ("base_3", "2028-12-01"), ("education_bachelor", "2028-12-01")]
    same_as_plan(profile)


def test_a_bad_plan_object_is_a_problem_of_the_row():
    profile = {**NOT_YET, "plan": {"expected": {"skill_3": "2027-13-01"}}}
    out = results.result(2, "某人", profile, [])
    assert out["total"] is None and out["problems"] and not out["planned"]
    first = results.result(2, "某人", profile, [], planned=False)
    assert first["total"] == 85 and not first["problems"]  # the plan object is not read
    later = results.plan_of({"row": 2, "name": "某人", "profile": profile, "problems": []})
    assert {**first, **later} == out


def test_the_row_gives_the_plans_columns_in_words():
    out = results.result(2, "某人", NOT_YET, [])
    reaches, note, (title, day) = from_plan(NOT_YET)
    assert (out["reaches_on"], out["reach_note"]) == (reaches, note)
    assert out["fastest"] == f"{title}（预计{day}）"


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(valid_profiles())
def test_a_generated_profile_has_the_plans_columns(profile):
    same_as_plan(profile)
