"""The plan's columns of a batch row without the whole plan: the day the standard is reached and
stays on the current course (with its note when a first stretch does not last), and the
fastest route there. They are what `calculator.plan` gives in `time_only` and `routes[0]`,
found by the same route search, but without the chart, the deadline, and the holding check of
every route that could not come first."""

from __future__ import annotations

from datetime import date

from ..dates import add_years
from ..plan_options import read_options
from ..planner import HORIZON_YEARS, KIND_ORDER, held_entry
from ..profile import Profile
from ..route_reach import out_of_reach
from ..route_search import Person, scan, scan_routes
from ..routes import keep_paying, latest_multiple


def reach(p: Profile, current: dict, raw_plan=None) -> dict:
    """{"reaches_on", "reach_note", "fastest": {"title", "reaches_on"} or None} for `p`, whose
    result is `current` (`calculator.score`'s); `raw_plan` is the profile's `plan` object (the
    days the person expects a credential move the routes). Raises ValidationError as
    calculator.plan does on a bad `plan` object."""
    options = read_options(raw_plan, None)
    horizon = add_years(p.as_of, HORIZON_YEARS)
    latest = latest_multiple(p)
    # the current course's words are not shown in the batch: the routes are built without them
    person = Person(p, keep_paying(p, latest), latest, "", dict(options.expected or {}))
    time_only, *others = person.routes()
    if current["passes"] or current["vetoed"]:
        found = {time_only.id: scan(p, time_only, horizon)}
        others = []
    else:
        found = scan_routes(p, [time_only, *others], horizon)
    scored, first, _ = found[time_only.id]
    course = held_entry(p, time_only, scored, first, horizon, current)
    return {"reaches_on": course["reaches_standard_on"], "reach_note": course["reach_note"],
            "fastest": _fastest(person, others, found, horizon, current,
                                course["reaches_standard_on"])}


def _fastest(person: Person, routes, found: dict, horizon, current: dict, course_on):
    """The plan's first route (planner.plan_profile's order): of the routes holding at the
    standard sooner than the current course, those within reach first (the person has what
    the route asks for first, or gave its date), then the soonest, then by kind and total. A
    route holds from no sooner than the day it first reaches the standard, so the routes are
    taken in that order by that day, and the search stops at the first that cannot come
    before the best so far."""
    p = person.p
    candidates = []
    for index, route in enumerate(routes):
        first = found.get(route.id, (None, None, None))[1]
        if first is not None:
            later = (route.id not in person.expected
                     and out_of_reach(p, route.kind, route.credential_level) is not None)
            candidates.append((later, first.isoformat(), index, route))
    candidates.sort(key=lambda candidate: candidate[:3])
    best = None
    for later, day, index, route in candidates:
        if best is not None and (later, day) > best[0][:2]:
            break
        if course_on is not None and day >= course_on:
            continue
        entry = held_entry(p, route, found[route.id][0], date.fromisoformat(day), horizon,
                           current)
        on = entry["reaches_standard_on"]
        if on is None or (course_on is not None and on >= course_on):
            continue
        key = (later, on, KIND_ORDER.index(route.kind), entry["total"], index)
        if best is None or key < best[0]:
            best = (key, entry)
    if best is None:
        return None
    return {"title": best[1]["title"], "reaches_on": best[1]["reaches_standard_on"]}
