"""Overseas occupational qualifications (recognition list 3.0, D25): what the explanation says,
the decision and warning they bring, the wording of their input problems. The points of every
case are in cases/overseas_credentials.toml."""

from __future__ import annotations

import re
from datetime import date

import pytest
from engine_helpers import lines_by_id

import calculator
from calculator import rules

BASE = {"birth_date": "1990-01-01", "insurance": [{"from": "2020-01", "base_multiple": 1.2}]}
WARNING = {
    "code": "overseas_unconfirmed",
    "text": "境外职业资格证书按清单计多少分，官方没有写明；本站按清单所列对应的国内职称等级估算，"
    "请向受理机构确认。",
}


def overseas(as_of: str = "2026-11-22", **fields) -> dict:
    credential = {"type": "overseas", "category": "A", "level": "senior", **fields}
    return calculator.score({**BASE, "as_of": as_of, "credentials": [credential]})


def credential_line(result: dict) -> dict:
    return lines_by_id(result)["credential"]


def test_the_list_scores_category_a_from_2025_11_14():
    assert rules.value("credential.overseas_categories", date(2025, 11, 13)) is None
    assert rules.value("credential.overseas_categories", date(2025, 11, 14)) == ("A",)


def test_category_a_names_the_certificate_its_category_level_and_base_test():
    line = credential_line(overseas(name="  CPA Australia "))
    assert line["raw_points"] == rules.value("credential.title_senior", date(2026, 11, 22))
    text = line["explanation"]
    assert "境外职业资格“CPA Australia”" in text
    assert "认可清单A类" in text and "高级职称" in text
    assert "基数不低于社平工资1倍" in text


def test_without_a_name_the_explanation_still_reads():
    text = credential_line(overseas(level="intermediate"))["explanation"]
    assert text.startswith("境外职业资格（认可清单A类，对应国内中级职称）")


def test_another_category_scores_0_and_says_why():
    text = credential_line(overseas(category="B"))["explanation"]
    assert "只有A类证书" in text and "B类证书不计积分" in text and "计0分" in text


def test_before_the_list_took_effect_scores_0_and_says_why():
    text = credential_line(overseas(as_of="2025-11-13"))["explanation"]
    assert "认可清单3.0版2025-11-14起施行，评估日之前不按境外证书计分" in text


def test_not_matching_the_job_says_so():
    text = credential_line(overseas(job_match=False))["explanation"]
    assert "与所聘岗位不相符" in text


@pytest.mark.parametrize(
    ("as_of", "category"), [("2026-11-22", "A"), ("2026-11-22", "C"), ("2024-01-01", "A")]
)
def test_any_overseas_credential_brings_d25_and_the_warning(as_of, category):
    result = overseas(as_of=as_of, category=category)
    ids = [d["id"] for d in credential_line(result)["decisions"]]
    assert ids == ["D4", "D5", "D25"]
    assert result["warnings"].count(WARNING) == 1


def test_d25_and_the_warning_once_for_two_overseas_credentials_beside_a_qualification():
    credentials = [
        {"type": "overseas", "category": "A", "level": "senior"},
        {"type": "overseas", "category": "B", "level": "intermediate"},
        {"type": "qualification", "name": "注册会计师"},
    ]
    result = calculator.score({**BASE, "as_of": "2026-11-22", "credentials": credentials})
    assert [d["id"] for d in credential_line(result)["decisions"]] == ["D4", "D5", "D21", "D25"]
    assert result["warnings"].count(WARNING) == 1


def test_without_an_overseas_credential_neither_d25_nor_the_warning():
    credentials = [{"type": "title", "level": "senior"}]
    result = calculator.score({**BASE, "as_of": "2026-11-22", "credentials": credentials})
    assert "D25" not in [d["id"] for d in credential_line(result)["decisions"]]
    assert all(w["code"] != "overseas_unconfirmed" for w in result["warnings"])


def test_d25_text_has_the_numbers_in_force():
    decision = next(
        d for d in credential_line(overseas())["decisions"] if d["id"] == "D25"
    )
    assert "A类" in decision["text"] and "{" not in decision["text"]


def _problems(credential: dict) -> list[dict]:
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score({**BASE, "as_of": "2026-11-22", "credentials": [credential]})
    return caught.value.problems


INTERNAL = re.compile(r"\b(overseas|category|level|intermediate|senior|name|job_match|type)\b")


@pytest.mark.parametrize(
    "credential",
    [
        {"type": "overseas"},
        {"type": "overseas", "category": "a", "level": "Senior"},
        {"type": "overseas", "category": ["A"], "level": 2},
        {"type": "overseas", "category": "A", "level": "senior", "name": "x" * 101},
        {"type": "foreign", "category": "A"},
    ],
)
def test_problems_name_the_field_in_plain_chinese(credential):
    problems = _problems(credential)
    assert problems
    for problem in problems:
        assert problem["path"].startswith("credentials[0].")
        assert not INTERNAL.search(problem["zh"]), problem["zh"]


def test_a_missing_category_and_level_say_what_to_choose():
    problems = {p["path"]: p["zh"] for p in _problems({"type": "overseas"})}
    assert "A类、B类或C类" in problems["credentials[0].category"]
    assert "中级或高级" in problems["credentials[0].level"]


def test_an_unknown_type_lists_the_overseas_choice():
    (problem,) = _problems({"type": "foreign"})
    assert "境外职业资格（认可清单）" in problem["zh"]
    assert "'overseas'" in problem["en"]


def test_the_planner_accepts_overseas_credentials():
    for as_of, category in (("2025-06-01", "A"), ("2026-11-22", "B"), ("2026-11-22", "A")):
        profile = {
            **BASE,
            "as_of": as_of,
            "credentials": [{"type": "overseas", "category": category, "level": "senior"}],
        }
        plan = calculator.plan(profile)
        assert plan["current"]["total"] == calculator.score(profile)["total"]
