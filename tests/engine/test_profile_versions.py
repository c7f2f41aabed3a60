"""The profile format's `version`: absent is 1 (everything made before the key existed), 2 is
today's; a version-1 profile scores exactly as the last release before format 2 (48d1dbb) did,
a version-2 profile as the engine did when its fixtures were frozen, and a newer or unreadable
version is one clear problem on `version`."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

import calculator
from calculator import rules
from calculator.parse import read_date
from calculator.profile import (
    NEWER_VERSION_ZH,
    PROFILE_VERSION,
    PROFILE_VERSIONS,
    in_current_version,
)

V1 = json.loads(
    (Path(__file__).parent / "cases" / "v1_profiles" / "release_48d1dbb.json").read_text(
        encoding="utf-8"
    )
)
V1_CASES = [pytest.param(case, id=case["name"]) for case in V1["cases"]]
V2 = json.loads(
    (Path(__file__).parent / "cases" / "v2_profiles" / "format_2.json").read_text(encoding="utf-8")
)
V2_CASES = [pytest.param(case, id=case["name"]) for case in V2["cases"]]


def test_the_fixtures_cover_every_field_of_format_1():
    top, education, credentials, periods = set(), set(), {}, set()
    for case in V1["cases"]:
        profile = case["profile"]
        assert "version" not in profile
        top |= set(profile)
        education |= set(profile.get("education") or {})
        for cred in profile.get("credentials") or []:
            credentials.setdefault(cred["type"], set()).update(cred)
        for period in profile.get("insurance") or []:
            periods |= set(period)
    assert top == {
        "as_of", "birth_date", "education", "credentials", "insurance", "shortage_major",
        "fresh_graduate", "entrepreneur", "intermediary", "serious_crime",
        "family_planning_violation", "investment", "public_service_years", "key_area", "award",
        "spouse", "false_materials", "detentions", "crimes",
    }
    assert education == {"level", "full_time", "study_place_consistent", "top_up_combined"}
    assert credentials == {
        "title": {"type", "level", "job_match"},
        "qualification": {"type", "name", "job_match", "registered"},
        "skill": {
            "type", "level", "occupation", "job_match", "obtained_in_shanghai",
            "verified_in_shanghai",
        },
    }
    assert periods == {"from", "to", "base_multiple", "base_cny", "back_pay"}
    assert len(V1["cases"]) >= 12


FIGURES = ("total", "eligible", "vetoed", "passes", "lines", "raw_points", "warnings")


def _figures(result: dict) -> dict:
    return {
        "total": result["total"],
        "eligible": result["eligible"],
        "vetoed": result["vetoed"],
        "passes": result["passes"],
        "lines": {line["id"]: line["points"] for line in result["lines"]},
        "raw_points": {line["id"]: line["raw_points"] for line in result["lines"]},
        "warnings": [w["code"] for w in result["warnings"]],
    }


@pytest.mark.parametrize("case", V1_CASES)
def test_a_version_1_profile_scores_as_the_release_before_format_2(case):
    expected = {key: case[key] for key in FIGURES}
    assert _figures(calculator.score(case["profile"])) == expected


@pytest.mark.parametrize("case", V1_CASES)
def test_version_1_and_2_score_the_same_once_the_assumed_answers_are_given(case):
    for version in (None, 1):
        profile = {**case["profile"], "version": version}
        assert _figures(calculator.score(profile)) == _figures(calculator.score(case["profile"]))
    answered = in_current_version(case["profile"])
    assert answered["version"] == PROFILE_VERSION == 3
    assert _figures(calculator.score(answered)) == _figures(calculator.score(case["profile"]))


def test_the_planner_reads_a_version_1_profile():
    for case in V1["cases"][:3]:
        assert calculator.plan(case["profile"])["current"]["total"] == case["total"]


def _typed(value) -> bool:
    return isinstance(value, str)


def test_the_version_2_fixtures_cover_what_format_2_added():
    profiles = [case["profile"] for case in V2["cases"]]
    assert all(p["version"] == 2 for p in profiles) and len(profiles) >= 10
    credentials = [c for p in profiles for c in p.get("credentials", [])]
    periods = [period for p in profiles for period in p.get("insurance", [])]
    educations = [p["education"] for p in profiles if "education" in p]
    # overseas credentials of a scoring and a non-scoring category, before and after the list
    overseas = [c for c in credentials if c["type"] == "overseas"]
    assert {c["category"] for c in overseas} >= {"A", "B"}
    days = {read_date(p["as_of"]) for p in profiles
            if any(c["type"] == "overseas" for c in p.get("credentials", []))}
    assert min(days) < rules.in_force_since("credential.overseas_categories") <= max(days)
    # months that do not count (D26), each way
    assert any(period.get("employer_matches") is False for period in periods)
    assert any(period.get("base_matches_tax") is False for period in periods)
    # confirmations answered yes, answered no, and left out
    for key in ("job_match", "registered", "verified_in_shanghai"):
        given = [c[key] for c in credentials if key in c]
        assert {True, False} <= set(given), key
        assert any(key not in c for c in credentials if c["type"] in ("qualification", "skill"))
    part_time = [e for e in educations if e.get("full_time") is False]
    assert {True, False, None} <= {e.get("study_place_consistent") for e in part_time}
    # yuan bases, and dates, months, amounts and counts as people type them
    assert any("base_cny" in period for period in periods)
    assert any(_typed(p["birth_date"]) and p["birth_date"][4:5] != "-" for p in profiles)
    assert any(_typed(p.get("as_of")) and "年" in p["as_of"] for p in profiles)
    assert any("年" in period["from"] for period in periods)
    assert any(_typed(period.get("base_cny")) and "万" in period["base_cny"] for period in periods)
    assert any(_typed(period.get("base_multiple")) for period in periods)
    assert any(_typed(p.get("public_service_years")) for p in profiles)
    assert any(_typed((p.get("investment") or {}).get("avg_hukou_employees")) for p in profiles)
    # every kind of figure the fixtures freeze occurs
    assert any(case["to_confirm"] for case in V2["cases"])
    assert {w for case in V2["cases"] for w in case["warnings"]} >= {
        "overseas_unconfirmed", "yardstick_estimated"
    }
    assert {case["passes"] for case in V2["cases"]} == {True, False}
    assert not all(case["eligible"] for case in V2["cases"])


@pytest.mark.parametrize("case", V2_CASES)
def test_a_version_2_profile_scores_as_when_it_was_frozen(case):
    result = calculator.score(case["profile"])
    expected = {key: case[key] for key in FIGURES}
    assert _figures(result) == expected
    assert [{"path": q["path"], "gain": q["gain"]} for q in result["to_confirm"]] == (
        case["to_confirm"]
    )


@pytest.mark.parametrize("case", V2_CASES)
def test_a_version_2_share_link_holds_its_profile(case):
    # the #profile= fragment calculator-share.js writes: base64url of the JSON, no padding
    text = case["share_link"].removeprefix("#profile=")
    decoded = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("utf-8")
    assert json.loads(decoded) == case["profile"]
    assert in_current_version(case["profile"]) == case["profile"]


def test_the_planner_reads_a_version_2_profile():
    for case in V2["cases"]:
        assert calculator.plan(case["profile"])["current"]["total"] == case["total"]


def test_versions_known():
    assert PROFILE_VERSION == 3  # what the page writes, with its 居转户 questions
    assert PROFILE_VERSIONS == (1, 2, 3)


def _problems(profile: dict) -> list[dict]:
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score(profile)
    return caught.value.problems


@pytest.mark.parametrize("version", [4, 99])
def test_a_newer_version_is_one_problem_telling_to_reload(version):
    # A newer format may have fields this engine does not know: only the version is named.
    problems = _problems({"version": version, "birth_date": "1990-01-01", "new_field": 1})
    assert problems == [
        {
            "path": "version",
            "zh": NEWER_VERSION_ZH.format(version=version),
            "en": problems[0]["en"],
        }
    ]
    assert problems[0]["zh"] == (
        f"这个链接或保存的内容来自本站更新的版本（格式第{version}版），请刷新页面后再打开；"
        "如仍无法打开，请重新填写。"
    )


@pytest.mark.parametrize("version", [0, -1, "2", True, 1.5, 2.0, [2], {"v": 2}])
def test_an_unreadable_version_is_a_problem_on_version(version):
    problems = _problems({"version": version, "birth_date": "1990-01-01"})
    assert [p["path"] for p in problems] == ["version"]
    assert "格式版本" in problems[0]["zh"] and "1或2" in problems[0]["zh"]
    assert "version" not in problems[0]["zh"]


def test_null_version_is_version_1():
    profile = {"as_of": "2026-11-22", "birth_date": "1990-01-01"}
    assert calculator.score({**profile, "version": None})["total"] == (
        calculator.score(profile)["total"]
    )
