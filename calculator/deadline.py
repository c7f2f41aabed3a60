"""The deadline arithmetic: the last day to apply for a decision by the person's own date, and
for one route whether it makes that date, the latest day its change (or month its higher base)
must start and the last day an application still reaches the standard, in words."""

from __future__ import annotations

from datetime import date, timedelta

from .dates import first_day_of_month, month_label, month_of
from .profile import Profile
from .projection import Scored
from .route_search import Person, route_days, scan
from .routes import Route
from .rules import value

# Routes whose change starts on a day the person expects (a certificate, a title, a degree).
EXPECTABLE = ("skill", "title", "education")


def apply_by(target: date, as_of: date) -> date:
    """The last day to file so that the decision, about N working days after acceptance
    (weekends skipped; public holidays are not known here), comes by `target`."""
    left = value("process.decision_working_days", as_of)
    day = target
    while left:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def _latest_start(person: Person, route: Route, reach: date, deadline: date) -> date | None:
    """The latest day the route's change can take effect and still reach the standard by
    `deadline`: the last day up to it on which the route, changed from today, reaches the
    standard (a change held later only scores less), checked by re-scoring the route held
    from that day; None when even today is too late. From its own start the route is the
    one changed from today, short of the standard until `reach`."""
    p = person.p
    until = deadline if reach <= deadline else min(deadline, route.starts_on - timedelta(days=1))
    if until < p.as_of:
        return None
    now = person.route(route, start=p.as_of)
    for _, day, _ in Scored(now.course).passing_spans(route_days(p, now, p.as_of, until), until):
        if scan(p, person.route(route, start=day), deadline)[1] is not None:
            return day
    return None


def _latest_base_month(person: Person, route: Route, reach: date, deadline: date) -> int | None:
    """For a route that pays a higher base and reaches the standard (on `reach`) by
    `deadline`: the latest month that base can start and the route still make it; None when
    the route makes it without it. A base started later never scores more, so a month is
    late when the next one is and the search ends on a month found in time whose next month
    is found too late, both by re-scoring."""
    p = person.p
    last = month_of(deadline)  # a base paid from the deadline's month counts only after it

    def reaches(month: int, after: date) -> date | None:
        return scan(p, person.route(route, base_from=month), deadline, after)[1]

    good, good_reach, bad = month_of(p.as_of), reach, last
    # the route's day usually moves on by as many months as its base starts later: try that
    # month first, then its neighbour, then halve
    month, first = good + month_of(deadline) - month_of(reach), True
    while True:
        while bad - good > 1:
            month = min(max(month, good + 1), bad - 1)
            # quick: before `month` this route is the one without the higher base, taken to
            # fall short of the standard there (the month found too late is checked below)
            when = reaches(month, max(good_reach, first_day_of_month(month)))
            if when is None:
                bad = month
            else:
                good, good_reach = month, when
            month = month + (1 if when else -1) if first else (good + bad) // 2
            first = False
        # no route with a later base reaches the standard before `good_reach`
        when = reaches(bad, good_reach)
        if when is None:
            return good
        if bad == last:
            return None  # in time even without the higher base
        good, good_reach, bad, month = bad, when, last, (bad + last) // 2


def _fall_words(before: dict, after: dict) -> str:
    """Why the score falls short again on the day after a stretch at the standard."""
    if after["total"] >= after["standard"]:
        return "之后不再符合申请条件（社保缴纳月数不足）"
    if after["standard"] > before["standard"]:
        return f"之后标准分值提高到{after['standard']}分"
    had = {line["id"]: line["points"] for line in before["lines"]}
    fell = [line["label"] for line in after["lines"] if line["points"] < had[line["id"]]]
    return f"之后{'、'.join(fell)}分减少，降到{after['total']}分" if fell else (
        f"之后降到{after['total']}分")


def _window(p: Profile, route: Route, scored: Scored, reach: date, deadline: date):
    """The last day up to `deadline` on which an application reaches the standard (once
    accepted, the score stands), and why a later one would not when that day is earlier."""
    start, day, after = next(scored.passing_spans(route_days(p, route, reach, deadline), deadline))
    return day, _fall_words(scored.on(start), scored.on(after)) if after else None


def deadline_fields(person: Person, route: Route, scored: Scored, reach: date | None,
                     deadline: date, course_makes_it: bool) -> dict:
    """What the route means for the deadline: whether it makes it, the latest day its change
    (or month its higher base) must start, the last day to apply, and all that in words."""
    p = person.p
    meets = reach is not None and reach <= deadline
    until, fall = _window(p, route, scored, reach, deadline) if meets else (None, None)
    # nothing has to start by a deadline already past, or one the current course makes
    asks = not course_makes_it and deadline >= p.as_of
    start = month = None
    words = []
    if asks and route.kind in EXPECTABLE:
        start = _latest_start(person, route, reach, deadline)
        if start is not None:
            words.append(f"{'' if meets else '要赶上，'}最迟须于{start.isoformat()}取得")
        elif not meets:
            words.append("即使现在就取得也来不及")
    if asks and route.base_multiple is not None:
        multiple = f"社平工资{float(route.base_multiple):g}倍"
        month = _latest_base_month(person, route, reach, deadline) if meets else None
        if month is not None and route.kind == "base":
            words.append(f"最迟须从{month_label(month)}起按{multiple}缴费")
        elif month is not None:
            words.append(f"按{multiple}缴费最迟须从{month_label(month)}起"
                         f"（按{route.starts_on.isoformat()}取得计）")
        elif route.kind == "base" and not meets:
            words.append(f"即使从{month_label(month_of(p.as_of))}起就按{multiple}缴费也来不及")
    if meets:
        words.append(f"最迟须于{until.isoformat()}提出申请：{fall}" if fall
                     else f"最迟约在{deadline.isoformat()}前提出申请")
    return {
        "meets_target": meets,
        "latest_start": start.isoformat() if start else None,
        "latest_base_month": month_label(month) if month is not None else None,
        "apply_until": until.isoformat() if until else None,
        "deadline_note": "；".join(words) or None,
    }


def target_facts(target, deadline, course, entries, as_of) -> dict | None:
    if target is None:
        return None
    return {
        "date": target.isoformat(),
        "apply_by": deadline.isoformat(),
        "apply_by_passed": deadline < as_of,
        "processing_working_days": value("process.decision_working_days", as_of),
        "current_course_makes_it": course["meets_target"],
        "routes_that_make_it": [e["id"] for e in entries if e["meets_target"]],
    }

