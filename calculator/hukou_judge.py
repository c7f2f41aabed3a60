"""Whether one 居转户 route holds in one application month M (decisions H2–H6, H9): each
condition of the route as a Check — met, waiting only on the person's answers, or not met —
with what holds or what is missing in words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import vocabulary
from .dates import first_day_of_month, month_label, month_of
from .decisions import fill
from .hukou_facts import HukouFacts
from .hukou_months import Months
from .hukou_routes import BASE_TESTS, RouteSpec
from .hukou_title import INTERMEDIATE, SENIOR, TITLE_WORDS, Held, Question, best, hukou_question
from .profile import Profile
from .rules import all_values, exact, in_force_since, value

MET, CONFIRM, UNMET = 2, 1, 0  # a route holds in the lowest state of its conditions
AREA_NAMES = {**vocabulary.names("key_areas"), **vocabulary.names("hukou_areas")}
AWARD_NAMES = vocabulary.names("awards")
TITLE_AWARD = "national"  # the award that is a route of its own (H6 senior)


@dataclass(frozen=True)
class Check:
    state: int
    # what holds, or what is missing; a function giving it where the words cost more than
    # the test (the scan tests every month, the result words only a few)
    text: str | Callable[[], str]
    questions: tuple[Question, ...] = ()

    @property
    def words(self) -> str:
        return self.text() if callable(self.text) else self.text


@dataclass(frozen=True)
class Person:
    p: Profile
    facts: HukouFacts
    months: Months
    held: tuple[Held, ...]


def span(first: int, last: int) -> str:
    return f"{month_label(first)}至{month_label(last)}"


def route_name(spec: RouteSpec, day: date) -> str:
    """The route in words, with the newest values of its numbers (a name does not change with
    the evaluation day; the rule and the explanation give the values in force)."""
    area = AREA_NAMES.get(spec.area, "") if spec.area else ""
    name = fill(spec.name.replace("{area}", area).replace("{hukou.", "{latest.hukou."), day)
    if spec.months and spec.months != "hukou.standard_months":
        name += f"（{all_values(spec.months)[-1] // 12}年）"
    return name


def area_name(spec: RouteSpec) -> str:
    return AREA_NAMES[spec.area]


def _dated(spec: RouteSpec) -> list[str]:
    """The parameters without which the route does not exist on a day."""
    return [p for p in (spec.months, BASE_TESTS[spec.base][0] if spec.base else None) if p]


def not_in_force(spec: RouteSpec, day: date) -> str | None:
    """Why the route cannot be judged on `day`: a parameter it reads not in force yet."""
    for param in _dated(spec):
        if value(param, day) is None:
            since = in_force_since(param)
            when = f"{since.isoformat()}起施行" if since else "不再施行"
            return f"该途径{month_label(month_of(day))}尚未施行（{when}）"
    return None


def years(person: Person, spec: RouteSpec, month: int, day: date) -> Check:
    need = value(spec.months, day)
    months = person.months
    have = months.qualified_before(month)
    if have >= need:
        return Check(MET, lambda: f"到{month_label(month - 1)}持证期间正常缴纳社保累计{have}个月"
                                  f"（须{need}个月）")

    def short() -> str:
        text = (f"持证期间正常缴纳社保累计{have}个月，还差{need - have}个月（须{need}个月，"
                "补缴、不计入的月份和不在持证期间的月份不算）")
        permit = months.permit_before(month)
        if not months.permit:
            text += "；尚未填写居住证持证期间"
        elif permit != have:
            text += f"；持证累计{permit}个月"
        return text

    return Check(UNMET, short)


def held_in(person: Person, month: int) -> Check:
    months = person.months
    missing = []
    if not months.permit_held(month):
        missing.append("持有居住证")
    if not months.insured(month):
        missing.append("正常缴纳社保")
    if missing:
        return Check(UNMET, lambda: f"申报当月（{month_label(month)}）须{'并'.join(missing)}")
    return Check(MET, "申报当月持有居住证并正常缴纳社保")


def base_test(person: Person, key: str, month: int, day: date) -> Check:
    multiple_id, window_id, required_id, current = BASE_TESTS[key]
    if value(multiple_id, day) is None:  # before the rule that set it
        return Check(UNMET, lambda: f"{month_label(month)}尚无这一缴费基数条件"
                                    f"（{in_force_since(multiple_id).isoformat()}起施行）")
    multiple = exact(value(multiple_id, day))
    window, required = value(window_id, day), value(required_id, day)
    months = person.months
    have = months.reaching(multiple, range(month - window, month))
    ok = have >= required
    this = months.reaches(multiple, month) if current else True

    def text() -> str:
        times = f"{float(multiple):g}倍"
        words = (f"{span(month - window, month - 1)}中缴费基数达到社平工资{times}的有{have}个月"
                 f"（须{required}个月）")
        if current:
            words += f"，申报当月{'达到' if this else '未达到'}{times}"
        notes = months.insurance.yardstick_notes(range(month - window, month + 1))
        if notes:  # bases in yuan: estimated years (D24), at the ceiling, below the floor
            words += f"（{'；'.join(notes)}）"
        return words + (f"，还差{required - have}个月" if not ok else "")

    return Check(MET if ok and this else UNMET, text)


def _title_held(person: Person, level: str) -> Check:
    met, maybe = best(list(person.held), level)
    words = TITLE_WORDS[SENIOR if level == SENIOR else INTERMEDIATE]
    if met is not None:
        return Check(MET, f"{met.name}与所聘岗位相符，已聘任")
    if maybe is not None:
        return Check(CONFIRM, f"{maybe.name}待确认", maybe.questions)
    return Check(UNMET, f"没有与所聘岗位相符并已聘任的{words}证书")


def title(person: Person, month: int, day: date) -> list[Check]:
    """H5: the credential, and the market standard where in force."""
    checks = [_title_held(person, INTERMEDIATE)]
    if value("hukou.market_multiple", day) is not None:
        checks.append(base_test(person, "market", month, day))
    return checks


def senior(person: Person) -> Check:
    if person.p.award == TITLE_AWARD:
        return Check(MET, f"获得{AWARD_NAMES[TITLE_AWARD]}")
    return _title_held(person, SENIOR)


def either(first: list[Check], second: list[Check]) -> list[Check]:
    """The title condition or a base instead of it (H6): the alternative that holds (or
    waits only on answers), else what each lacks."""
    for state in (MET, CONFIRM):
        for checks in (first, second):
            if min(c.state for c in checks) == state:
                return checks
    return [Check(UNMET, lambda: "；".join(c.words for c in first if c.state == UNMET)
                  + "；或者以基数代替职称："
                  + "；".join(c.words for c in second if c.state == UNMET))]


def area(person: Person, spec: RouteSpec, month: int, day: date) -> list[Check]:
    name = area_name(spec)
    work = person.facts.area
    if work is None or work.area != spec.area:
        return [Check(UNMET, f"未填写在{name}工作")]
    since, estimated = work.since, ""
    if since is None:
        since = person.months.first - 12 * work.years
        estimated = "（按所填年限估算）"
    checks = []
    if since > month:
        checks.append(Check(UNMET, lambda: f"{month_label(since)}起才在{name}工作"))
    elif spec.area_months:
        need = value(spec.area_months, day)
        have = month - since
        text = f"在{name}工作{have}个月{estimated}（须{need}个月）"
        checks.append(Check(MET, text) if have >= need
                      else Check(UNMET, f"{text}，还差{need - have}个月"))
    else:
        checks.append(Check(MET, f"在{name}工作"))
    if spec.recommended:
        checks.append(_answer(work.recommended, "recommended", "key_area.recommended",
                              f"未取得{name}的推荐", area=name))
    if spec.core:
        checks.append(_answer(work.core, "core", "key_area.core",
                              f"不属于{name}的核心人才或重点产业骨干", area=name))
    return checks


def _answer(answer: bool | None, key: str, path: str, no: str, **names) -> Check:
    question = hukou_question(key, path, **names)
    if answer is None:
        return Check(CONFIRM, f"待确认：{question.ask}", (question,))
    return Check(MET, question.yes) if answer else Check(UNMET, no)


def science_post(person: Person) -> Check:
    return _answer(person.facts.science_or_skill_post, "science_or_skill_post",
                   "science_or_skill_post", "不在企业的科技或技能岗位")


def suburb_post(person: Person, month: int, day: date) -> Check:
    since = person.facts.suburb_post_since
    if since is None:
        return Check(UNMET, "未填写远郊教育、卫生或农业技术岗位")
    need = value("hukou.suburb_post_months", day)
    have = max(0, month - since)
    text = f"在远郊岗位连续工作{have}个月（须{need}个月）"
    return Check(MET, text) if have >= need else Check(UNMET, f"{text}，还差{need - have}个月")


@lru_cache(maxsize=8192)
def value_in(param: str, month: int):
    """The value of `param` in force on the first day of `month` (the scan asks the same
    few parameters of every month)."""
    return value(param, first_day_of_month(month))


def never(person: Person, spec: RouteSpec) -> bool:
    """The route cannot hold in any month: its area or its post is not the person's."""
    work = person.facts.area
    if spec.area and (work is None or work.area != spec.area):
        return True
    return spec.suburb_post and person.facts.suburb_post_since is None


def possible(person: Person, spec: RouteSpec, month: int) -> bool:
    """A quick test, numbers only, that the route's years, the application month's permit
    and insurance, and its time in the area hold in `month`: where they do not, the route
    neither holds nor waits only on answers (the scan skips the month)."""
    months = person.months
    if not months.qualifies(month):
        return False
    if spec.months:
        need = value_in(spec.months, month)
        if need is None or months.qualified_before(month) < need:
            return False
    work = person.facts.area
    if spec.area_months and work is not None:
        since = work.since if work.since is not None else months.first - 12 * work.years
        need = value_in(spec.area_months, month)
        if need is None or month - since < need:
            return False
    return True


def judge(person: Person, spec: RouteSpec, month: int) -> list[Check]:
    """Every condition of `spec` for an application in `month`."""
    day = first_day_of_month(month)
    if any(value(param, day) is None for param in _dated(spec)):
        return [Check(UNMET, lambda: not_in_force(spec, day))]
    checks = [years(person, spec, month, day)] if spec.months else []
    checks.append(held_in(person, month))
    if spec.title == "title":
        checks += title(person, month, day)
    elif spec.title == "senior":
        checks.append(senior(person))
    elif spec.title == "base":
        checks.append(base_test(person, spec.base, month, day))
    else:
        instead = "lingang" if spec.title == "title_or_1x" else "base_2x"
        checks += either(title(person, month, day), [base_test(person, instead, month, day)])
    if spec.area:
        checks += area(person, spec, month, day)
    if spec.science_post:
        checks.append(science_post(person))
    if spec.suburb_post:
        checks.append(suburb_post(person, month, day))
    return checks


def state(checks: list[Check]) -> int:
    return min(c.state for c in checks)


def questions(checks: list[Check]) -> list[Question]:
    found: dict[str, Question] = {}
    for check in checks:
        for question in check.questions:
            found.setdefault(question.path, question)
    return list(found.values())
