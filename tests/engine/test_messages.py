"""calculator.messages.answer: what the browser worker returns for each request."""

from __future__ import annotations

import json

import pytest

import calculator
from calculator.messages import answer

PROFILE = {"as_of": "2026-11-01", "birth_date": "1990-01-01", "education": {"level": "bachelor"}}


def test_score_and_plan_are_the_engines_own_results_as_json():
    text = json.dumps(PROFILE)
    assert json.loads(answer("score", text)) == {
        "ok": True, "result": json.loads(json.dumps(calculator.score(PROFILE), default=str))}
    assert json.loads(answer("plan", text))["ok"] is True


def test_an_invalid_profile_gives_its_problems_not_an_exception():
    reply = json.loads(answer("score", json.dumps({"birth_date": "1990-13-01"})))
    assert reply["ok"] is False and reply["kind"] == "validation"
    assert any(problem["path"] == "birth_date" for problem in reply["problems"])
    assert "必须填写" in answer("score", json.dumps({}))  # Chinese kept, not escaped


def test_catalogues_and_an_unknown_request():
    reply = json.loads(answer("catalogues", "null"))
    assert len(reply["result"]["skills"]) == 62 and len(reply["result"]["qualifications"]) == 56
    with pytest.raises(ValueError, match="unknown op"):
        answer("delete", "null")


def test_hukou_is_the_engines_own_check_as_json_and_bad_input_its_problems():
    profile = {**PROFILE, "version": 3, "permit": [{"from": "2020-01"}]}
    assert json.loads(answer("hukou", json.dumps(profile))) == {
        "ok": True, "result": json.loads(json.dumps(calculator.hukou(profile), default=str))}
    reply = json.loads(answer("hukou", json.dumps({**profile, "permit": [{"from": "2020-13"}]})))
    assert reply["ok"] is False and reply["problems"][0]["path"].startswith("permit[0]")
