"""The result format promised to the site (docs/profile.md, docs/architecture.md §1)."""

from __future__ import annotations

import json
import re

import pytest
from engine_helpers import lines_by_id

import calculator
from calculator.engine import LINE_ORDER

PROFILE = {
    "as_of": "2026-11-22",
    "birth_date": "1990-05-01",
    "education": {"level": "bachelor_with_degree"},
    "credentials": [{"type": "title", "level": "intermediate"}],
    "insurance": [{"from": "2019-01", "to": "2026-10", "base_multiple": 1.2}],
    "spouse": {"married_on": "2020-01-01"},
    "detentions": ["2023-01-01"],
}


def test_top_level_keys_and_types():
    result = calculator.score(PROFILE)
    assert result["standard"] == 120
    assert result["as_of"] == "2026-11-22"
    assert isinstance(result["total"], int)
    for key in ("eligible", "vetoed", "passes"):
        assert isinstance(result[key], bool)
    assert result["rules_version"] == calculator.RULES_VERSION
    assert isinstance(result["warnings"], list)
    json.dumps(result)  # plain JSON data only


def test_exactly_one_line_per_id_in_order():
    result = calculator.score(PROFILE)
    assert [line["id"] for line in result["lines"]] == list(LINE_ORDER)


def test_every_line_is_complete():
    for line in calculator.score(PROFILE)["lines"]:
        assert line["group"] in ("base", "bonus", "deduction")
        assert isinstance(line["points"], int)
        for key in ("label", "explanation", "source", "rule"):
            assert isinstance(line[key], str) and line[key].strip(), (line["id"], key)
        assert re.search(r"[\u4e00-\u9fff]", line["explanation"])
        for used in line["decisions"]:
            assert re.fullmatch(r"D\d+", used["id"]) and used["text"]


def test_total_is_the_sum_and_lower_of_education_and_credential_is_zero():
    result = calculator.score(PROFILE)
    lines = lines_by_id(result)
    assert result["total"] == sum(line["points"] for line in result["lines"])
    assert lines["education"]["points"] == 0 and lines["education"]["raw_points"] == 90
    assert lines["credential"]["points"] == 100
    assert result["total"] == 30 + 100 + 21 + 50 + 24 - 50


def test_explanation_carries_the_persons_numbers():
    lines = lines_by_id(calculator.score(PROFILE))
    assert "1990-05-01" in lines["age"]["explanation"]
    assert "36周岁" in lines["age"]["explanation"]
    assert "2023-01-01" in lines["detention"]["explanation"]
    assert "2020-01-01" in lines["spouse"]["explanation"]


def test_source_cites_document_and_reference_keys():
    lines = lines_by_id(calculator.score(PROFILE))
    assert "沪府发〔2017〕98号" in lines["age"]["source"]
    assert "[S7]" in lines["age"]["source"]


def test_source_follows_the_date():
    old = lines_by_id(
        calculator.score(
            {**PROFILE, "as_of": "2016-01-01", "insurance": [], "spouse": None, "detentions": []}
        )
    )
    assert "试行办法" in old["investment"]["source"]


def test_decisions_listed_per_line():
    lines = lines_by_id(calculator.score(PROFILE))
    assert [d["id"] for d in lines["age"]["decisions"]] == ["D2"]
    assert "D5" in [d["id"] for d in lines["credential"]["decisions"]]
    assert "D7" in [d["id"] for d in lines["insurance_base"]["decisions"]]


def test_eligibility_block():
    result = calculator.score(PROFILE)
    assert result["eligibility"]["months"] == 12
    assert result["eligibility"]["window"] == ["2025-11", "2026-10"]


def test_the_input_is_not_changed():
    before = json.dumps(PROFILE, sort_keys=True)
    calculator.score(PROFILE)
    calculator.plan(PROFILE)
    assert json.dumps(PROFILE, sort_keys=True) == before


def test_default_as_of_is_today_in_shanghai(monkeypatch):
    """At 20:00 UTC on 1 March it is already 2 March in Shanghai."""
    from datetime import UTC, datetime

    from calculator import dates

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 3, 1, 20, 0, tzinfo=UTC).astimezone(tz)

    monkeypatch.setattr(dates, "datetime", Clock)
    result = calculator.score({"birth_date": "1990-05-01"})
    assert result["as_of"] == "2026-03-02"


def test_validation_error_lists_every_problem():
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score(
            {
                "birth_date": "1990-02-30",
                "award": "gold",
                "x": 1,
                "insurance": [{"from": "bad", "base_multiple": 1}],
            }
        )
    error = caught.value
    assert isinstance(error, ValueError)
    paths = {p["path"] for p in error.problems}
    assert {"birth_date", "award", "x", "insurance[0].from"} <= paths
    for problem in error.problems:
        assert set(problem) == {"path", "zh", "en"}
        assert re.search(r"[\u4e00-\u9fff]", problem["zh"]) and problem["en"]
    text = str(error)
    assert "birth_date" in text and "insurance[0].from" in text


@pytest.mark.parametrize("bad", [None, [], "profile", 3, True])
def test_non_object_profiles_are_rejected(bad):
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score(bad)
    assert caught.value.problems[0]["path"] == ""
