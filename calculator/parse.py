"""Dates, months and amounts of money as people type them, read in one place so that the
command line and the page agree: 1995-03-08, 19950308, 1995年3月8日, 1995/3/8; 2019-07,
201907, 2019年7月; 15000, 15,000, 1.5万, 15000元. Full-width digits and spaces do not matter.
Multiples as 0.8 or 0.8倍. A contribution base also as 最低/下限 and 最高/上限 (that month's
floor and ceiling) or as a percentage of the yardstick (60%), from the yardstick data. A text
that cannot be read raises Unreadable with the reason in plain Chinese."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from fractions import Fraction

from .dates import month_index
from .yardstick import Year, first_month, yardstick_for

_SEP = r"\s*[-./年]\s*"
_DAY = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}})\s*[-./月]\s*(\d{{1,2}})\s*[日号]?$")
_DAY_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}})\s*月?$")
_MONTH_DIGITS = re.compile(r"^(\d{4})(\d{2})$")
_AMOUNT = re.compile(r"^[¥￥]?(\d+(?:\.\d+)?)\s*([万wW千kK]?)\s*(?:元)?\s*(?:/\s*月|每月)?$")
# A comma in an amount only ever groups thousands (15,000); "1,5万" is not 15万.
_GROUPED = re.compile(r"^[¥]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
_MULTIPLE = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)\s*倍?$")
_UNIT = {"": 1, "万": 10000, "w": 10000, "W": 10000, "千": 1000, "k": 1000, "K": 1000}
_EXAMPLE_DAY = "如 1995-03-08、19950308 或 1995年3月8日"
_EXAMPLE_MONTH = "如 2019-07、201907 或 2019年7月"
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)\s*%$")
# What people type for the contribution floor and ceiling, once "按…缴" around it is dropped
FLOOR_WORDS = ("最低", "下限", "最低基数", "基数下限", "缴费下限", "最低档", "保底")
CEILING_WORDS = ("最高", "上限", "最高基数", "基数上限", "缴费上限", "最高档", "封顶")
_AROUND = re.compile(r"^按?(.*?)(?:缴纳|缴费|缴|交)?$")


class Unreadable(ValueError):
    """`reason` says in Chinese what is wrong and what to type instead."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _tidy(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _calendar_day(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise Unreadable(f"没有{month}月，月份应为1至12。")
    try:
        return date(year, month, day)
    except ValueError:
        raise Unreadable(f"{year}年{month}月没有{day}日。") from None


def read_date(text: str) -> date:
    """A calendar day; a text that names only a month asks for the day."""
    tidy = _tidy(text)
    found = _DAY.match(tidy) or _DAY_DIGITS.match(tidy)
    if found:
        return _calendar_day(*(int(g) for g in found.groups()))
    month = _MONTH.match(tidy) or _MONTH_DIGITS.match(tidy)
    if month:
        year, number = (int(g) for g in month.groups())
        if 1 <= number <= 12:
            raise Unreadable(
                f"只填到了月份，这一项要精确到日：请填写{year}年{number}月几日"
                f"（如 {year:04d}-{number:02d}-01）。"
            )
    raise Unreadable(f"“{text.strip()}”不是日期，请按年、月、日填写，{_EXAMPLE_DAY}。")


def read_month(text: str) -> int:
    """A calendar month as a month index (dates.month_index); a full date gives its month."""
    tidy = _tidy(text)
    found = _MONTH.match(tidy) or _MONTH_DIGITS.match(tidy)
    if found:
        year, number = (int(g) for g in found.groups())
        if not 1 <= number <= 12:
            raise Unreadable(f"没有{number}月，月份应为1至12。")
        return month_index(year, number)
    if _DAY.match(tidy) or _DAY_DIGITS.match(tidy):
        day = read_date(tidy)
        return month_index(day.year, day.month)
    raise Unreadable(f"“{text.strip()}”不是月份，请按年、月填写，{_EXAMPLE_MONTH}。")


def read_amount(text: str) -> Fraction:
    """An amount of yuan: 15000, 15,000, 1.5万, 15000元, 1.5w."""
    tidy = re.sub(r"\s", "", _tidy(text))
    if "," in tidy:
        if not _GROUPED.match(tidy):
            raise Unreadable(
                f"“{text.strip()}”中的逗号只能用来分隔千位（如 15,000）；"
                "有小数时请用小数点，如 1.5万。"
            )
        tidy = tidy.replace(",", "")
    found = _AMOUNT.match(tidy)
    if not found:
        raise Unreadable(f"“{text.strip()}”不是金额，请填写数字（元），如 15000、15,000 或 1.5万。")
    number, unit = found.groups()
    return Fraction(number) * _UNIT[unit]


def read_multiple(text: str) -> Fraction:
    """A multiple of the yardstick: 0.8, 1, 2.5倍."""
    found = _MULTIPLE.match(_tidy(text).replace("．", "."))
    if not found:
        raise Unreadable(f"“{text.strip()}”不是倍数，请填写数字，如 0.8、1 或 2.5。")
    return Fraction(found.group(1))


def read_count(text: str, unit: str) -> int:
    """A whole number, perhaps with its unit: 3, 3年, 10人."""
    found = re.fullmatch(rf"(\d+)\s*{re.escape(unit)}?", _tidy(text))
    if not found:
        raise Unreadable(f"“{text.strip()}”不是整数，请填写数字，如 3 或 3{unit}。")
    return int(found.group(1))


def _limit_word(text: str) -> str | None:
    """"floor" or "ceiling" when the text names one (最低, 按下限缴, 上限), else None."""
    bare = _AROUND.match(re.sub(r"\s", "", _tidy(text))).group(1)
    if bare in FLOOR_WORDS:
        return "floor"
    if bare in CEILING_WORDS:
        return "ceiling"
    return None


def _percent(text: str) -> Fraction | None:
    found = _PERCENT.match(re.sub(r"\s", "", _tidy(text)))
    return Fraction(found.group(1)) / 100 if found else None


def _month_words(month: int) -> str:
    year, month0 = divmod(month, 12)
    return f"{year}年{month0 + 1}月"


def _year_of(month: int, text: str) -> Year:
    stick = yardstick_for(month)
    if stick is None:
        raise Unreadable(
            f"“{text.strip()}”要按当月的社平工资换算，但本站只有{_month_words(first_month())}"
            f"起的数据；{_month_words(month)}请直接填写金额或倍数。"
        )
    return stick.year


def follows_yardstick(text: str) -> bool:
    """Whether a typed base names the floor, the ceiling or a percentage of the yardstick:
    such a base follows the yardstick from year to year, whichever field it was typed in."""
    return _limit_word(text) is not None or _percent(text) is not None


def read_base_multiple(text: str, month: int) -> Fraction:
    """A contribution base as a multiple of `month`'s yardstick: 0.8, 0.8倍, 60% (of the
    yardstick), 最低/下限 (that month's floor as a multiple), 最高/上限 (its ceiling)."""
    limit = _limit_word(text)
    if limit is not None:
        year = _year_of(month, text)
        return Fraction(getattr(year, f"{limit}_cny"), year.average_cny)
    share = _percent(text)
    if share is not None:
        return share
    try:
        return read_multiple(text)
    except Unreadable:
        raise Unreadable(
            f"“{text.strip()}”不是缴费基数的倍数：请填写社平工资的倍数，如 0.8、1 或 2.5"
            "（也可以写成 60%）；"
            "按最低或最高基数缴纳的，可以填「最低」或「最高」。"
        ) from None


def read_base_cny(text: str, month: int) -> Fraction:
    """A contribution base in yuan for `month`: 15000, 1.5万, 最低/下限 and 最高/上限 (that
    month's floor and ceiling in yuan), 60% (of that month's yardstick)."""
    limit = _limit_word(text)
    if limit is not None:
        return Fraction(getattr(_year_of(month, text), f"{limit}_cny"))
    share = _percent(text)
    if share is not None:
        return share * _year_of(month, text).average_cny
    try:
        return read_amount(text)
    except Unreadable as error:
        if "逗号" in error.reason:
            raise
        raise Unreadable(
            f"“{text.strip()}”不是缴费基数：请填写每月多少元，如 15000、15,000 或 1.5万；"
            "按最低或最高基数缴纳的，可以填「最低」或「最高」。"
        ) from None
