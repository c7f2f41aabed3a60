"""Overseas occupational qualifications (the recognition list, D25 revised): what the explanation
says, the decision and warning they bring, the list's entries a public source names, the wording
of their input problems. The points of every case are in cases/overseas_credentials.toml."""

from __future__ import annotations

import re
from datetime import date

import pytest
from engine_helpers import check_with, lines_by_id

import calculator
from calculator import overseas_list, rules

BASE = {"birth_date": "1990-01-01", "insurance": [{"from": "2020-01", "base_multiple": 1.2}]}
WARNING = {
    "code": "overseas_unconfirmed",
    "text": "境外职业资格证书按认可清单计多少分、B类是否计分，官方都没有写明；本站按对应的国内"
    "职业资格或职称估算（未说明等级的按中级），这是本站的解释，请向受理机构确认。",
}


def overseas(as_of: str = "2026-11-22", **fields) -> dict:
    credential = {"type": "overseas", "category": "A", "level": "senior", **fields}
    return calculator.score({**BASE, "as_of": as_of, "credentials": [credential]})


def credential_line(result: dict) -> dict:
    return lines_by_id(result)["credential"]


def test_the_list_scores_categories_a_and_b_from_list_2_0_first_reported_2024_11_22():
    assert rules.value("credential.overseas_categories", date(2024, 11, 21)) is None
    assert rules.value("credential.overseas_categories", date(2024, 11, 22)) == ("A", "B")
    assert rules.value("credential.overseas_categories", date(2026, 11, 22)) == ("A", "B")
    entry = rules.value_entry("credential.overseas_categories", date(2024, 11, 22))
    assert entry["documents"] == ["overseas-list-2"] and entry["confidence"] == "L"


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


def test_category_c_scores_0_and_points_to_the_title_recognition():
    text = credential_line(overseas(category="C"))["explanation"]
    assert "A类、B类证书按对应的国内职业资格或职称计分" in text
    assert "C类证书本身不计分，持证人可申请职称比照认定，认定取得的职称请按职称填写；计0分" in text


def test_before_list_2_0_scores_0_and_says_why():
    text = credential_line(overseas(as_of="2024-11-21"))["explanation"]
    assert ("认可清单的积分条款首见于《上海市境外职业资格证书认可清单（2.0版）》"
            "（沪人社专〔2024〕365号），本站自2024-11-22起按境外证书计分，评估日之前计0分") in text


@pytest.mark.parametrize("category", ["A", "B"])
def test_without_a_level_it_scores_as_a_qualification_and_says_what_senior_would_give(category):
    profile = {**BASE, "as_of": "2026-11-22",
               "credentials": [{"type": "overseas", "category": category}]}
    line = credential_line(calculator.score(profile))
    assert line["raw_points"] == rules.value("credential.qualification", date(2026, 11, 22))
    assert f"（认可清单{category}类）" in line["explanation"]
    assert "未说明清单对应的职称等级，按中级计；清单写明对应高级职称的，可计140分" in (
        line["explanation"])


def test_a_certificate_a_source_names_says_its_categories():
    text = credential_line(overseas(name="fcca"))["explanation"]
    assert "公开资料称“ACCA资深会员（FCCA）”在认可清单1.0版中列A类、B类、C类" in text
    text = credential_line(overseas(name="CFA"))["explanation"]
    assert "公开资料" not in text


def test_the_named_entries_are_data_with_their_sources():
    facts = overseas_list.facts()
    assert facts["version"] == "1.0" and facts["annex_not_found"] == ["2.0", "3.0"]
    by_name = {e["name"]: e for e in facts["entries"]}
    assert by_name["ACCA资深会员（FCCA）"]["categories"] == ["A", "B", "C"]
    assert by_name["ACCA资深会员（FCCA）"]["c_title"] == "副高级"
    assert by_name["ACCA会员"]["categories"] == ["A"]
    assert by_name["CGMA准持证人"]["categories"] == ["A"]
    fellows = ("ACM会士", "IET会士", "英国皇家航空学会会士")
    assert {tuple(by_name[n]["categories"]) for n in fellows} == {("B",)}
    keys = {s["key"] for s in rules.sources()}
    assert all(set(e["refs"]) <= keys for e in facts["entries"])
    # ACCA, CFA, CIMA, FRM and PMP are different certificates: none is another's name
    for other in ("CFA", "CIMA", "FRM", "PMP", "ACCA"):
        assert overseas_list.find(other) is None


def test_check_holds_the_list_entries(monkeypatch):
    def broken(data):
        data["entry"][0]["categories"] = ["A", "E"]
        data["entry"][1]["refs"] = ["nope"]

    assert check_with(monkeypatch, overseas_list.FILE, broken) == [
        "overseas_list.toml: entry 'ACCA资深会员（FCCA）': categories must be a list of A, B, C",
        "overseas_list.toml: entry 'ACCA会员': unknown reference 'nope'",
    ]


def test_not_matching_the_job_says_so():
    text = credential_line(overseas(job_match=False))["explanation"]
    assert "与所聘岗位不相符" in text


@pytest.mark.parametrize(
    ("as_of", "category"),
    [("2026-11-22", "A"), ("2026-11-22", "B"), ("2026-11-22", "C"), ("2024-01-01", "A")],
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
    text = decision["text"]
    assert "计分的类别：A类、B类" in text and "{" not in text
    assert "本站自2024-11-22（首见报道之日）起计分" in text
    assert "C类证书本身不计分：持证人可申请职称比照认定" in text and "本站的解释" in text


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


def test_a_missing_category_says_what_to_choose_and_a_missing_level_is_no_problem():
    problems = {p["path"]: p["zh"] for p in _problems({"type": "overseas"})}
    assert "A类、B类或C类" in problems["credentials[0].category"]
    assert "credentials[0].level" not in problems
    (problem,) = _problems({"type": "overseas", "category": "A", "level": "middle"})
    assert problem["path"] == "credentials[0].level"
    assert "中级或高级" in problem["zh"] and "不确定的可以不选（按中级计）" in problem["zh"]


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
