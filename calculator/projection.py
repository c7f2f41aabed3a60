"""A person's profile as it would stand on later days, re-scored by the engine: the days on
which a score can change, the first day the standard score is reached, and month-by-month
totals for a chart. Nothing here adds points up on its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from .dates import add_years, first_day_of_month, full_years, month_of
from .engine import score_profile
from .profile import Profile
from .rules import change_days as rule_days
from .rules import value

# A route: the profile as it would stand on a given later day.
Course = Callable[[date], Profile]


def grown(p: Profile, day: date, grow_years: bool = False) -> Profile:
    """`p` on the later `day`: the date moves on, a fresh graduate's bonus lapses after the
    year of graduation and, when asked, years in a key area grow with time."""
    changes: dict = {"as_of": day}
    if day.year > p.as_of.year and p.flags["fresh_graduate"]:
        changes["flags"] = {**p.flags, "fresh_graduate": False}
    if grow_years and p.key_area is not None:
        area, years = p.key_area
        changes["key_area"] = (area, years + full_years(p.as_of, day))
    return replace(p, **changes)


def change_days(p: Profile, until: date, extra: tuple[date, ...] = (),
                grow_years: bool = False, since: date | None = None) -> list[date]:
    """Days after `since` (default: `as_of`) up to `until` on which a score can change: month
    starts, birthdays, the anniversaries of the marriage (and, with `grow_years`, of the
    evaluation day, for the years in a key area), the day after a deduction leaves its
    window, the days a rule changes, and `extra` (the day a route's change takes effect)."""
    since = max(since or p.as_of, p.as_of)
    days = {first_day_of_month(m) for m in range(month_of(since) + 1, month_of(until) + 1)}
    yearly = [p.birth_date, *([p.married_on] if p.married_on else []),
              *([p.as_of] if grow_years else [])]
    for year in range(since.year, until.year + 1):
        # 29 February falls on the 28th here and counts from 1 March: a month start anyway
        days.update(add_years(day, year - day.year) for day in yearly)
    for field, kind in (("false_materials", "false_materials"), ("detentions", "detention"),
                        ("crimes", "crime")):
        for event in p.events[field]:
            days.add(add_years(event, value(f"deduction.{kind}_years", p.as_of)))
    days.update(rule_days())
    days.update(extra)
    return sorted(d for d in days if since < d <= until)


class Scored:
    """One route's results by day, each scored once however often it is asked for."""

    def __init__(self, course: Course):
        self.course = course
        self._results: dict[date, dict] = {}

    def on(self, day: date) -> dict:
        if day not in self._results:
            self._results[day] = score_profile(self.course(day), full=False)
        return self._results[day]

    def first_pass(self, days: list[date], start: date) -> tuple[date | None, dict]:
        """The first of `start` and `days` on which the standard is reached, with that result;
        otherwise None and the result on the last day."""
        result = self.on(start)
        if result["passes"]:
            return start, result
        for day in days:
            result = self.on(day)
            if result["passes"]:
                return day, result
        return None, result

    def passing_spans(self, starts: list[date], until: date):
        """`starts`: a first day, then the days after it up to `until` on which the score can
        change (it holds from each to the next). Each stretch on which the standard is
        reached, the latest first: (its first day, its last day, the day after it or None
        when it lasts to `until`)."""
        for i in range(len(starts) - 1, -1, -1):
            if self.on(starts[i])["passes"]:
                after = starts[i + 1] if i + 1 < len(starts) else None
                yield starts[i], (after - timedelta(days=1)) if after else until, after

    def monthly(self, dates: list[date]) -> list[int]:
        return [self.on(day)["total"] for day in dates]


def chart_dates(as_of: date, until: date) -> list[date]:
    """The evaluation day, then the first day of every month up to `until`."""
    months = range(month_of(as_of) + 1, month_of(until) + 1)
    return [as_of, *(first_day_of_month(m) for m in months)]
