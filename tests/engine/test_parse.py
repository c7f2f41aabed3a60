"""Dates, months and amounts as people type them (calculator.parse), both ways: every form
people use reads to the same value, and every unreadable text gets a reason in words."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from calculator.dates import month_index
from calculator.parse import Unreadable, read_amount, read_date, read_month


@pytest.mark.parametrize(
    "text",
    ["1995-03-08", "19950308", "1995年3月8日", "1995/3/8", "1995.3.8", " 1995-3-8 ",
     "1995年03月08号", "１９９５－０３－０８", "1995 年 3 月 8 日"],
)
def test_every_usual_form_of_a_day(text):
    assert read_date(text) == date(1995, 3, 8)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2015-10", "只填到了月份，这一项要精确到日：请填写2015年10月几日（如 2015-10-01）"),
        ("2015年10月", "请填写2015年10月几日"),
        ("1995-0", "“1995-0”不是日期"),
        ("1995-02-30", "1995年2月没有30日"),
        ("1995-13-01", "没有13月"),
        ("昨天", "如 1995-03-08、19950308 或 1995年3月8日"),
        ("", "不是日期"),
    ],
)
def test_an_unreadable_day_says_why_in_words(text, words):
    with pytest.raises(Unreadable) as caught:
        read_date(text)
    assert words in caught.value.reason


@pytest.mark.parametrize(
    "text", ["2019-07", "201907", "2019年7月", "2019/7", "2019.07", "2019-07-15", "２０１９年７月"]
)
def test_every_usual_form_of_a_month(text):
    assert read_month(text) == month_index(2019, 7)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2019", "“2019”不是月份"),
        ("2019-13", "没有13月"),
        ("七月", "如 2019-07、201907 或 2019年7月"),
    ],
)
def test_an_unreadable_month_says_why_in_words(text, words):
    with pytest.raises(Unreadable) as caught:
        read_month(text)
    assert words in caught.value.reason


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
