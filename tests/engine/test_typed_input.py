"""Profiles as people fill them in: dates, months and amounts in any usual form (read by the
engine, so the page and the command line agree), and confirmations only the person can give
left unanswered until they answer."""

from __future__ import annotations

from fractions import Fraction

import pytest

import calculator
from calculator.dates import month_index, month_label
from calculator.yardstick import yardstick_for
from calculator.yardstick import years as yardstick_years

BASE = {"version": 2, "as_of": "2026-11-28", "birth_date": "1995-03-08"}


def _score(**changes):
    return calculator.score({**BASE, **changes})


def _problems(**changes):
    with pytest.raises(calculator.ValidationError) as caught:
        _score(**changes)
    return {p["path"]: p["zh"] for p in caught.value.problems}


@pytest.mark.parametrize("birth", ["1995-03-08", "19950308", "1995年3月8日", "1995/3/8"])
def test_a_birth_date_in_any_usual_form(birth):
    assert _score(birth_date=birth)["lines"][0]["explanation"].startswith("出生于1995-03-08")


@pytest.mark.parametrize("start", ["2019-07", "201907", "2019年7月"])
@pytest.mark.parametrize("base", [15000, "15000", "15,000", "1.5万", "15000元"])
def test_months_and_yuan_in_any_usual_form_give_the_same_total(start, base):
    typed = _score(insurance=[{"from": start, "base_cny": base}])
    plain = _score(insurance=[{"from": "2019-07", "base_cny": 15000}])
    assert typed["total"] == plain["total"] and typed["lines"] == plain["lines"]


def test_a_multiple_may_carry_its_unit():
    assert (_score(insurance=[{"from": "2019-07", "base_multiple": "0.8倍"}])["total"]
            == _score(insurance=[{"from": "2019-07", "base_multiple": 0.8}])["total"])


def _base_line(**base):
    result = _score(insurance=[{"from": "2019-07", **base}])
    return result["total"], [ln for ln in result["lines"] if ln["id"] == "insurance_base"]


@pytest.mark.parametrize(("typed", "multiple"), [
    ("最低", "floor"), ("下限", "floor"), ("按最低基数缴", "floor"),
    ("最高", "ceiling"), ("上限", "ceiling"), ("60%", 0.6), ("３００％", 3),
])
@pytest.mark.parametrize("field", ["base_multiple", "base_cny"])
def test_floor_ceiling_and_percentages_in_either_base_field(field, typed, multiple):
    """最低/最高 are the floor and ceiling of the period's first contribution year, as a
    multiple that follows the yardstick from year to year; a percentage is a multiple."""
    year = yardstick_for(month_index(2019, 7)).year
    if multiple in ("floor", "ceiling"):
        multiple = float(Fraction(getattr(year, f"{multiple}_cny"), year.average_cny))
    assert _base_line(**{field: typed}) == _base_line(base_multiple=multiple)


def test_a_period_starting_before_the_yardstick_data_reads_the_first_years_floor():
    first = yardstick_years()[0]
    floor = float(Fraction(first.floor_cny, first.average_cny))
    start = month_label(first.start - 1)
    typed = _score(insurance=[{"from": start, "base_multiple": "最低"}])
    plain = _score(insurance=[{"from": start, "base_multiple": floor}])
    assert typed["total"] == plain["total"]


def test_a_marriage_date_without_its_day_asks_for_the_day_in_words():
    problems = _problems(spouse={"married_on": "2015-10"})
    assert problems == {
        "spouse.married_on":
            "只填到了月份，这一项要精确到日：请填写2015年10月几日（如 2015-10-01）。",
    }


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        ({"birth_date": "1995-0"}, "birth_date", "“1995-0”不是日期，请按年、月、日填写"),
        ({"insurance": [{"from": "2019", "base_multiple": 1}]}, "insurance[0].from",
         "“2019”不是月份，请按年、月填写，如 2019-07、201907 或 2019年7月"),
        ({"insurance": [{"from": "2019-07", "base_cny": "一万五"}]}, "insurance[0].base_cny",
         "如 15000、15,000 或 1.5万"),
        ({"insurance": [{"from": "2019-07", "base_multiple": "零点八"}]},
         "insurance[0].base_multiple", "如 0.8、1 或 2.5"),
        ({"insurance": [{"from": "2019-07", "base_multiple": "最低档位"}]},
         "insurance[0].base_multiple", "可以填「最低」或「最高」"),
        ({"insurance": [{"from": "2019-07", "base_cny": "很高"}]},
         "insurance[0].base_cny", "可以填「最低」或「最高」"),
    ],
)
def test_unreadable_input_says_what_to_type(changes, path, words):
    assert words in _problems(**changes)[path]


# ------------------------------------------------------------------ nothing assumed
NON_FULL_TIME = {"level": "junior_college", "full_time": False}
TITLE = {"type": "title", "level": "intermediate"}
PAYING = [{"from": "2016-01", "base_multiple": 1.2}]


def test_unanswered_confirmations_count_for_nothing_and_say_what_yes_would_give():
    result = _score(education=NON_FULL_TIME, credentials=[TITLE], insurance=PAYING)
    lines = {ln["id"]: ln for ln in result["lines"]}
    assert lines["education"]["points"] == 0 and lines["credential"]["points"] == 0
    assert "若符合“三地一致”，本项50分" in lines["education"]["explanation"]
    assert "若与所聘岗位相符，本项100分" in lines["credential"]["explanation"]
    asked = {q["path"]: q for q in result["to_confirm"]}
    assert set(asked) == {"education.study_place_consistent", "credentials[0].job_match"}
    assert asked["credentials[0].job_match"]["gain"] == 100
    assert asked["credentials[0].job_match"]["if_yes"]["total"] == result["total"] + 100
    assert "还有2项待你确认" in result["headline"]


def test_answers_given_are_used_and_nothing_is_left_to_confirm():
    yes = _score(education={**NON_FULL_TIME, "study_place_consistent": True},
                 credentials=[{**TITLE, "job_match": True}], insurance=PAYING)
    no = _score(education={**NON_FULL_TIME, "study_place_consistent": False},
                credentials=[{**TITLE, "job_match": False}], insurance=PAYING)
    assert yes["to_confirm"] == [] == no["to_confirm"]
    assert yes["total"] == no["total"] + 100  # the title beats the 大专 (50 vs 100)
    assert "不符合学习地" in no["lines"][1]["explanation"]
    assert "待你确认" not in yes["headline"]


def test_registration_and_verification_are_asked_only_where_they_apply():
    result = _score(credentials=[
        {"type": "qualification", "name": "注册会计师", "job_match": True},
        {"type": "skill", "level": 3, "occupation": "电工", "job_match": True,
         "obtained_in_shanghai": False},
        {"type": "skill", "level": 4, "job_match": True},
    ], insurance=PAYING)
    assert [q["path"] for q in result["to_confirm"]] == [
        "credentials[0].registered", "credentials[1].verified_in_shanghai"
    ]


def test_each_certificate_is_asked_about_by_its_own_name():
    result = _score(credentials=[
        {"type": "qualification", "name": "中级会计"},
        {"type": "skill", "level": 3, "occupation": "电工"},
        TITLE,
    ], insurance=PAYING)
    questions = [q["question"] for q in result["to_confirm"]]
    assert questions == [
        "职业资格“中级会计”是否与所聘岗位相符",
        "技能三级（高级工）“电工”是否与所聘岗位相符",
        "中级职称是否与所聘岗位相符",
    ]
    assert all(q in result["headline"] for q in questions)


def test_a_version_1_profile_keeps_the_answers_it_assumed():
    old = {k: v for k, v in BASE.items() if k != "version"}
    result = calculator.score({**old, "education": NON_FULL_TIME, "credentials": [TITLE],
                               "insurance": PAYING})
    assert result["to_confirm"] == []
    assert result["lines"][2]["points"] == 100


def test_whole_numbers_may_carry_their_unit():
    typed = _score(key_area={"area": "lingang", "years": "4年"}, public_service_years="5年",
                   investment={"share": 1, "avg_hukou_employees": "20人"})
    plain = _score(key_area={"area": "lingang", "years": 4}, public_service_years=5,
                   investment={"share": 1, "avg_hukou_employees": 20})
    assert typed["total"] == plain["total"]
    assert "如 3 或 3年" in _problems(public_service_years="五年")["public_service_years"]


@pytest.mark.parametrize(
    ("credential", "words"),
    [({"type": "qualification", "name": "维修电工", "job_match": True},
      "“维修电工”是高技能人才职业、工种目录中的职业“电工”，不是职业资格，请改按技能等级证书填写"),
     ({"type": "skill", "level": 3, "occupation": "CPA", "job_match": True},
      "“CPA”是专业技术类职业资格目录中的“注册会计师”，不是技能等级证书，请改按职业资格填写")],
)
def test_a_name_of_the_other_catalogue_says_which_type_to_choose(credential, words):
    line = _score(credentials=[credential], insurance=PAYING)["lines"][2]
    assert line["points"] == 0 and words in line["explanation"]
    assert "不在" not in line["explanation"]
