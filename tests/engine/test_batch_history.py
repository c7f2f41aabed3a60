"""The insurance history in one cell, in the forms people type, scores exactly as the same
periods given in the profile format; the permit periods and children cells; every problem
names the part of the cell."""

from __future__ import annotations

import pytest

import calculator
from calculator.batch import history, results
from calculator.batch.row import read_row

AS_OF = "2026-12-01"
BIRTH = "1990-05-12"


def _scored(cell: str) -> dict:
    name, profile, problems = read_row({"name": "甲", "birth_date": BIRTH, "insurance": cell})
    assert problems == []
    found = results.result(2, name, profile, problems, as_of=AS_OF)
    assert found["problems"] == []
    return calculator.score({**profile, "as_of": AS_OF})


def _expected(periods: list[dict]) -> dict:
    return calculator.score({"version": 2, "as_of": AS_OF, "birth_date": BIRTH,
                             "insurance": periods})


@pytest.mark.parametrize(("cell", "periods"), [
    ("2016-03至2022-06 0.9倍；2022-07起 14000元",
     [{"from": "2016-03", "to": "2022-06", "base_multiple": 0.9},
      {"from": "2022-07", "base_cny": 14000}]),
    ("2016.3-2022.6 0.9; 2022年7月至今 14,000元",
     [{"from": "2016-03", "to": "2022-06", "base_multiple": 0.9},
      {"from": "2022-07", "base_cny": 14000}]),
    ("201603-202206 0.9倍,202207起 1.4万",
     [{"from": "2016-03", "to": "2022-06", "base_multiple": 0.9},
      {"from": "2022-07", "base_cny": 14000}]),
    ("2019-07至2023-06 最低\n2023-07起 60%",
     [{"from": "2019-07", "to": "2023-06", "base_multiple": "最低"},
      {"from": "2023-07", "base_multiple": 0.6}]),
    ("2020-01-01至2023-12-31 按最高缴；2024-01起 基数：15000",
     [{"from": "2020-01", "to": "2023-12", "base_multiple": "最高"},
      {"from": "2024-01", "base_cny": 15000}]),
    ("2015-01至2015-12 补缴 1倍；2016-01起 2倍",
     [{"from": "2015-01", "to": "2015-12", "base_multiple": 1, "back_pay": True},
      {"from": "2016-01", "base_multiple": 2}]),
])
def test_a_history_cell_scores_as_the_same_periods_in_the_profile(cell, periods):
    got, want = _scored(cell), _expected(periods)
    assert got["total"] == want["total"]
    assert [line["explanation"] for line in got["lines"]] == [
        line["explanation"] for line in want["lines"]]


def test_a_thousands_comma_is_not_a_separator_but_other_commas_are():
    periods, problems = history.insurance("2016-03至2022-06 15,000元,2022-07起 1倍")
    assert problems == []
    assert [p.get("base_cny") or p.get("base_multiple") for p in periods] == ["15,000元", "1倍"]


def test_each_bad_part_is_named_with_its_number():
    _, _, problems = read_row({"name": "乙", "birth_date": BIRTH,
                               "insurance": "2016-03至2022-06 0.9倍；去年起 1倍；2023-01起"})
    assert problems == [
        "社保缴费记录：第2段“去年起 1倍”看不出起止月份：请写成「2016-03至2022-06 0.9倍」"
        "或「2022-07起 14000元」。",
        "社保缴费记录：第3段“2023-01起”没有写缴费基数：请在月份后写社平工资的倍数（如 0.9倍）"
        "或每月多少元（如 14000元），也可以写「最低」或「最高」。",
    ]


def test_the_engines_problems_name_the_column_and_the_part():
    name, profile, problems = read_row({
        "name": "丙", "birth_date": BIRTH,
        "insurance": "2016-03至2022-06 0.9倍；2020-01至2020-13 1倍；2023-01起 很多元"})
    found = results.result(2, name, profile, problems, as_of=AS_OF)
    assert found["total"] is None
    assert found["problems"][0] == "社保缴费记录第2段：没有13月，月份应为1至12。"
    assert found["problems"][1].startswith("社保缴费记录第3段：“很多元”不是缴费基数")


def test_overlapping_parts_are_named():
    name, profile, problems = read_row({"name": "丁", "birth_date": BIRTH,
                                        "insurance": "2016-03起 1倍；2020-01至2020-05 1倍"})
    found = results.result(2, name, profile, problems, as_of=AS_OF)
    assert found["problems"] == [
        "社保缴费记录第2段：与第1段缴费时间重叠（2020-01），同一月份只能填写一次。"]


def test_permit_periods_and_children_cells():
    assert history.permits("2016-03至2018-05；2019年1月起") == (
        [{"from": "2016-03", "to": "2018-05"}, {"from": "2019年1月"}], [])
    assert history.permits("2016-03至2018-05 1倍")[1] == [
        "第1段“2016-03至2018-05 1倍”看不出起止月份：请写成「2016-03至2020-05」或「2021-01至今」。"]
    assert history.children("2009-03-02（非普高）、2012-05-01") == (
        [{"birth_date": "2009-03-02", "general_high_school": False},
         {"birth_date": "2012-05-01"}], [])


def test_a_childs_bad_birth_date_names_the_child():
    name, profile, problems = read_row({"name": "戊", "birth_date": BIRTH,
                                        "insurance": "2016-03起 1倍", "permit": "2016-03至今",
                                        "children": "2012-05-01；2012-02-30"})
    found = results.result(2, name, profile, problems, as_of=AS_OF)
    assert found["problems"] == ["子女出生日期第2个孩子：2012年2月没有30日。"]


def test_a_base_after_a_comma_belongs_to_the_months_before_it():
    assert history.insurance("2016-03至2022-06，0.9倍；2022-07起，基数14000元") == ([
        {"from": "2016-03", "to": "2022-06", "base_multiple": "0.9倍"},
        {"from": "2022-07", "base_cny": "14000元"}], [])
