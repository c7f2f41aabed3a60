"""The profile format's `version`: absent is 1 (everything made before the key existed), 2 is
today's; a version-1 profile scores exactly as the last release before format 2 (48d1dbb) did,
and a newer or unreadable version is one clear problem on `version`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import calculator
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
    assert answered["version"] == 2
    assert _figures(calculator.score(answered)) == _figures(calculator.score(case["profile"]))


def test_the_planner_reads_a_version_1_profile():
    for case in V1["cases"][:3]:
        assert calculator.plan(case["profile"])["current"]["total"] == case["total"]


def test_versions_known():
    assert PROFILE_VERSION == 2
    assert PROFILE_VERSIONS == (1, 2)


def _problems(profile: dict) -> list[dict]:
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score(profile)
    return caught.value.problems


@pytest.mark.parametrize("version", [3, 99])
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
