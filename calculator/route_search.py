"""The route search: each route built from the person's profile and scanned day by day for
the first day it reaches the standard score, the current course apart from the stretches
another route shows it falls short. Every figure comes from re-scoring with the engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

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
    """The current course and every other route scanned: {id: (scores, day it reaches the
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
    time_reach = found[time_only.id][1]
    until = min(horizon, time_reach) if time_reach else horizon
    for route in others:
        if not route.adds_only:
            found[route.id] = scan(p, route, until)
    return found

