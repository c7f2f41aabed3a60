"""The deadline arithmetic: the last day to apply for a decision by the person's own date, and
for one route whether it makes that date, the latest day its change (or month its higher base)
must start and the last day an application still reaches the standard, in words; and for
someone at the standard today, why to apply early."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from .basic import age_line
from .dates import add_years, month_label, month_of
from .profile import Profile
from .projection import Scored
from .route_reach import planner_words
from .route_search import Person, lower_age_days, route_days
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


def _holds_on(route: Route, day: date) -> bool:
    return Scored(route.course).on(day)["passes"]


def _latest_start(person: Person, route: Route, deadline: date) -> date | None:
    """The latest day the route's change can take effect and the route still be at the
    standard on `deadline` (the day to apply by); None when even today is too late. A change
    held later never scores more, so the days are halved, each checked by re-scoring."""
    p = person.p
    if deadline < p.as_of or not _holds_on(person.route(route, start=p.as_of), deadline):
        return None
    if _holds_on(person.route(route, start=deadline), deadline):
        return deadline  # usual: what a route asks for counts from the day it is held
    good, bad = p.as_of, deadline
    while (bad - good).days > 1:
        day = good + (bad - good) / 2
        if _holds_on(person.route(route, start=day), deadline):
            good = day
        else:
            bad = day
    return good


def _latest_base_month(person: Person, route: Route, deadline: date) -> int | None:
    """For a route at the standard on `deadline` that pays a higher base: the latest month
    that base can start and the route still be at the standard then; None when it is without
    the higher base before the deadline's month. A base started later never scores more, so
    the months are halved, each checked by re-scoring."""
    good, bad = month_of(person.p.as_of), month_of(deadline)
    if _holds_on(person.route(route, base_from=bad), deadline):
        return None
    while bad - good > 1:
        month = (good + bad) // 2
        if _holds_on(person.route(route, base_from=month), deadline):
            good = month
        else:
            bad = month
    return good


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


def _open_now(p: Profile, route: Route, scored: Scored, deadline: date):
    """The stretch at the standard open on the evaluation day: its last day up to `deadline`
    and why a later application would fall short (None when it holds to the deadline)."""
    start, day, after = next(scored.passing_spans(route_days(p, route, p.as_of, deadline),
                                                  deadline))
    return day, _fall_words(scored.on(start), scored.on(after)) if after else None


def deadline_fields(person: Person, route: Route, scored: Scored, deadline: date,
                    course_makes_it: bool) -> dict:
    """What the route means for the deadline. It makes it when its score holds from the day to
    apply until `deadline`, the day to apply by: it is at the standard on that day, or it is
    today (apply now) and the last day to apply is the day before it falls short. Then the
    latest day its change (or month its higher base) must start, and all that in words, the
    one binding latest day first."""
    p = person.p
    holds = deadline >= p.as_of and scored.on(deadline)["passes"]
    now = deadline >= p.as_of and scored.on(p.as_of)["passes"]
    until, fall = (deadline, None) if holds else (
        _open_now(p, route, scored, deadline) if now else (None, None))
    meets = until is not None
    # nothing has to start by a deadline already past, or one the current course makes
    asks = not course_makes_it and deadline >= p.as_of
    start = month = None
    words = []
    if meets:
        words.append(f"最迟须于{until.isoformat()}提出申请：{fall}" if fall
                     else f"最迟约在{deadline.isoformat()}前提出申请")
    if asks and route.kind in EXPECTABLE:
        start = _latest_start(person, route, deadline)
        if start is not None:
            words.append(f"{'' if meets else '要赶上，'}最迟须于{start.isoformat()}取得")
        elif not meets:
            words.append("即使现在就取得也来不及")
    if asks and route.base_multiple is not None:
        multiple = f"社平工资{float(route.base_multiple):g}倍"
        month = _latest_base_month(person, route, deadline) if meets else None
        if month is not None and route.kind == "base":
            words.append(f"最迟须从{month_label(month)}起按{multiple}缴费")
        elif month is not None:
            words.append(f"按{multiple}缴费最迟须从{month_label(month)}起"
                         f"（按{route.starts_on.isoformat()}取得计）")
        elif route.kind == "base" and not meets:
            words.append(f"即使从{month_label(month_of(p.as_of))}起就按{multiple}缴费也来不及")
    return {
        "meets_target": meets,
        "latest_start": start.isoformat() if start else None,
        "latest_base_month": month_label(month) if month is not None else None,
        "apply_until": until.isoformat() if until else None,
        "deadline_note": "；".join(words) or None,
    }


def early_note(p: Profile, course: dict, standard: int) -> str:
    """For someone at the standard today: apply early, and why (the stretch at the standard
    when it does not last, the age points a birthday within a year lowers, the yearly
    re-confirmation), in the planner's words."""
    words = planner_words("early_words")
    reasons = [course["reach_note"]] if course["reach_note"] else []
    for day in lower_age_days(p, p.as_of, add_years(p.as_of, 1))[:1]:
        before = age_line(replace(p, as_of=day - timedelta(days=1)), [])["points"]
        after = age_line(replace(p, as_of=day), [])["points"]
        reasons.append(words["age"].format(day=day.isoformat(), before=before, after=after))
    reasons.append(words["confirmed"])
    return f"{words['lead'].format(standard=standard)}：{'；'.join(reasons)}。"


def _latest_note(target: date, deadline: date, course: dict, makes: list, as_of: date) -> str:
    """The deadline's lead in words, the one binding latest day in it (or why there is none)."""
    days = value("process.decision_working_days", as_of)
    if target < as_of:
        return f"截止日期{target.isoformat()}已经过去。"
    if deadline < as_of:
        return (f"按受理后约{days}个工作日推算，最迟的申请日已经过去：现在提出申请也来不及在"
                f"{target.isoformat()}前拿到结果。")
    if course["meets_target"]:
        return f"{course['deadline_note']}。"
    if makes:
        return f"最迟约在{deadline.isoformat()}前提出申请（按下方来得及的办法）。"
    return f"按受理时间推算，最迟约在{deadline.isoformat()}前提出申请。"


def target_facts(target, deadline, course, entries, as_of, early: str | None) -> dict | None:
    """The deadline's facts, led by the one binding latest day to apply: the current course's
    last day when it makes it (earlier than `apply_by` when its score falls short first),
    else `apply_by` when a route makes it, else None; that day in words (`latest_note`) and,
    for someone at the standard today, `early` (early_note) while the day to apply is ahead."""
    if target is None:
        return None
    makes = [e["id"] for e in entries if e["meets_target"]]
    return {
        "latest_day": course["apply_until"] or (deadline.isoformat() if makes else None),
        "latest_note": _latest_note(target, deadline, course, makes, as_of),
        "early_note": early if deadline >= as_of else None,
        "date": target.isoformat(),
        "apply_by": deadline.isoformat(),
        "apply_by_passed": deadline < as_of,
        "processing_working_days": value("process.decision_working_days", as_of),
        "current_course_makes_it": course["meets_target"],
        "routes_that_make_it": makes,
    }

