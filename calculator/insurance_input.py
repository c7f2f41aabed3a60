"""The profile's insurance periods read and checked: each period's months and base, no month
given twice, and a base in yuan only where a yardstick converts it."""

from __future__ import annotations

import itertools
from datetime import date

from . import rules, vocabulary
from .dates import month_label, month_of
from .errors import Problems
from .field_reader import Reader, object_at
from .parse import Unreadable, follows_yardstick, read_base_cny, read_base_multiple, read_month
from .profile_format import PERIOD_KEYS
from .profile_types import Period
from .yardstick import ceiling_multiple, first_month, newest


def read_period(problems: Problems, raw, path: str) -> Period | None:
    data = object_at(problems, raw, path)
    if data is None:
        return None
    r = Reader(problems, data, path, PERIOD_KEYS)
    months = []
    for key, required in (("from", True), ("to", False)):
        text = r.get(key, "string", None, required=required)
        month = None
        if text is not None:
            try:
                month = read_month(text)
            except Unreadable as error:
                problems.add(r.at(key), error.reason, f"'{text}' is not a month YYYY-MM")
        months.append(month)
    start, end = months
    if start is not None and end is not None and end < start:
        problems.add(r.at("to"), "结束月份早于开始月份：请填开始月份当月或以后的月份，"
                     "仍在缴纳请留空。", "'to' is before 'from'")
        return None
    has_multiple, has_cny = data.get("base_multiple") is not None, data.get("base_cny") is not None
    # At the field that must change: the yuan field when both are filled, else the multiple.
    if has_multiple and has_cny:
        problems.add(r.at("base_cny"), "缴费基数只填一项：已填了社平工资的倍数，请清空这里的元数"
                     "（或清空倍数，只留元数）。", "give only one of base_multiple and base_cny")
    elif not has_multiple and not has_cny:
        problems.add(r.at("base_multiple"), "请填写这段的缴费基数：社平工资的倍数（如 1 或 0.8），"
                     "或在下一项填每月多少元（如 15000）。", "give base_multiple or base_cny")
    multiple = cny = None
    # 最低/最高 and percentages read with the yardstick of the period's first month (the first
    # year with figures for a period starting before them); typed in either field, they follow
    # the yardstick from year to year, so they are kept as a multiple
    month = max(start, first_month()) if start is not None else newest().start
    as_multiple = has_multiple or (
        isinstance(data.get("base_cny"), str) and follows_yardstick(data["base_cny"])
    )
    if as_multiple and has_multiple != has_cny:
        key = "base_multiple" if has_multiple else "base_cny"
        multiple = r.amount(key, low=0, high=ceiling_multiple(), default=-1,
                            read=lambda text: read_base_multiple(text, month))
        if multiple == 0:
            problems.add(r.at(key), "缴费基数倍数应大于0。", "must be greater than 0")
    elif has_cny and not has_multiple:
        cny = r.amount("base_cny", low=0, high=vocabulary.limit("base_cny_max"), default=-1,
                       read=lambda text: read_base_cny(text, month))
        if cny == 0:
            problems.add(r.at("base_cny"), "缴费基数应大于0元。", "must be greater than 0")
    back_pay = r.get("back_pay", "boolean", False)
    employer_matches = r.get("employer_matches", "boolean", True)
    base_matches_tax = r.get("base_matches_tax", "boolean", True)
    if start is None or (multiple is None and cny is None) or (multiple or cny or 0) <= 0:
        return None
    return Period(start, end, multiple, cny, back_pay, employer_matches, base_matches_tax)


def check_overlaps(problems: Problems, periods: list[tuple[int, Period]], last: int) -> None:
    spans = sorted((p.start, p.end if p.end is not None else last, i) for i, p in periods)
    for (_s1, e1, i1), (s2, _e2, i2) in itertools.pairwise(spans):
        if s2 <= e1:
            problems.add(
                f"insurance[{i2}]",
                f"与第{i1 + 1}段缴费时间重叠（{month_label(s2)}），同一月份只能填写一次。",
                f"overlaps insurance[{i1}] in {month_label(s2)}",
            )


def check_yardsticks(problems: Problems, periods, as_of: date) -> None:
    """A base in yuan needs a yardstick in every month a line compares it in. Months before
    the first row of yardsticks.toml have none; months after the newest row are estimated
    with it (D24) and need nothing."""
    horizon = max(
        *(b["window_months"] for b in rules.value("insurance_base.scale", as_of)),
        rules.value("credential.base_test_window", as_of),
    )
    first, last = month_of(as_of) - horizon, month_of(as_of) - 1
    known = first_month()
    for i, p in periods:
        if p.base_cny is None or p.back_pay or not (p.employer_matches and p.base_matches_tax):
            continue
        until = min(p.end if p.end is not None else last, last)
        start, end = max(p.start, first), min(until, known - 1)
        if start > end:
            continue
        span = month_label(start) if start == end else f"{month_label(start)}至{month_label(end)}"
        split = f"，或把{month_label(known)}及以后另填一段按元填写" if until >= known else ""
        problems.add(
            f"insurance[{i}].base_cny",
            f"{span}早于本站最早的社平工资数据（{month_label(known)}起），无法把元换算成倍数。"
            f"请改填缴费基数是社平工资的几倍{split}。",
            f"no yardstick before {month_label(known)} ({span.replace('至', '..')}); "
            "give base_multiple for these months",
        )

