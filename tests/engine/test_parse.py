"""Dates, months and amounts as people type them (calculator.parse), both ways: every form
people use reads to the same value, and every unreadable text gets a reason in words."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from calculator.dates import month_index
from calculator.parse import (
    Unreadable,
    read_amount,
    read_base_cny,
    read_base_multiple,
    read_date,
    read_month,
)
from calculator.yardstick import first_month, yardstick_for
from calculator.yardstick import years as yardstick_years


@pytest.mark.parametrize(
    "text",
    ["1995-03-08", "19950308", "1995年3月8日", "1995/3/8", "1995.3.8", " 1995-3-8 ",
     "1995年03月08号", "１９９５－０３－０８", "1995 年 3 月 8 日"],
)
def test_every_usual_form_of_a_day(text):
    assert read_date(text) == date(1995, 3, 8)


@pytest.mark.parametrize(
    ("read", "text", "words"),
    [
        (read_date, "2015-10",
         "只填到了月份，这一项要精确到日：请填写2015年10月几日（如 2015-10-01）"),
        (read_date, "2015年10月", "请填写2015年10月几日"),
        (read_date, "1995-0", "“1995-0”不是日期"),
        (read_date, "1995-02-30", "1995年2月没有30日"),
        (read_date, "1995-13-01", "没有13月"),
        (read_date, "昨天", "如 1995-03-08、19950308 或 1995年3月8日"),
        (read_date, "", "不是日期"),
        (read_month, "2019", "“2019”不是月份"),
        (read_month, "2019-13", "没有13月"),
        (read_month, "七月", "如 2019-07、201907 或 2019年7月"),
    ],
)
def test_an_unreadable_day_or_month_says_why_in_words(read, text, words):
    with pytest.raises(Unreadable) as caught:
        read(text)
    assert words in caught.value.reason


@pytest.mark.parametrize(
    "text", ["2019-07", "201907", "2019年7月", "2019/7", "2019.07", "2019-07-15", "２０１９年７月"]
)
def test_every_usual_form_of_a_month(text):
    assert read_month(text) == month_index(2019, 7)


@pytest.mark.parametrize(
    ("text", "yuan"),
    [("15000", 15000), ("15,000", 15000), ("15，000", 15000), ("1.5万", 15000), ("15000元", 15000),
     ("1.5w", 15000), ("¥12,434", 12434), ("￥12,434", 12434), ("12434元/月", 12434),
     ("１５０００", 15000),
     ("12434.5", Fraction(24869, 2)), ("8千", 8000)],
)
def test_every_usual_form_of_an_amount(text, yuan):
    assert read_amount(text) == yuan


@pytest.mark.parametrize("text", ["一万五", "15000美元", "-3", "1.5万万", ""])
def test_an_unreadable_amount_says_what_to_type(text):
    with pytest.raises(Unreadable) as caught:
        read_amount(text)
    assert "如 15000、15,000 或 1.5万" in caught.value.reason


@pytest.mark.parametrize("text", ["1,5万", "15,00", "1,5000", ",15000", "15000,"])
def test_a_comma_that_does_not_group_thousands_is_never_dropped(text):
    # "1,5万" read as 1.5万 or as 15万 would both be a guess: ask instead.
    with pytest.raises(Unreadable) as caught:
        read_amount(text)
    assert "逗号只能用来分隔千位" in caught.value.reason


@pytest.mark.parametrize(
    ("text", "yuan"), [("1,500,000", 1500000), ("15,000.5元", Fraction(30001, 2))]
)
def test_grouped_thousands_with_more_groups_or_decimals(text, yuan):
    assert read_amount(text) == yuan


# A contribution base: the yardstick's floor and ceiling in words, and percentages ------------

def _year(month):
    return yardstick_for(month).year


MONTHS = [month_index(2019, 3), month_index(2024, 7), month_index(2026, 1), month_index(2031, 5)]


@pytest.mark.parametrize("month", MONTHS)
@pytest.mark.parametrize("text", ["最低", "下限", "按最低基数缴", "缴费下限", " 最低 ", "最低档"])
def test_floor_words_read_as_that_months_floor(text, month):
    year = _year(month)
    assert read_base_cny(text, month) == year.floor_cny
    assert read_base_multiple(text, month) == Fraction(year.floor_cny, year.average_cny)


@pytest.mark.parametrize("month", MONTHS)
@pytest.mark.parametrize("text", ["最高", "上限", "按上限缴纳", "最高基数", "封顶"])
def test_ceiling_words_read_as_that_months_ceiling(text, month):
    year = _year(month)
    assert read_base_cny(text, month) == year.ceiling_cny
    assert read_base_multiple(text, month) == Fraction(year.ceiling_cny, year.average_cny)


def test_the_floor_follows_the_contribution_year_of_the_month():
    years = [y for y in yardstick_years() if y.floor_cny != yardstick_years()[-1].floor_cny]
    older, newest = years[0], yardstick_years()[-1]
    assert read_base_cny("最低", older.start) == older.floor_cny
    assert read_base_cny("最低", newest.start) == newest.floor_cny != older.floor_cny


@pytest.mark.parametrize(("text", "share"), [("60%", Fraction(3, 5)), ("６０％", Fraction(3, 5)),
                                             ("100 %", 1), ("250%", Fraction(5, 2)),
                                             ("62.5%", Fraction(5, 8))])
def test_a_percentage_is_a_multiple_of_the_yardstick(text, share):
    month = MONTHS[2]
    assert read_base_multiple(text, month) == share
    assert read_base_cny(text, month) == share * _year(month).average_cny


def test_numbers_still_read_as_before():
    assert read_base_multiple("0.8倍", MONTHS[0]) == Fraction(4, 5)
    assert read_base_cny("1.5万", MONTHS[0]) == 15000
    assert read_base_cny("15,000", MONTHS[0]) == 15000


@pytest.mark.parametrize("text", ["最低点", "很低", "%", "百分之六十", ""])
def test_an_unreadable_multiple_says_what_to_type(text):
    with pytest.raises(Unreadable) as caught:
        read_base_multiple(text, MONTHS[0])
    assert "如 0.8、1 或 2.5（也可以写成 60%）" in caught.value.reason
    assert "「最低」或「最高」" in caught.value.reason


@pytest.mark.parametrize("text", ["最低点", "一万五", "%"])
def test_an_unreadable_yuan_base_says_what_to_type(text):
    with pytest.raises(Unreadable) as caught:
        read_base_cny(text, MONTHS[0])
    assert "如 15000、15,000 或 1.5万" in caught.value.reason
    assert "「最低」或「最高」" in caught.value.reason


def test_a_comma_in_a_yuan_base_keeps_its_own_message():
    with pytest.raises(Unreadable) as caught:
        read_base_cny("1,5万", MONTHS[0])
    assert "逗号只能用来分隔千位" in caught.value.reason


@pytest.mark.parametrize(("text", "read"), [("最低", read_base_cny), ("最高", read_base_cny),
                                           ("60%", read_base_cny), ("最低", read_base_multiple),
                                           ("上限", read_base_multiple)])
def test_a_month_without_a_yardstick_asks_for_a_number(text, read):
    before = first_month() - 1
    with pytest.raises(Unreadable) as caught:
        read(text, before)
    assert f"“{text}”要按当月的社平工资换算" in caught.value.reason
    assert "请直接填写金额或倍数" in caught.value.reason


def test_a_percentage_as_a_multiple_needs_no_yardstick():
    assert read_base_multiple("60%", first_month() - 1) == Fraction(3, 5)
