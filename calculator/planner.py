"""plan(): the earliest date the standard score is reached if only time passes, and
changes that reach it sooner. Every figure comes from re-scoring a changed profile
with the engine itself; nothing here adds points up on its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

from .dates import add_years, first_day_of_month, month_label, month_of
from .engine import score_profile
from .insurance import insurance_months
from .profile import Credential, Period, Profile, read_profile
from .rules import value

HORIZON_YEARS = 15


def _latest_multiple(p: Profile) -> Fraction | None:
    """The base of the month before `as_of` when the person is paying then."""
    months = insurance_months(p)
    last = month_of(p.as_of) - 1
    return months.normal.get(last) if last in months.normal else None


def _continue_insurance(p: Profile, multiple: Fraction | None) -> Profile:
    """Close the periods at the month before `as_of` and, if `multiple` is given,
    keep paying from the month of `as_of` on at that multiple."""
    last = month_of(p.as_of) - 1
    periods = []
    for period in p.insurance:
        if period.start > last:
            continue
        end = period.end if period.end is not None and period.end <= last else last
        periods.append(replace(period, end=end))
    if multiple is not None:
        periods.append(Period(last + 1, None, multiple, None, False))
    return replace(p, insurance=tuple(periods))


def _at(p: Profile, day: date, grow_years: bool) -> Profile:
    """The profile as it would stand on `day` (a later date)."""
    changes = {"as_of": day}
    if day.year > p.as_of.year and p.flags["fresh_graduate"]:
        changes["flags"] = {**p.flags, "fresh_graduate": False}
    if grow_years and p.key_area is not None:
        area, years = p.key_area
        changes["key_area"] = (area, years + _full_years_between(p.as_of, day))
    return replace(p, **changes)


def _full_years_between(start: date, end: date) -> int:
    years = end.year - start.year
    return years - 1 if (end.month, end.day) < (start.month, start.day) else years


def _candidate_days(p: Profile) -> list[date]:
    """Days on which the score can change: each month start, marriage anniversaries,
    the day after a deduction leaves its window, the as_of anniversaries."""
    end = add_years(p.as_of, HORIZON_YEARS)
    days = {first_day_of_month(m) for m in range(month_of(p.as_of) + 1, month_of(end) + 1)}
    for year in range(HORIZON_YEARS + 1):
        days.add(add_years(p.as_of, year))
        if p.married_on is not None:
            days.add(add_years(p.married_on, p.as_of.year - p.married_on.year + year))
    for field, kind in (
        ("false_materials", "false_materials"),
        ("detentions", "detention"),
        ("crimes", "crime"),
    ):
        for event in p.events[field]:
            for years in range(0, HORIZON_YEARS + 1):
                days.add(add_years(event, years))
            days.add(add_years(event, value(f"deduction.{kind}_years", p.as_of)))
    return sorted(d for d in days if p.as_of < d <= end)


def _first_pass(p: Profile, grow_years: bool = False) -> tuple[date | None, dict]:
    """Earliest day (from `as_of` on) the changed profile passes; with the result then."""
    result = score_profile(p)
    if result["passes"]:
        return p.as_of, result
    for day in _candidate_days(p):
        later = score_profile(_at(p, day, grow_years))
        if later["passes"]:
            return day, later
    return None, result


def _suggestion(sid, title, assumption, p: Profile, grow_years=False) -> dict:
    day, result = _first_pass(p, grow_years)
    return {
        "id": sid,
        "title": title,
        "assumption": assumption,
        "reaches_standard_on": day.isoformat() if day else None,
        "total": result["total"],
        "total_on": result["as_of"],
    }


def plan_profile(p: Profile) -> dict:
    current = score_profile(p)
    standard = current["standard"]
    latest = _latest_multiple(p)
    base_text = (
        f"按最近一个月的基数（社平工资的{float(latest):.2f}倍）继续缴纳社保"
        if latest is not None
        else "评估月前一个月没有正常缴费，假设之后也不缴纳"
    )
    timeline = _continue_insurance(p, latest)
    time_only = _suggestion(
        "time_only",
        "只是时间推移",
        f"年龄、婚龄随时间增长，{base_text}，其他情况不变（应届生加分只在当年有效）。",
        timeline,
    )

    suggestions = (
        [] if current["passes"] or current["vetoed"] else _suggestions(p, current, latest, timeline)
    )
    return {
        "as_of": p.as_of.isoformat(),
        "standard": standard,
        "current": {
            "total": current["total"],
            "passes": current["passes"],
            "eligible": current["eligible"],
            "vetoed": current["vetoed"],
        },
        "time_only": time_only,
        "suggestions": suggestions,
        "horizon": add_years(p.as_of, HORIZON_YEARS).isoformat(),
        "summary": _summary(current, time_only, suggestions, standard),
    }


def _base_multiples(day: date) -> list[Fraction]:
    """The multiples of the yardstick worth suggesting: the base scale's brackets from 1× up."""
    brackets = value("insurance_base.scale", day)
    return [Fraction(str(b["multiple"])) for b in brackets if b["multiple"] >= 1]


def _suggestions(p: Profile, current: dict, latest, timeline: Profile) -> list[dict]:
    """Changes that may reach the standard sooner, each re-scored over time."""
    suggestions = []
    lines = {ln["id"]: ln for ln in current["lines"]}
    if lines["credential"]["raw_points"] < value("credential.title_intermediate", p.as_of):
        multiple = max(latest or Fraction(0), Fraction(1))
        changed = _continue_insurance(p, multiple)
        changed = replace(
            changed, credentials=(*p.credentials, Credential("title", "intermediate"))
        )
        suggestions.append(
            _suggestion(
                "intermediate_credential",
                "取得与岗位相符的中级职称或职业资格",
                f"从{p.as_of.isoformat()}起持有与所聘岗位相符的中级职称（或目录内的职业资格），"
                f"并从{month_label(month_of(p.as_of))}起按社平工资{float(multiple):.2f}倍缴费"
                "（中级证书要求最近12个月中至少6个月基数不低于1倍）。",
                changed,
            )
        )
    for tier in _base_multiples(p.as_of):
        if latest is not None and latest >= tier:
            continue
        changed = _continue_insurance(p, tier)
        suggestions.append(
            _suggestion(
                f"base_{tier}",
                f"把缴费基数提高到社平工资的{tier}倍",
                f"从{month_label(month_of(p.as_of))}起按社平工资{tier}倍缴纳社保"
                + ("（即缴费上限）" if tier == 3 else "")
                + "，其他情况同“只是时间推移”。",
                changed,
            )
        )
    if p.key_area is not None:
        suggestions.append(
            _suggestion(
                "key_area_years",
                "继续在远郊重点区域工作并居住",
                "继续在同一区域工作并居住，年限每年加1，其他情况同“只是时间推移”。",
                timeline,
                grow_years=True,
            )
        )
    suggestions.sort(
        key=lambda s: (
            s["reaches_standard_on"] is None,
            s["reaches_standard_on"] or "",
            -s["total"],
        )
    )
    return suggestions


def _summary(current, time_only, suggestions, standard) -> str:
    if current["vetoed"]:
        return "存在一票否决情形，无法通过时间或其他变化达到标准分值。"
    if current["passes"]:
        return f"按评估日的情况已达到{standard}分标准分值（{current['total']}分）。"
    when = time_only["reaches_standard_on"]
    text = f"现在{current['total']}分。只是时间推移的话，" + (
        f"预计{when}达到{standard}分。" if when else f"{HORIZON_YEARS}年内达不到{standard}分。"
    )
    faster = [
        s
        for s in suggestions
        if s["reaches_standard_on"] and (when is None or s["reaches_standard_on"] < when)
    ]
    if faster:
        text += f"最快的办法：{faster[0]['title']}，预计{faster[0]['reaches_standard_on']}达到。"
    return text


def plan(profile: dict) -> dict:
    """Plan for a profile (format: docs/profile.md). Raises ValidationError on bad input."""
    return plan_profile(read_profile(profile))
