"""The cells that hold several periods or dates, in the forms people type: the insurance
history 「2016-03至2022-06 0.9倍；2022-07起 14000元」, the permit periods 「2016-03至今」, the
children 「2012-05-01；2009-03-02 普高」 and lists of dates. Each gives the profile's values as
typed (the engine reads the months, dates and bases with calculator.parse) and the problems of
its parts, numbered as the person wrote them."""

from __future__ import annotations

import re
import unicodedata

# Parts are separated by ；; 、 or a new line, and by a comma that does not group thousands
# (15,000元 is one amount).
_PARTS = re.compile(r"[;；、\n\r]+|,(?!\d{3}(?!\d))")
# A month (2016-03, 2016.3, 2016年3月, 201603) or a day (2016-03-01, 2016年3月1日, 20160301).
_MONTH = (r"\d{4}\s*[-./年]\s*\d{1,2}(?!\d)(?:\s*[-./月]\s*\d{1,2}(?!\d)\s*[日号]?|\s*月)?"
          r"|\d{8}(?!\d)|\d{6}(?!\d)")
_TO = r"\s*(?:至|到|~|-|—|–|－)\s*"
_OPEN = r"\s*(?:起|开始|以来|至今|到今|到现在|至现在|迄今)?"
_NOW = r"(?:今|现在|目前|今天|当前)"
_PERIOD = re.compile(
    rf"^(?P<start>{_MONTH})(?:{_TO}(?:(?P<end>{_MONTH})|{_NOW})|{_OPEN})\s*[:：，]?\s*(?P<rest>.*)$"
)
_BACK_PAY = re.compile(r"补缴|补交")
_HIGH_SCHOOL = {"普高": True, "普通高中": True, "非普高": False, "中职": False, "技校": False,
                "职高": False, "非普通高中": False}
# A base in yuan or a multiple: a bare number of at least this is yuan (14000), below it a
# multiple (0.9); the highest multiple, the ceiling, is 3.
_YUAN_FROM = 100


def parts(text: str) -> list[str]:
    tidy = unicodedata.normalize("NFKC", text)
    return [part.strip() for part in _PARTS.split(tidy) if part.strip()]


def _base(rest: str) -> tuple[str, str] | None:
    """("base_cny" | "base_multiple", the base as typed) or None when no base is written."""
    rest = re.sub(r"^(?:缴费)?基数(?:为|是)?\s*[:：]?\s*", "", rest).strip()
    if not rest:
        return None
    if re.search(r"[元万wWkK千¥]", rest):
        return "base_cny", rest
    number = re.fullmatch(r"\d+(?:\.\d+)?", rest.replace(",", ""))
    if number and float(number.group()) >= _YUAN_FROM:
        return "base_cny", rest
    return "base_multiple", rest


def _span(part: str) -> tuple[dict, str] | None:
    found = _PERIOD.match(part)
    if not found:
        return None
    span = {"from": found["start"].strip()}
    if found["end"]:
        span["to"] = found["end"].strip()
    return span, found["rest"].strip()


def _joined(found: list[str]) -> list[str]:
    """A base written after a comma (「2016-03至2022-06，0.9倍」) joined to its months."""
    out = []
    for part in found:
        lone = out and not re.match(_MONTH, part)
        if lone and (spanned := _span(out[-1])) is not None and not spanned[1]:
            out[-1] += " " + part
        else:
            out.append(part)
    return out


def insurance(text: str) -> tuple[list[dict], list[str]]:
    """The insurance periods of a history cell and its problems (「第2段…」)."""
    periods, problems = [], []
    for number, part in enumerate(_joined(parts(text)), 1):
        spanned = _span(part)
        if spanned is None:
            problems.append(
                f"第{number}段“{part[:40]}”看不出起止月份：请写成「2016-03至2022-06 0.9倍」"
                "或「2022-07起 14000元」。"
            )
            continue
        period, rest = spanned
        if _BACK_PAY.search(rest):
            period["back_pay"] = True
            rest = _BACK_PAY.sub("", rest).strip()
        base = _base(rest)
        if base is None:
            problems.append(
                f"第{number}段“{part[:40]}”没有写缴费基数：请在月份后写社平工资的倍数（如 0.9倍）"
                "或每月多少元（如 14000元），也可以写「最低」或「最高」。"
            )
            continue
        period[base[0]] = base[1]
        periods.append(period)
    return periods, problems


def permits(text: str) -> tuple[list[dict], list[str]]:
    """The permit periods of a cell: 「2016-03至2020-05；2021-01至今」."""
    periods, problems = [], []
    for number, part in enumerate(parts(text), 1):
        spanned = _span(part)
        if spanned is None or spanned[1]:
            problems.append(
                f"第{number}段“{part[:40]}”看不出起止月份：请写成「2016-03至2020-05」或「2021-01至今」。"
            )
            continue
        periods.append(spanned[0])
    return periods, problems


def children(text: str) -> tuple[list[dict], list[str]]:
    """Each child's birth date, with 普高 / 非普高 when given: 「2009-03-02 普高」."""
    found, problems = [], []
    for number, part in enumerate(parts(text), 1):
        part = part.strip("()（） ")
        child = {"birth_date": part}
        for word in sorted(_HIGH_SCHOOL, key=len, reverse=True):
            if part.endswith(word):
                child = {"birth_date": part[: -len(word)].strip(" :：（()）"),
                         "general_high_school": _HIGH_SCHOOL[word]}
                break
        if not child["birth_date"]:
            problems.append(f"第{number}个孩子没有写出生日期。")
            continue
        found.append(child)
    return found, problems


def dates(text: str) -> list[str]:
    return parts(text)
