"""plan(): when the standard score is reached if things go on as now, and every route within
the rules that reaches it sooner; against the person's own deadline when they give one; with
the totals month by month for a chart. The routes are searched in route_search, the deadline
worked out in deadline, the options read in plan_options."""

from __future__ import annotations

from datetime import date

from .dates import add_months, add_years
from .deadline import apply_by, deadline_fields, early_note, target_facts
from .documents import added
from .engine import score_profile
from .plan_options import Options, read_options
from .profile import Profile, read_profile
from .projection import chart_dates
from .route_reach import out_of_reach
from .route_search import Person, holding, scan, scan_routes
from .routes import Route, keep_paying, latest_multiple
from .rules import value

HORIZON_YEARS = 15
MAX_COMPARED = 3
KIND_ORDER = ("time", "three_places", "base", "skill", "title", "education", "key_area")


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
        "wage": route.wage,
        "out_of_reach": None,
    }


def held_entry(p: Profile, route: Route, scored, first: date | None, horizon: date,
               current: dict) -> dict:
    """The route's entry from the day it holds at the standard up to the horizon, with its
    first stretch at the standard when that one does not last (「…短暂达到…」)."""
    stable, short = holding(p, route, scored, first, horizon) if first else (None, None)
    entry = _entry(route, stable, scored.on(stable or horizon), current)
    entry["first_reach"] = None
    entry["reach_note"] = None
    if short is not None:
        start, end = short
        standard = current["standard"]
        shown = end.isoformat()[5:] if end.year == start.year else end.isoformat()
        entry["first_reach"] = {"from": start.isoformat(), "to": end.isoformat()}
        entry["reach_note"] = (
            f"{start.isoformat()}至{shown}短暂达到，之后又低于{standard}分；" + (
                f"稳定达到{standard}分：{stable.isoformat()}" if stable
                else f"到{horizon.isoformat()}没有再稳定达到{standard}分"))
    return entry


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
    person = Person(p, keep_paying(p, latest), latest, base_words, dict(options.expected or {}))
    deadline = apply_by(options.target, p.as_of) if options.target else None

    routes = person.routes()
    time_only = routes[0]
    if current["passes"] or current["vetoed"]:
        found = {time_only.id: scan(p, time_only, horizon)}
    else:
        found = scan_routes(p, routes, horizon)
    time_scored, time_first, _ = found[time_only.id]
    course = held_entry(p, time_only, time_scored, time_first, horizon, current)
    scored = {time_only.id: time_scored}
    kept = []
    for route in routes[1:]:
        route_scored, first, _ = found.get(route.id, (None, None, None))
        if first is None:
            continue
        entry = held_entry(p, route, route_scored, first, horizon, current)
        reach, course_reach = entry["reaches_standard_on"], course["reaches_standard_on"]
        if reach is None or (course_reach is not None and reach >= course_reach):
            continue  # no sooner than going on as now
        scored[route.id] = route_scored
        if route.id not in person.expected:  # a date the person gives is theirs to keep
            entry["out_of_reach"] = out_of_reach(p, route.kind, route.credential_level)
        kept.append((route, entry))
    if deadline is not None:
        course.update(deadline_fields(person, time_only, time_scored, deadline, False))
        for route, entry in kept:
            entry.update(deadline_fields(person, route, scored[route.id], deadline,
                                         course["meets_target"]))
    # within reach first: a route that needs what the person has not given comes after
    kept.sort(key=lambda pair: (
        pair[1]["out_of_reach"] is not None, pair[1]["reaches_standard_on"],
        KIND_ORDER.index(pair[0].kind), pair[1]["total"]
    ))
    entries = [entry for _, entry in kept]

    compared = [rid for rid in options.compare if rid in scored][:MAX_COMPARED]
    if not compared and entries:
        compared = [entries[0]["id"]]
    projection = _projection(p, options.target, horizon, course, entries, compared, scored)
    early = early_note(p, course, standard) if current["passes"] else None
    return {
        "as_of": p.as_of.isoformat(),
        "standard": standard,
        "current": {
            "total": current["total"],
            "passes": current["passes"],
            "eligible": current["eligible"],
            "vetoed": current["vetoed"],
        },
        "target": target_facts(options.target, deadline, course, entries, p.as_of, early),
        "time_only": course,
        "routes": entries,
        "horizon": horizon.isoformat(),
        "horizon_years": HORIZON_YEARS,
        "projection": projection,
        "max_compared": MAX_COMPARED,
        "line_labels": {line["id"]: line["label"] for line in current["lines"]},
        "summary": _summary(p.as_of, current, course, entries, standard, options.target,
                            deadline, early),
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


def _first(entry: dict) -> str:
    """What a route out of reach needs first, in brackets after its title."""
    reach = entry["out_of_reach"]
    return f"（{reach['first']}）" if reach else ""


def _summary(as_of, current, course, entries, standard, target, deadline, early) -> str:
    if current["vetoed"]:
        return "存在一票否决情形，无法通过时间或其他变化达到标准分值。"
    when, note = course["reaches_standard_on"], course["reach_note"]
    if current["passes"]:
        text = f"按评估日的情况已达到{standard}分标准分值（{current['total']}分）。{early}"
    else:
        text = f"现在{current['total']}分。按现在的情况继续，" + (
            f"{note}。" if note else f"预计{when}达到{standard}分。" if when
            else f"到{course['total_on']}仍达不到{standard}分（届时{course['total']}分）。"
        )
        if entries:
            best = entries[0]
            text += (f"最快的办法：{best['title']}{_first(best)}，"
                     f"预计{best['reaches_standard_on']}达到。")
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
    if course["meets_target"] and course["apply_until"] != deadline.isoformat():
        # the one binding day first: the course falls short before the usual last day
        return text + (f"要在{target.isoformat()}前拿到结果，{course['deadline_note']}"
                       f"（受理后约需{days}个工作日）。")
    text += (
        f"要在{target.isoformat()}前拿到结果，约需在{deadline.isoformat()}前提出申请"
        f"（受理后约需{days}个工作日）："
    )

    def cut_short(entry) -> str:
        until = entry["apply_until"]
        return "" if until == deadline.isoformat() else f"最迟须于{until}提出申请"

    if course["meets_target"]:
        return text + ("来得及。" if current["passes"] else "按现在的情况继续就来得及。")
    makes = [e["title"] + (f"（{cut_short(e)}）" if cut_short(e) else "") + _first(e)
             for e in entries if e["meets_target"]]
    if makes:
        return text + f"按现在的情况来不及，{'、'.join(makes)}来得及。"
    return text + "按现在的情况和本站列出的办法都来不及。"


def plan(profile: dict, target: str | None = None) -> dict:
    """Plan for a profile (format: docs/profile.md, with its optional `plan` object). Raises
    ValidationError on bad input. `target` "YYYY-MM-DD" replaces plan.target_date."""
    p = read_profile(profile)
    options = read_options(profile.get("plan"), target)
    return plan_profile(p, options)

