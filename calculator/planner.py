"""plan(): when the standard score is reached if things go on as now, and every route within
the rules that reaches it sooner; against the person's own deadline when they give one; with
the totals month by month for a chart. Every figure comes from re-scoring with the engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from .dates import add_months, add_years, first_day_of_month, month_label, month_of
from .documents import added
from .engine import score_profile
from .errors import Problems
from .parse import Unreadable, read_date
from .profile import Profile, read_profile
from .projection import Scored, change_days, chart_dates
from .routes import (
    Route,
    base_routes,
    credential_routes,
    education_routes,
    keep_paying,
    key_area_route,
    latest_multiple,
    time_route,
)
from .rules import value

HORIZON_YEARS = 15
MAX_COMPARED = 3
KIND_ORDER = ("time", "three_places", "base", "skill", "title", "education", "key_area")
# Routes whose change starts on a day the person expects (a certificate, a title, a degree).
EXPECTABLE = ("skill", "title", "education")


@dataclass(frozen=True)
class Options:
    target: date | None = None  # the day 120 is needed by (e.g. a child's registration)
    expected: dict | None = None  # route id -> the day the person expects to hold it
    compare: tuple[str, ...] = ()  # routes to chart beside the current course


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


@dataclass(frozen=True)
class _Person:
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


def _days(p: Profile, route: Route, start: date, until: date) -> list[date]:
    """`start`, then the days after it up to `until` on which the route's score can change,
    and `until` itself."""
    return [start, *change_days(p, until, (route.starts_on, until), route.grow_years, start)]


def _scan(p: Profile, route: Route, until: date, after: date | None = None):
    """The route scored from its start (or from `after`, a day before which it cannot reach
    the standard) up to `until`: (its scores, the day it reaches the standard, that result)."""
    scored = Scored(route.course)
    start = max(route.starts_on, p.as_of, after or p.as_of)
    if start > until:  # takes effect (or could first pass) only after the days looked at
        return scored, None, scored.on(until)
    reach, result = scored.first_pass(_days(p, route, start, until)[1:], start)
    return scored, reach, result


def _latest_start(person: _Person, route: Route, reach: date, deadline: date) -> date | None:
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
    for _, day, _ in Scored(now.course).passing_spans(_days(p, now, p.as_of, until), until):
        if _scan(p, person.route(route, start=day), deadline)[1] is not None:
            return day
    return None


def _latest_base_month(person: _Person, route: Route, reach: date, deadline: date) -> int | None:
    """For a route that pays a higher base and reaches the standard (on `reach`) by
    `deadline`: the latest month that base can start and the route still make it; None when
    the route makes it without it. A base started later never scores more, so a month is
    late when the next one is and the search ends on a month found in time whose next month
    is found too late, both by re-scoring."""
    p = person.p
    last = month_of(deadline)  # a base paid from the deadline's month counts only after it

    def reaches(month: int, after: date) -> date | None:
        return _scan(p, person.route(route, base_from=month), deadline, after)[1]

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
    start, day, after = next(scored.passing_spans(_days(p, route, reach, deadline), deadline))
    return day, _fall_words(scored.on(start), scored.on(after)) if after else None


def _deadline_fields(person: _Person, route: Route, scored: Scored, reach: date | None,
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


def _entry(route: Route, reach: date | None, result: dict, current: dict) -> dict:
    """A route as the plan reports it; `result` is its score on the day it reaches the
    standard (or on the horizon): the points of each line then, and the documents for the
    lines that score then but not in `current` (today's result)."""
    return {
        "id": route.id,
        "kind": route.kind,
        "title": route.title,
        "needs": route.needs,
        "assumption": route.assumption,
        "starts_on": route.starts_on.isoformat(),
        "reaches_standard_on": reach.isoformat() if reach else None,
        "total": result["total"],
        "total_on": result["as_of"],
        "meets_target": None,
        "latest_start": None,
        "latest_base_month": None,
        "apply_until": None,
        "deadline_note": None,
        "lines": {line["id"]: line["points"] for line in result["lines"]},
        "documents": added(result, current, route.credential_type),
    }


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
    for day in sorted({*_days(p, course, p.as_of, horizon), *ends}):
        if not any(start <= day < end for start, end in short) and scored.on(day)["passes"]:
            return scored, day, scored.on(day)
    return scored, None, scored.on(horizon)


def _scan_routes(p: Profile, routes: list[Route], horizon: date):
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
        found[route.id] = _scan(p, route, horizon, stronger[1] if stronger else None)
    short = [(r.starts_on, found[r.id][1] or date.max) for r in adding]
    found[time_only.id] = _scan_course(p, time_only, horizon, short)
    time_reach = found[time_only.id][1]
    until = min(horizon, time_reach) if time_reach else horizon
    for route in others:
        if not route.adds_only:
            found[route.id] = _scan(p, route, until)
    return found


def plan_profile(p: Profile, options: Options | None = None) -> dict:
    options = options or Options()
    current = score_profile(p)
    standard = current["standard"]
    horizon = add_years(p.as_of, HORIZON_YEARS)
    latest = latest_multiple(p)
    base_words = (
        f"按最近一个月的基数（社平工资的{float(latest):.2f}倍）继续缴纳社保"
        if latest is not None
        else "评估月前一个月没有正常缴费，假设之后也不缴纳"
    )
    person = _Person(p, keep_paying(p, latest), latest, base_words, dict(options.expected or {}))
    deadline = apply_by(options.target, p.as_of) if options.target else None

    routes = person.routes()
    time_only = routes[0]
    if current["passes"] or current["vetoed"]:
        found = {time_only.id: _scan(p, time_only, horizon)}
    else:
        found = _scan_routes(p, routes, horizon)
    time_scored, time_reach, time_result = found[time_only.id]
    course = _entry(time_only, time_reach, time_result, current)
    scored = {time_only.id: time_scored}
    kept = []
    for route in routes[1:]:
        if route.id not in found:
            continue
        route_scored, reach, result = found[route.id]
        if reach is None or (time_reach is not None and reach >= time_reach):
            continue  # no sooner than going on as now
        scored[route.id] = route_scored
        kept.append((route, _entry(route, reach, result, current)))
    if deadline is not None:
        makes_it = time_reach is not None and time_reach <= deadline
        course.update(_deadline_fields(person, time_only, time_scored, time_reach, deadline,
                                       makes_it))
        for route, entry in kept:
            reach = date.fromisoformat(entry["reaches_standard_on"])
            entry.update(_deadline_fields(person, route, scored[route.id], reach, deadline,
                                          makes_it))
    kept.sort(key=lambda pair: (
        pair[1]["reaches_standard_on"], KIND_ORDER.index(pair[0].kind), pair[1]["total"]
    ))
    entries = [entry for _, entry in kept]

    compared = [rid for rid in options.compare if rid in scored][:MAX_COMPARED]
    if not compared and entries:
        compared = [entries[0]["id"]]
    projection = _projection(p, options.target, horizon, course, entries, compared, scored)
    return {
        "as_of": p.as_of.isoformat(),
        "standard": standard,
        "current": {
            "total": current["total"],
            "passes": current["passes"],
            "eligible": current["eligible"],
            "vetoed": current["vetoed"],
        },
        "target": _target(options.target, deadline, course, entries, p.as_of),
        "time_only": course,
        "routes": entries,
        "horizon": horizon.isoformat(),
        "projection": projection,
        "line_labels": {line["id"]: line["label"] for line in current["lines"]},
        "summary": _summary(p.as_of, current, course, entries, standard, options.target,
                            deadline),
    }


def _projection(p, target, horizon, course, entries, compared, scored) -> dict:
    """Month by month from the evaluation day: for at least three years, a year past the day
    the last charted line reaches the standard and half a year past the deadline, within the
    horizon. A line that never reaches the standard is labelled with its figure at the horizon
    (the page), so the chart need not run there: every month charted is a score more."""
    charted = [course, *(e for e in entries if e["id"] in compared)]
    reaches = [date.fromisoformat(e["reaches_standard_on"])
               for e in charted if e["reaches_standard_on"]]
    end = add_years(p.as_of, 3)
    if reaches:
        end = max(end, add_years(max(reaches), 1))
    if target:
        end = max(end, add_months(target, 6))
    dates = chart_dates(p.as_of, min(end, horizon))
    titles = {e["id"]: e["title"] for e in [course, *entries]}
    series = [
        {"id": rid, "title": titles[rid], "totals": scored[rid].monthly(dates)}
        for rid in ["time_only", *compared]
    ]
    return {"dates": [d.isoformat() for d in dates], "series": series}


def _target(target, deadline, course, entries, as_of) -> dict | None:
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


def _summary(as_of, current, course, entries, standard, target, deadline) -> str:
    if current["vetoed"]:
        return "存在一票否决情形，无法通过时间或其他变化达到标准分值。"
    if current["passes"]:
        text = f"按评估日的情况已达到{standard}分标准分值（{current['total']}分）。"
    else:
        when = course["reaches_standard_on"]
        text = f"现在{current['total']}分。按现在的情况继续，" + (
            f"预计{when}达到{standard}分。"
            if when
            else f"到{course['total_on']}仍达不到{standard}分（届时{course['total']}分）。"
        )
        if entries:
            best = entries[0]
            text += f"最快的办法：{best['title']}，预计{best['reaches_standard_on']}达到。"
    if target is None:
        return text
    days = value("process.decision_working_days", as_of)
    if target < as_of:
        return text + f"截止日期{target.isoformat()}已经过去。"
    if deadline < as_of:
        return text + (
            f"要在{target.isoformat()}前拿到结果已经来不及：受理后约需{days}个工作日，"
            "最迟的申请日已经过去。"
        )
    text += (
        f"要在{target.isoformat()}前拿到结果，约需在{deadline.isoformat()}前提出申请"
        f"（受理后约需{days}个工作日）："
    )

    def cut_short(entry) -> str:
        until = entry["apply_until"]
        return "" if until == deadline.isoformat() else f"最迟须于{until}提出申请"

    if course["meets_target"]:
        short = cut_short(course)
        return text + ("来得及" if current["passes"] else "按现在的情况继续就来得及") + (
            f"，但{course['deadline_note']}。" if short else "。")
    makes = [e["title"] + (f"（{cut_short(e)}）" if cut_short(e) else "")
             for e in entries if e["meets_target"]]
    if makes:
        return text + f"按现在的情况来不及，{'、'.join(makes)}来得及。"
    return text + "按现在的情况和本站列出的办法都来不及。"


def _read_options(raw, target: str | None) -> Options:
    """The profile's `plan` object ({"target_date", "expected": {route id: day}, "compare":
    [route ids]}); `target` (the command line's --target) replaces its target_date."""
    problems = Problems()
    data = raw if isinstance(raw, dict) else {}
    if raw is not None and not isinstance(raw, dict):
        problems.add("plan", "应为对象（{…}）。", "plan must be an object")
    unknown = set(data) - {"target_date", "expected", "compare"}
    for key in sorted(unknown):
        problems.add(f"plan.{key}", f"不认识的字段“{key}”，请检查拼写。", f"unknown field '{key}'")

    def day(text, path: str, what: str) -> date | None:
        if text is None:
            return None
        try:
            return read_date(text) if isinstance(text, str) else read_date("")
        except Unreadable as error:
            problems.add(path, f"{what}：{error.reason}", f"{path} must be a date")
            return None

    target_day = day(target if target is not None else data.get("target_date"),
                     "plan.target_date", "需要达到标准分值的日期")
    expected = data.get("expected") or {}
    if not isinstance(expected, dict):
        problems.add("plan.expected", "应为对象（{…}）。", "plan.expected must be an object")
        expected = {}
    days = {
        rid: day(text, f"plan.expected.{rid}", "预计取得的日期") for rid, text in expected.items()
    }
    compare = data.get("compare") or []
    if not isinstance(compare, list) or not all(isinstance(c, str) for c in compare):
        problems.add("plan.compare", "应为路线编号的列表。", "plan.compare must be a list of ids")
        compare = []
    problems.raise_if_any()
    return Options(target_day, {k: v for k, v in days.items() if v}, tuple(compare))


def plan(profile: dict, target: str | None = None) -> dict:
    """Plan for a profile (format: docs/profile.md, with its optional `plan` object). Raises
    ValidationError on bad input. `target` "YYYY-MM-DD" replaces plan.target_date."""
    p = read_profile(profile)
    options = _read_options(profile.get("plan"), target)
    return plan_profile(p, options)
