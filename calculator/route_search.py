"""The route search: each route built from the person's profile and scanned day by day for
the first day it reaches the standard score, the current course apart from the stretches
another route shows it falls short; and from that day, the day from which the score holds up
to the horizon. Every figure comes from re-scoring with the engine."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from fractions import Fraction

from .basic import age_line
from .dates import add_years, first_day_of_month, full_years, month_of
from .insurance import insurance_months
from .profile import Profile
from .projection import Scored, change_days
from .routes import (
    Route,
    base_routes,
    credential_routes,
    education_routes,
    key_area_route,
    time_route,
)
from .rules import change_days as rule_days
from .rules import value


@dataclass(frozen=True)
class Person:
    """What every route of one plan is built from."""

    p: Profile
    timeline: Profile  # the profile going on as now (see keep_paying)
    latest: Fraction | None
    base_words: str
    expected: dict

    def routes(self) -> list[Route]:
        p, timeline = self.p, self.timeline
        return [
            time_route(p, timeline, self.base_words),
            *education_routes(p, timeline, self.expected),
            *base_routes(p, timeline, self.latest, {}),
            *credential_routes(p, timeline, self.latest, self.expected, {}),
            *key_area_route(p, timeline),
        ]

    def route(self, route: Route, start: date | None = None, base_from: int | None = None):
        """`route` built again with its change from `start` or its higher base from the month
        `base_from` (the rest as the person gave it)."""
        p, timeline = self.p, self.timeline
        expected = self.expected if start is None else {**self.expected, route.id: start}
        months = {} if base_from is None else {route.id: base_from}
        if route.kind == "education":
            found = education_routes(p, timeline, expected)
        elif route.kind == "base":
            found = base_routes(p, timeline, self.latest, months)
        else:
            found = credential_routes(p, timeline, self.latest, expected, months)
        return next(r for r in found if r.id == route.id)


def route_days(p: Profile, route: Route, start: date, until: date) -> list[date]:
    """`start`, then the days after it up to `until` on which the route's score can change,
    and `until` itself."""
    return [start, *change_days(p, until, (route.starts_on, until), route.grow_years, start)]


def scan(p: Profile, route: Route, until: date, after: date | None = None):
    """The route scored from its start (or from `after`, a day before which it cannot reach
    the standard) up to `until`: (its scores, the day it reaches the standard, that result)."""
    scored = Scored(route.course)
    start = max(route.starts_on, p.as_of, after or p.as_of)
    if start > until:  # takes effect (or could first pass) only after the days looked at
        return scored, None, scored.on(until)
    reach, result = scored.first_pass(route_days(p, route, start, until)[1:], start)
    return scored, reach, result


def _settled(p: Profile, route: Route, horizon: date) -> date:
    """The day after which the route's months paid can no longer lower a line: every window
    a line counts months in has run past the last month paid at a lower base than the month
    before (or not paid after a paid one). From then on a score can only fall on a birthday
    (the age points), the new year (a fresh graduate's bonus) or a day a rule changes."""
    windows = [b["window_months"] for b in value("insurance_base.scale", p.as_of)]
    longest = max(*windows, value("credential.base_test_window", p.as_of),
                  value("eligibility.window_months", p.as_of))
    paid = insurance_months(route.course(horizon)).normal
    first, last = month_of(p.as_of) - longest, month_of(horizon) - 1
    drops = [m for m in range(first + 1, last + 1)
             if (paid.get(m) or 0) < (paid.get(m - 1) or 0)]
    return first_day_of_month(max(drops) + longest + 1) if drops else p.as_of


def lower_age_days(p: Profile, start: date, horizon: date) -> list[date]:
    """The birthdays after `start` up to the horizon on which the age line gives less than
    the day before (the age line alone is cheap to score)."""
    found = []
    for age in range(full_years(p.birth_date, start) + 1, full_years(p.birth_date, horizon) + 1):
        day = add_years(p.birth_date, age)
        before = age_line(replace(p, as_of=day - timedelta(days=1)), [])["points"]
        if age_line(replace(p, as_of=day), [])["points"] < before:
            found.append(day)
    return found


def _first_fall(p: Profile, route: Route, scored: Scored, start: date, horizon: date):
    """The first day after `start` (at the standard) up to the horizon on which the route
    falls short of it, or None when it holds."""
    settled = _settled(p, route, horizon)
    risky = {*rule_days(), *lower_age_days(p, start, horizon)}
    if p.flags["fresh_graduate"]:
        risky.add(date(p.as_of.year + 1, 1, 1))
    for day in route_days(p, route, start, horizon)[1:]:
        if (day <= settled or day in risky) and not scored.on(day)["passes"]:
            return day
    return None


def holding(p: Profile, route: Route, scored: Scored, first: date, horizon: date):
    """From `first`, the first day the route reaches the standard: the day from which it stays
    at the standard up to the horizon (None when it never does), and the first stretch at the
    standard when that stretch does not last, as (its first day, its last day)."""
    start, short = first, None
    while start is not None:
        fall = _first_fall(p, route, scored, start, horizon)
        if fall is None:
            return start, short
        short = short or (start, fall - timedelta(days=1))
        start, _ = scored.first_pass(route_days(p, route, fall, horizon)[1:], fall)
    return None, short


def _stronger_first(routes: list[Route]) -> list[Route]:
    """The routes, each after the one it is weaker than."""
    by_id = {r.id: r for r in routes}
    done: list[Route] = []

    def visit(route: Route) -> None:
        if route in done:
            return
        if route.weaker_than in by_id:
            visit(by_id[route.weaker_than])
        done.append(route)

    for route in routes:
        visit(route)
    return done


def _scan_course(p: Profile, course: Route, horizon: date, short: list[tuple[date, date]]):
    """The current course scanned up to `horizon`, but for the stretches [from, to) on which
    it is known to fall short of the standard: (its scores, the day it reaches the
    standard, that result)."""
    scored = Scored(course.course)
    ends = [end for _, end in short if end <= horizon]
    for day in sorted({*route_days(p, course, p.as_of, horizon), *ends}):
        if not any(start <= day < end for start, end in short) and scored.on(day)["passes"]:
            return scored, day, scored.on(day)
    return scored, None, scored.on(horizon)


def scan_routes(p: Profile, routes: list[Route], horizon: date):
    """The current course and every other route scanned: {id: (scores, first day it reaches the
    standard, that result)}. A route's lower level or base is scanned only from the day the
    higher one reaches the standard. A route that only adds to the current course has at
    least its points from its start, so from its start until it reaches the standard the
    current course falls short too, and is not scanned there."""
    time_only, *others = routes
    found: dict[str, tuple] = {}
    starts = {r.id: r.starts_on for r in routes}
    adding = [r for r in _stronger_first(others) if r.adds_only]
    for route in adding:
        # the stronger route has at least this one's points on every day only when it takes
        # effect no later (a person may expect a higher level later than a lower one)
        bound = starts.get(route.weaker_than, date.max) <= route.starts_on
        stronger = found.get(route.weaker_than) if bound else None
        if stronger is not None and stronger[1] is None:
            found[route.id] = (None, None, None)  # not even the stronger route gets there
            continue
        found[route.id] = scan(p, route, horizon, stronger[1] if stronger else None)
    short = [(r.starts_on, found[r.id][1] or date.max) for r in adding]
    found[time_only.id] = _scan_course(p, time_only, horizon, short)
    course_scored, course_first, _ = found[time_only.id]
    # a route first at the standard after the course holds there is no sooner than the course
    holds = holding(p, time_only, course_scored, course_first, horizon)[0] if course_first else None
    until = min(horizon, holds) if holds else horizon
    for route in others:
        if not route.adds_only:
            found[route.id] = scan(p, route, until)
    return found

