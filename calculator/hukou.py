"""hukou(): from the same answers as the points, whether and from which month the employer can
file for 居转户 (持有《上海市居住证》人员申办本市常住户口), by which route, what is missing, what is
still to confirm, who moves with the applicant, and the procedure (decisions H1–H14).

Longer than 300 lines for one job, the result assembled: each part below is a few lines of
the result read from the same routes and day; the routes, facts and judgement live apart."""

from __future__ import annotations

from datetime import date, timedelta

from .dates import first_day_of_month, full_years, month_label, month_of
from .decisions import decision, fill
from .documents import hukou_checklist
from .hukou_facts import HukouFacts
from .hukou_judge import (
    CONFIRM,
    MET,
    UNMET,
    Person,
    area_name,
    judge,
    never,
    not_in_force,
    possible,
    questions,
    route_name,
    state,
)
from .hukou_months import course
from .hukou_routes import BASE_TESTS, NOT_JUDGED, ROUTES, SENIOR_CREDENTIALS, RouteSpec
from .hukou_title import (
    INTERMEDIATE,
    SENIOR,
    TITLE_WORDS,
    Question,
    credentials,
    hukou_question,
)
from .profile import Profile, read_profile
from .rules import change_days, citation, rules_version, value

STABLE_AFTER = 49  # months: the longest base window (48) and the application month
DECISIONS = {
    "title": ("H2", "H3", "H4", "H5", "H6", "H8"),
    "senior": ("H3", "H5", "H6", "H8"),
    "base": ("H2", "H3", "H4", "H6", "H8"),
}


def _decisions(ids, day: date) -> list[dict]:
    return [decision(d, day) for d in ids]


def _asked(found: list[Question]) -> list[dict]:
    return [{"path": q.path, "question": q.ask, "yes": q.yes} for q in found]


def _condition(found: list[Question]) -> str:
    return "若" + "，且".join(q.yes for q in found)


def _scan(person: Person, spec: RouteSpec) -> tuple[int | None, int | None, list, list]:
    """The first month the route holds, the first it would hold with every answer "yes"
    (when earlier), the checks of the first of them (or of the horizon's last month), and
    those of the month waiting on answers."""
    months = person.months
    earliest = confirmed = None
    confirmed_checks: list = []
    # From this month on only what `possible` tests (counts that grow, a permit or insurance
    # that ends) can change: every base window lies in the course, every rule is the newest.
    stable = max(months.first + STABLE_AFTER, month_of(change_days()[-1]) + 1)
    for month in range(months.first, months.last + 1 if not never(person, spec) else 0):
        if not possible(person, spec, month):
            continue
        checks = judge(person, spec, month)
        found = state(checks)
        if found == MET:
            return month, confirmed, checks, confirmed_checks
        if found == CONFIRM and confirmed is None:
            confirmed, confirmed_checks = month, checks
        if month >= stable:
            break
    if confirmed is not None:
        return earliest, confirmed, confirmed_checks, confirmed_checks
    return None, None, judge(person, spec, months.last), []


def _rule(spec: RouteSpec, day: date) -> str:
    """The route's conditions in words, numbers in force on `day`."""
    why = not_in_force(spec, day)
    if why is not None:
        return why + "。"
    parts = []
    if spec.months:
        need = value(spec.months, day)
        parts.append(f"持有居住证并在持证期间正常缴纳本市职工社保累计满{need}个月（补缴不计）")
    else:
        parts.append("不受持证和缴费年限限制，申报当月须持有居住证并缴纳社保")
    market = _base_words("market", day)
    title = f"{TITLE_WORDS[INTERMEDIATE]}，与所聘岗位相符并已聘任" + (
        f"，且{market}" if market else "")
    if spec.title == "title":
        parts.append(title)
    elif spec.title == "senior":
        parts.append(f"{TITLE_WORDS[SENIOR]}，与所聘岗位相符并已聘任；或获得省部级及以上政府表彰")
    elif spec.title == "base":
        parts.append(_base_words(spec.base, day))
    else:
        instead = "lingang" if spec.title == "title_or_1x" else "base_2x"
        parts.append(f"{title}；或{_base_words(instead, day)}（不要求职称）")
    if spec.area:
        name = area_name(spec)
        need = value(spec.area_months, day) if spec.area_months else None
        parts.append(f"在{name}工作" + (f"满{need}个月" if need else ""))
        if spec.recommended:
            pledge = (f"，并书面承诺落户后继续工作{value('hukou.stay_pledge_years', day)}年"
                      if spec.pledge else "")
            parts.append(f"经单位或指定机构推荐{pledge}")
        if spec.core:
            parts.append("属于核心人才或重点产业骨干")
    if spec.science_post:
        parts.append("在企业科技或技能岗位工作，缴费基数与个人所得税应纳税所得额合理对应")
    if spec.suburb_post:
        parts.append("在远郊学校教学、医疗卫生或乡镇农业技术岗位连续工作满"
                     f"{value('hukou.suburb_post_months', day)}个月")
    return "；".join(parts) + "。"


def _base_words(key: str, day: date) -> str:
    multiple_id, window_id, required_id, current = BASE_TESTS[key]
    multiple = value(multiple_id, day)
    if multiple is None:
        return ""
    return (f"申报当月之前{value(window_id, day)}个月中至少{value(required_id, day)}个月"
            + ("及申报当月" if current else "")
            + f"的缴费基数不低于社平工资{multiple:g}倍")


def _source(spec: RouteSpec, day: date) -> str:
    params = [spec.months or spec.cited, spec.area_months]
    if spec.base:
        params.append(BASE_TESTS[spec.base][0])
    if spec.title in ("title", "title_or_1x", "title_or_2x"):
        params.append("hukou.market_multiple")
    if spec.title in ("title_or_1x", "title_or_2x"):
        params.append(BASE_TESTS["lingang" if spec.title == "title_or_1x" else "base_2x"][0])
    found = []
    for param in filter(None, params):
        if value(param, day) is None:
            continue
        cited = citation(param, day)
        if cited not in found:
            found.append(cited)
    return "；".join(found)


def _route(person: Person, spec: RouteSpec) -> dict:
    months = person.months
    now = months.first
    earliest, confirmed, checks, waiting = _scan(person, spec)
    shown = earliest if earliest is not None else (confirmed if confirmed is not None else now)
    day = first_day_of_month(shown)
    asked = questions(waiting)
    missing_now = [c.words for c in judge(person, spec, now) if c.state == UNMET]
    name = route_name(spec, day)
    if earliest is not None:
        when = "现在（评估日当月）即可" if earliest == now else f"最早{month_label(earliest)}可"
        explanation = f"{when}由单位申报：" + "；".join(c.words for c in checks) + "。"
    elif confirmed is not None:
        when = "现在" if confirmed == now else f"最早{month_label(confirmed)}"
        explanation = (f"{_condition(asked)}，{when}可由单位申报："
                       + "；".join(c.words for c in checks) + "。")
    else:
        explanation = (f"按现在的情况继续，到{month_label(months.last)}仍不能申报："
                       + "；".join(c.words for c in checks if c.state != MET) + "。")
    ids = DECISIONS.get(spec.title, DECISIONS["title"])  # a title or a base instead: "title"
    if asked:
        ids = (*ids, "H9")
    return {
        "id": spec.id,
        "name": name,
        "earliest_month": month_label(earliest) if earliest is not None else None,
        "now": earliest == now,
        "if_confirmed_month": month_label(confirmed) if confirmed is not None else None,
        "if_confirmed": _condition(asked) if asked else None,
        "to_confirm": _asked(asked),
        "missing": missing_now if earliest != now else [],
        "explanation": explanation,
        "rule": _rule(spec, day),
        "source": _source(spec, day),
        "decisions": _decisions(ids, day),
    }


def _earliest(routes: list[dict], key: str) -> dict | None:
    found = [(r[key], i) for i, r in enumerate(routes) if r[key] is not None]
    if not found:
        return None
    month, i = min(found)
    return {"route": routes[i]["id"], "month": month, "name": routes[i]["name"]}


def _children(p: Profile, facts: HukouFacts, month: int) -> list[dict]:
    """H10: each child's age on the first day of the application month."""
    day = first_day_of_month(month)
    free, top = value("hukou.child_free_age", day), value("hukou.child_max_age", day)
    found = []
    for i, child in enumerate(facts.children):
        age = full_years(child.birth_date, day)
        asked = []
        if child.birth_date > day:
            may, why = True, f"{day.isoformat()}尚未出生，出生后可按规定随迁或投靠"
        elif age < free:
            may, why = True, f"{day.isoformat()}时{age}周岁，未满{free}周岁，可以随迁"
        elif age >= top:
            may, why = False, f"{day.isoformat()}时{age}周岁，已满{top}周岁，不能随迁"
        elif child.general_high_school:
            may, why = True, f"{day.isoformat()}时{age}周岁，在普通高中就读，可以随迁"
        elif child.general_high_school is None:
            name = f"第{i + 1}个孩子"
            asked = [hukou_question("general_high_school", f"children[{i}].general_high_school",
                                    name=name)]
            may, why = False, (f"{day.isoformat()}时{age}周岁，{free}至{top}周岁须在普通高中就读"
                               "才能随迁，尚未确认")
        else:
            may, why = False, f"{day.isoformat()}时{age}周岁，不在普通高中就读，不能随迁"
        found.append({
            "birth_date": child.birth_date.isoformat(),
            "on": day.isoformat(),
            "age": age,
            "may_move": may,
            "explanation": why + "。",
            "to_confirm": _asked(asked),
            "source": citation("hukou.child_max_age", day),
            "decisions": _decisions(("H10",), day),
        })
    return found


def _spouse(route: str | None, day: date) -> dict:
    together = route == "senior"
    if together:
        text = (f"以{SENIOR_CREDENTIALS}或表彰申请的，"
                "配偶在本市稳定工作、缴纳职工社保并持有居住证时，可以同时申请。")
    else:
        text = (f"配偶只有在以{SENIOR_CREDENTIALS}或省部级以上表彰申请时才可以同时申请；"
                "其他情况下按夫妻投靠办理，那是另一项政策，本站不判断。")
    return {
        "may_apply_together": together,
        "text": text,
        "source": citation("hukou.spouse_senior_only", day),
        "decisions": _decisions(("H11",), day),
    }


def _status(day: date) -> dict:
    until = value("hukou.notice_valid_until", day)
    if until is None:
        text = "本站按沪府规〔2019〕45号及其实施细则判断；居转户不要求居住证积分。"
    else:
        text = (f"本站按沪人社规〔2020〕24号等文件判断；该通知写明的有效期到{until.isoformat()}，"
                "本站没有找到延续或替代它的文件，近年的公开资料仍按它介绍。居转户不要求居住证积分。")
    return {
        "text": text,
        "valid_until": until.isoformat() if until else None,
        "source": citation("hukou.notice_valid_until", day),
        "decisions": _decisions(("H1", "H14"), day),
    }


def _after_working_days(day: date, count: int) -> date:
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _procedure(month: int | None, day: date) -> dict:
    district = value("hukou.district_working_days", day)
    city = value("hukou.city_working_days", day)
    publicity = value("hukou.publicity_days", day)
    around = None
    if month is not None:
        start = first_day_of_month(month)
        around = (_after_working_days(start, district + city)
                  + timedelta(days=publicity)).isoformat()
    text = ("只能由单位通过一网通办申报，个人不能自行申请。"
            f"区人才服务中心受理初审约{district}个工作日，市人社局审核约{city}个工作日，网上公示{publicity}天，之后办理迁入；各来源的时限不一致，"
            "这只是估计。")
    if around is not None:
        text += f"若{month_label(month)}初申报，约{around}前后公示结束（未计节假日）。"
    return {
        "filed_by": "employer",
        "district_working_days": district,
        "city_working_days": city,
        "publicity_days": publicity,
        "publicity_ends_around": around,
        "text": text,
        "source": "；".join(dict.fromkeys(citation(param, day) for param in (
            "hukou.district_working_days", "hukou.city_working_days", "hukou.publicity_days"))),
        "decisions": _decisions(("H12",), day),
    }


def _not_judged(day: date) -> list[dict]:
    return [{"id": rid, "name": name, "text": fill(text, day) + "本站不判断这一途径。",
             "decisions": _decisions(("H7",), day)}
            for rid, name, text in NOT_JUDGED]


def _headline(earliest: dict | None, confirmed: dict | None, now: int, last: int) -> str:
    lead = "按本站对规定的理解，"

    def when(found: dict, later: str = "最早可于{}") -> str:
        if found["month"] == month_label(now):
            return "现在即可"
        return later.format(_month_words(found["month"]))

    if earliest is not None:
        text = f"{lead}{when(earliest)}由单位申报（{_flat(earliest['name'])}）。"
    elif confirmed is not None:
        text = (f"{lead}{confirmed['condition']}，{when(confirmed)}由单位申报"
                f"（{_flat(confirmed['name'])}）。")
    else:
        text = (f"{lead}按现在的情况继续，到{_month_words(month_label(last))}还不能申请居转户；"
                "各途径还差什么见下。")
    if earliest is not None and confirmed is not None and confirmed["month"] < earliest["month"]:
        text += (f"{confirmed['condition']}，{when(confirmed, '可提前到{}')}申报"
                 f"（{_flat(confirmed['name'])}）。")
    return text


def _flat(name: str) -> str:
    """A route's name inside the headline's brackets: 临港新片区（5年） as 临港新片区，5年."""
    return name.replace("（", "，").replace("）", "")


def _month_words(label: str) -> str:
    return f"{int(label[:4])}年{int(label[5:])}月"


def hukou_profile(p: Profile) -> dict:
    """The 居转户 result for a profile already read."""
    facts = p.hukou
    months = course(p, facts)
    person = Person(p, facts, months, tuple(credentials(p, facts)))
    routes = [_route(person, spec) for spec in ROUTES]
    earliest = _earliest(routes, "earliest_month")
    confirmed = _earliest([r for r in routes if r["if_confirmed_month"]], "if_confirmed_month")
    if confirmed is not None:
        route = next(r for r in routes if r["id"] == confirmed["route"])
        confirmed["condition"] = route["if_confirmed"]
        if earliest is not None and confirmed["month"] >= earliest["month"]:
            confirmed = None
    d = p.as_of
    at = earliest or confirmed
    month = month_of(date.fromisoformat(at["month"] + "-01")) if at else months.first
    to_confirm = []
    for route in routes:
        for asked in route["to_confirm"]:
            if asked not in to_confirm:
                to_confirm.append(asked)
    return {
        "as_of": d.isoformat(),
        "headline": _headline(earliest, confirmed, months.first, months.last),
        "earliest": earliest,
        "earliest_if_confirmed": confirmed,
        "routes": routes,
        "to_confirm": to_confirm,
        "children": _children(p, facts, month),
        "children_on": first_day_of_month(month).isoformat(),
        "spouse": _spouse(at["route"] if at else None, d),
        "status": _status(d),
        "procedure": _procedure(month if at else None, d),
        "documents": hukou_checklist(at["route"]) if at else [],
        "not_judged": _not_judged(d),
        "horizon": month_label(months.last),
        "rules_version": rules_version(),
    }


def hukou(profile: dict, as_of: date | str | None = None) -> dict:
    """The 居转户 check of a profile (format: docs/profile.md, docs/hukou.md); `as_of`
    overrides the profile's evaluation day. Raises ValidationError on bad input."""
    if as_of is not None and isinstance(profile, dict):
        profile = {**profile, "as_of": as_of if isinstance(as_of, str) else as_of.isoformat()}
    return hukou_profile(read_profile(profile))

