"""Bases in yuan month by month against the rows of yardsticks.toml, the estimate after the
newest row (D24), the months that do not count (D26), and the wording of input errors (that
no message names an internal key: test_user_texts.py)."""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest
from engine_helpers import lines_by_id

import calculator
from calculator import rules
from calculator.dates import first_day_of_month, month_label, parse_month
from calculator.yardstick import first_month, newest, yardstick_for, years

BIRTH = "1990-05-01"
ROWS = rules.yardsticks()


def _score(as_of: str, insurance: list, **more) -> dict:
    return calculator.score({"as_of": as_of, "birth_date": BIRTH, "insurance": insurance, **more})


def _problems(profile: dict) -> list[dict]:
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score(profile)
    return caught.value.problems


def _base_test_count(result: dict) -> int:
    """Months the credential's 1x base test found ("…有N个月基数不低于社平工资1倍")."""
    text = lines_by_id(result)["credential"]["explanation"]
    return int(re.search(r"有(\d+)个月基数不低于社平工资1倍", text).group(1))


def test_the_rows_cover_every_month_from_the_first_without_a_gap():
    assert month_label(first_month()) == ROWS[0]["from"] == "2018-04"
    covered = [m for y in years() for m in range(y.start, y.end + 1)]
    assert covered == list(range(first_month(), newest().end + 1))
    # contribution years are whatever the rows say: April–March, a short 2019 year, July–June
    assert [(r["from"], r["to"]) for r in ROWS[:4]] == [
        ("2018-04", "2019-03"),
        ("2019-04", "2019-10"),
        ("2019-11", "2020-06"),
        ("2020-07", "2021-06"),
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [pytest.param(a, b, id=f"{a['to']}|{b['from']}") for a, b in itertools.pairwise(ROWS)],
)
def test_both_sides_of_every_row_boundary(before, after):
    last, first = parse_month(before["to"]), parse_month(after["from"])
    assert first == last + 1
    assert yardstick_for(last).year.average_cny == before["average_cny"]
    assert yardstick_for(first).year.average_cny == after["average_cny"]
    assert not yardstick_for(last).estimated and not yardstick_for(first).estimated
    # first and last month of each year, end to end: the base test of a 中级 title counts
    # both months at the later year's average, only the earlier one at the earlier average
    as_of = first_day_of_month(first + 1).isoformat()
    title = [{"type": "title", "level": "intermediate"}]
    for base, counted in ((before["average_cny"], 1), (after["average_cny"], 2)):
        insurance = [
            {"from": before["to"], "to": before["to"], "base_cny": base},
            {"from": after["from"], "to": after["from"], "base_cny": base},
        ]
        result = _score(as_of, insurance, credentials=title)
        assert _base_test_count(result) == counted, lines_by_id(result)["credential"]
        assert not result["warnings"]


@pytest.mark.parametrize("row", ROWS, ids=[r["from"] for r in ROWS])
def test_first_and_last_month_of_each_row_convert_with_that_row(row):
    for month in (row["from"], row["to"]):
        stick = yardstick_for(parse_month(month))
        assert (stick.year.average_cny, stick.year.ceiling_cny, stick.year.floor_cny) == (
            row["average_cny"],
            row["ceiling_cny"],
            row["floor_cny"],
        )


def test_after_the_newest_row_the_newest_figures_stand_in():
    top = ROWS[-1]
    end = parse_month(top["to"])
    assert not yardstick_for(end).estimated
    for month in (end + 1, end + 2, end + 120):
        stick = yardstick_for(month)
        assert stick.estimated and stick.year.average_cny == top["average_cny"]
    assert yardstick_for(first_month() - 1) is None


def test_newest_boundary_end_to_end():
    # 2027-06 is published, 2027-07 estimated with the same figure: both count at 1x
    result = _score(
        "2027-08-01",
        [{"from": "2027-06", "to": "2027-07", "base_cny": ROWS[-1]["average_cny"]}],
        credentials=[{"type": "title", "level": "intermediate"}],
    )
    assert _base_test_count(result) == 2
    credential = lines_by_id(result)["credential"]["explanation"]
    assert "2027-07按2026年7月起的社平工资12,577元估算" in credential
    assert "2027-06按" not in credential
    assert [w["code"] for w in result["warnings"]] == ["yardstick_estimated"]


def test_estimated_months_are_named_in_the_lines_and_the_warning():
    result = _score("2027-09-15", [{"from": "2019-07", "base_cny": 15000}])
    assert "error" not in result
    lines = lines_by_id(result)
    assert (
        "2027-07至2027-08按2026年7月起的社平工资12,577元估算"
        in (lines["insurance_base"]["explanation"])
    )
    (warning,) = [w for w in result["warnings"] if w["code"] == "yardstick_estimated"]
    for words in ("2027年7月起", "2027-07至2027-08", "12,577元", "7至9月公布", "追溯到7月1日"):
        assert words in warning["text"]


def test_no_estimate_warning_when_no_estimated_month_is_compared():
    published = _score("2026-11-28", [{"from": "2019-07", "base_cny": 15000}])
    assert not published["warnings"]
    as_multiple = _score("2027-09-15", [{"from": "2019-07", "base_multiple": 1.2}])
    assert not as_multiple["warnings"]
    assert "估算" not in lines_by_id(as_multiple)["insurance_base"]["explanation"]
    earlier_in_yuan = _score(
        "2027-09-15",
        [
            {"from": "2019-07", "to": "2027-06", "base_cny": 15000},
            {"from": "2027-07", "base_multiple": 1.2},
        ],
    )
    assert not earlier_in_yuan["warnings"]


def test_the_result_says_how_far_the_figures_are_published():
    result = _score("2026-11-28", [])
    assert result["yardstick"] == {
        "published_through": ROWS[-1]["to"],
        "newest_year": ROWS[-1]["from"],
        "newest_average_cny": ROWS[-1]["average_cny"],
        "published_on": ROWS[-1]["published"],
    }
    assert result["yardstick"]["published_through"] == "2027-06"


def test_a_base_at_the_ceiling_is_3x_and_the_line_says_so():
    result = _score("2025-07-01", [{"from": "2024-07", "to": "2025-06", "base_cny": 40000}])
    text = lines_by_id(result)["insurance_base"]["explanation"]
    assert "2024-07至2025-06的基数不低于当年缴费上限36,921元，按上限（3倍）计" in text
    assert "3倍的12个月" in text


def test_a_base_below_the_floor_is_noted_not_rejected():
    result = _score("2025-07-01", [{"from": "2024-07", "to": "2025-06", "base_cny": 7000}])
    text = lines_by_id(result)["insurance_base"]["explanation"]
    assert "2024-07至2025-06的基数低于当年缴费下限7,384元，请核对" in text
    at_floor = _score("2025-07-01", [{"from": "2024-07", "to": "2025-06", "base_cny": 7384}])
    assert "下限" not in lines_by_id(at_floor)["insurance_base"]["explanation"]


def test_before_the_first_row_the_error_names_the_month_and_what_to_type():
    problems = _problems(
        {
            "as_of": "2019-01-15",
            "birth_date": BIRTH,
            "insurance": [
                {"from": "2018-03", "to": "2018-03", "base_cny": 7132},
                {"from": "2018-04", "to": "2018-12", "base_cny": 7132},
            ],
        }
    )
    assert [p["path"] for p in problems] == ["insurance[0].base_cny"]
    zh = problems[0]["zh"]
    assert "2018-03" in zh and "请改填缴费基数是社平工资的几倍" in zh
    assert "2018-04" in zh  # where the figures start
    assert not re.search(r"[a-z]", zh)


def test_a_period_running_into_the_rows_is_told_to_split():
    problems = _problems(
        {
            "as_of": "2019-06-15",
            "birth_date": BIRTH,
            "insurance": [{"from": "2017-01", "base_cny": 8000}],
        }
    )
    (problem,) = problems
    assert problem["path"] == "insurance[0].base_cny"
    assert "2017-01至2018-03" in problem["zh"]  # the months inside the 48-month window
    assert "2018-04及以后另填一段" in problem["zh"]


def test_excluded_months_are_stated_with_their_reason():
    result = _score(
        "2026-11-22",
        [
            {"from": "2020-11", "to": "2022-10", "base_multiple": 1, "back_pay": True},
            {"from": "2022-11", "to": "2023-02", "base_multiple": 1, "employer_matches": False},
            {"from": "2023-03", "to": "2023-04", "base_multiple": 1, "base_matches_tax": False},
            {
                "from": "2023-05",
                "to": "2023-05",
                "base_multiple": 1,
                "employer_matches": False,
                "base_matches_tax": False,
            },
            {"from": "2023-06", "to": "2026-10", "base_multiple": 1},
        ],
    )
    lines = lines_by_id(result)
    for line in ("insurance_years", "insurance_base"):
        text = lines[line]["explanation"]
        assert (
            "另有4个月不计（缴费单位与劳动合同单位不一致），"
            "2个月不计（缴费基数与个税申报收入不符），"
            "1个月不计（缴费单位与劳动合同单位不一致，且缴费基数与个税申报收入不符）"
        ) in text, text
    assert "41个月" in lines["insurance_years"]["explanation"]
    assert "另有补缴24个月" in lines["insurance_years"]["explanation"]


def test_excluded_months_default_to_counting():
    plain = {"from": "2022-11", "to": "2026-10", "base_multiple": 1}
    flagged = {**plain, "employer_matches": True, "base_matches_tax": True}
    assert _score("2026-11-22", [plain])["lines"] == _score("2026-11-22", [flagged])["lines"]


def test_base_test_and_eligibility_leave_excluded_months_out():
    result = _score(
        "2026-11-22",
        [
            {"from": "2025-11", "to": "2026-05", "base_multiple": 1, "base_matches_tax": False},
            {"from": "2026-06", "to": "2026-10", "base_multiple": 1},
        ],
        credentials=[{"type": "title", "level": "intermediate"}],
    )
    assert _base_test_count(result) == 5
    assert result["eligibility"]["months"] == 5 and not result["eligible"]
    # both say which months they left out and why
    note = "另有7个月不计（缴费基数与个税申报收入不符）"
    assert f"（须6个月），{note}，暂不符合申请条件。" in result["eligibility"]["explanation"]
    credential = lines_by_id(result)["credential"]["explanation"]
    assert f"有5个月基数不低于社平工资1倍（须6个月），{note}，未达到，计0分。" in credential


def test_excluded_months_are_noted_only_within_the_window_they_matter_in():
    title = [{"type": "title", "level": "intermediate"}]
    inside = _score(
        "2026-11-22",
        [
            {"from": "2025-11", "to": "2025-12", "base_multiple": 1, "employer_matches": False},
            {"from": "2026-01", "to": "2026-10", "base_multiple": 1},
        ],
        credentials=title,
    )
    note = "另有2个月不计（缴费单位与劳动合同单位不一致）"
    assert f"（须6个月），{note}，符合申请条件。" in inside["eligibility"]["explanation"]
    assert f"（须6个月），{note} → 100分。" in lines_by_id(inside)["credential"]["explanation"]
    # months excluded before the 12-month windows: the years line says so, these do not
    before = _score(
        "2026-11-22",
        [
            {"from": "2024-01", "to": "2024-02", "base_multiple": 1, "employer_matches": False},
            {"from": "2025-01", "to": "2026-10", "base_multiple": 1},
        ],
        credentials=title,
    )
    assert "不计" not in before["eligibility"]["explanation"]
    assert "不计" not in lines_by_id(before)["credential"]["explanation"]
    assert note in lines_by_id(before)["insurance_years"]["explanation"]


def test_as_of_before_the_first_row_still_scores():
    # nothing in yuan is compared before 2018-04 if the bases are multiples
    result = _score("2018-01-01", [{"from": "2016-01", "base_multiple": 1}])
    assert result["yardstick"]["published_through"] == "2027-06"
    assert date.fromisoformat(result["as_of"]) == date(2018, 1, 1)
