"""plan(): when the standard score is reached if things go on as now, and every route within
the rules that reaches it sooner; against the person's own deadline when they give one; with
the totals month by month for a chart. Every figure comes from re-scoring with the engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .dates import add_months, add_years
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


def _routes(p: Profile, timeline: Profile, latest, expected: dict, base_words: str):
    routes = [time_route(p, timeline, base_words)]
    routes += education_routes(p, timeline, expected)
    routes += base_routes(p, latest)
    routes += credential_routes(p, timeline, latest, expected)
    routes += key_area_route(p, timeline)
    return routes


def _scan(p: Profile, route: Route, until: date, after: date | None = None):
    """The route scored from its start (or from `after`, a day before which it cannot reach
    the standard) up to `until`: (its scores, the day it reaches the standard, that result)."""
    scored = Scored(route.course)
    start = max(route.starts_on, p.as_of, after or p.as_of)
    if start > until:  # takes effect (or could first pass) only after the days looked at
        return scored, None, scored.on(until)
    reach, result = scored.first_pass(change_days(p, until, (start,)), start)
    return scored, reach, result


def _entry(route: Route, reach: date | None, result: dict, deadline: date | None,
           current: dict) -> dict:
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
        "meets_target": None if deadline is None else reach is not None and reach <= deadline,
        "latest_start": None,
        "lines": {line["id"]: line["points"] for line in result["lines"]},
        "documents": added(result, current),
    }


def _latest_start(p: Profile, route: Route, reach: date, deadline: date, expected: dict,
                  latest, base_words: str) -> date | None:
    """The latest day the route's change can take effect and still reach the standard by
    `deadline`, checked by re-scoring; None when even today is too late."""
    if route.kind not in ("skill", "title", "education"):
        return None
    shift = (reach - route.starts_on).days
    candidate = deadline - timedelta(days=shift)
    timeline = keep_paying(p, latest)
    while candidate >= p.as_of:
        moved = {**expected, route.id: candidate}
        again = next(r for r in _routes(p, timeline, latest, moved, base_words) if r.id == route.id)
        _, when, _ = _scan(p, again, deadline)
        if when is not None and when <= deadline:
            return candidate
        candidate = add_months(candidate, -1)
    return None


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


def plan_profile(p: Profile, options: Options | None = None) -> dict:
    options = options or Options()
    expected = dict(options.expected or {})
    current = score_profile(p)
    standard = current["standard"]
    horizon = add_years(p.as_of, HORIZON_YEARS)
    latest = latest_multiple(p)
    base_words = (
        f"按最近一个月的基数（社平工资的{float(latest):.2f}倍）继续缴纳社保"
        if latest is not None
        else "评估月前一个月没有正常缴费，假设之后也不缴纳"
    )
    timeline = keep_paying(p, latest)
    deadline = apply_by(options.target, p.as_of) if options.target else None

    routes = _routes(p, timeline, latest, expected, base_words)
    time_only = routes[0]
    time_scored, time_reach, time_result = _scan(p, time_only, horizon)
    course = _entry(time_only, time_reach, time_result, deadline, current)
    scored = {time_only.id: time_scored}
    kept = []
    reaches: dict[str, date | None] = {}
    if not current["passes"] and not current["vetoed"]:
        until = min(horizon, time_reach) if time_reach else horizon
        starts = {r.id: r.starts_on for r in routes}
        for route in _stronger_first(routes[1:]):
            # the stronger route has at least this one's points on every day only when it takes
            # effect no later (a person may expect a higher level later than a lower one)
            stronger = route.weaker_than
            bound = stronger in reaches and starts[stronger] <= route.starts_on
            if bound and reaches[stronger] is None:
                reaches[route.id] = None  # not even the stronger route reaches it in time
                continue
            route_scored, reach, result = _scan(p, route, until,
                                                reaches[stronger] if bound else None)
            reaches[route.id] = reach
            if reach is None or (time_reach is not None and reach >= time_reach):
                continue  # no sooner than going on as now
            entry = _entry(route, reach, result, deadline, current)
            if deadline is not None:
                start = _latest_start(p, route, reach, deadline, expected, latest, base_words)
                entry["latest_start"] = start.isoformat() if start else None
            scored[route.id] = route_scored
            kept.append((route, entry))
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
        "summary": _summary(current, course, entries, standard, options.target, deadline),
    }


def _projection(p, target, horizon, course, entries, compared, scored) -> dict:
    reaches = [
        date.fromisoformat(e["reaches_standard_on"])
        for e in [course, *(e for e in entries if e["id"] in compared)]
        if e["reaches_standard_on"]
    ]
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
        "processing_working_days": value("process.decision_working_days", as_of),
        "current_course_makes_it": course["meets_target"],
        "routes_that_make_it": [e["id"] for e in entries if e["meets_target"]],
    }


def _summary(current, course, entries, standard, target, deadline) -> str:
    if current["vetoed"]:
        return "存在一票否决情形，无法通过时间或其他变化达到标准分值。"
    if current["passes"]:
        return f"按评估日的情况已达到{standard}分标准分值（{current['total']}分）。"
    when = course["reaches_standard_on"]
    text = f"现在{current['total']}分。按现在的情况继续，" + (
        f"预计{when}达到{standard}分。"
        if when
        else f"到{course['total_on']}仍达不到{standard}分（届时{course['total']}分）。"
    )
    if entries:
        best = entries[0]
        text += f"最快的办法：{best['title']}，预计{best['reaches_standard_on']}达到。"
    if target is not None:
        makes = [e["title"] for e in entries if e["meets_target"]]
        text += (
            f"要在{target.isoformat()}前拿到结果，约需在{deadline.isoformat()}前提出申请"
            "（受理后约需"
            f"{value('process.decision_working_days', target)}个工作日）："
        )
        if course["meets_target"]:
            text += "按现在的情况继续就来得及。"
        elif makes:
            text += f"按现在的情况来不及，{'、'.join(makes)}来得及。"
        else:
            text += "按现在的情况和本站列出的办法都来不及。"
    return text


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
                     "plan.target_date", "需要达到120分的日期")
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
