"""The routes to the standard score the rules allow a person: keep going as now, a credential
of each kind and level, a better education, settling 三地一致, a higher base, more years in a
key area. Each route says what it needs, the day its change is assumed to take effect and its
assumption in words, and gives the profile as it would stand on any later day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from . import catalogues, vocabulary
from .basic import EDUCATION_NAMES, SKILL_NAMES, level_points, needs_catalogue
from .dates import add_months, first_day_of_month, month_label, month_of
from .decisions import in_words
from .insurance import insurance_months
from .profile import TITLE_LEVELS, Credential, Period, Profile
from .projection import Course, grown
from .rule_text import THREE_PLACES
from .rules import exact, value, value_entry
from .wage import wage_needed

# A high-skill occupation to name in the words of the level 3–1 routes when the person has
# given none: any occupation of the catalogue counts alike.
EXAMPLE_OCCUPATION = "电工"


@dataclass(frozen=True)
class Route:
    id: str
    kind: str  # time, skill, title, education, three_places, base, key_area
    title: str
    needs: str
    assumption: str
    starts_on: date  # the day the route's change is assumed to take effect
    course: Course
    grow_years: bool = False
    # a route with at least this route's points on every day (a higher level of the same
    # credential, a higher base): this one cannot reach the standard before that one
    weaker_than: str | None = None
    # the route only adds to the current course (never replaces what scores in it), so it
    # has at least the current course's points on every day
    adds_only: bool = True
    # the higher base the route pays, when it pays one (from the month of `as_of`, or a month
    # given when the route is built)
    base_multiple: Fraction | None = None
    credential_type: str | None = None  # the type of credential the route adds
    credential_level: object = None  # and its level
    # the wage the higher base asks for, with its words (calculator.wage), when it pays one
    wage: dict | None = None


def latest_multiple(p: Profile) -> Fraction | None:
    """The base of the month before `as_of` when the person is paying then."""
    months = insurance_months(p)
    return months.normal.get(month_of(p.as_of) - 1)


def keep_paying(p: Profile, multiple: Fraction | None, from_month: int | None = None) -> Profile:
    """Close the periods at the month before `from_month` (default: the month of `as_of`)
    and, if `multiple` is given, pay at that multiple from then on."""
    start = from_month if from_month is not None else month_of(p.as_of)
    periods = []
    for period in p.insurance:
        if period.start >= start:
            continue
        end = period.end if period.end is not None and period.end < start else start - 1
        periods.append(replace(period, end=end))
    if multiple is not None:
        periods.append(Period(start, None, multiple, None, False))
    return replace(p, insurance=tuple(periods))


def _paying(timeline: Profile, multiple: Fraction, month: int) -> Callable[[date], Profile]:
    """`timeline` until the month before `month`, then paying at `multiple` from `month`; on a
    day before that month exactly `timeline`."""
    changed = keep_paying(timeline, multiple, month)
    start = first_day_of_month(month)
    return lambda day: changed if day >= start else timeline


def _as_is(timeline: Profile) -> Callable[[date], Profile]:
    return lambda day: timeline


def _from_day(d: date, expected: dict[str, date], route_id: str, param: str) -> tuple[date, str]:
    """The day the route's credential is assumed held, and the words saying whose date it
    is: the person's own, or the site's estimate of `param` months on."""
    if route_id in expected:
        return expected[route_id], "（按你填写的预计取得日期）"
    months = value(param, d)
    return add_months(d, months), (
        f"（未填写预计取得日期，本站按约{months}个月后估计，这是本站的假设，可修改）")


def _effort(param: str, d: date) -> str:
    """What a route usually takes, in the words of its planning assumption (rules.toml)."""
    return value_entry(param, d)["note"]


def _words_base_test(day: date) -> str:
    return (
        f"最近{value('credential.base_test_window', day)}个月中至少"
        f"{value('credential.base_test_months', day)}个月的缴费基数不低于社平工资"
        f"{value('credential.base_test_multiple', day):g}倍"
    )


def _with(base: Callable[[date], Profile], starts_on: date, change, grow: bool = False) -> Course:
    """A course that follows `base` (the profile before growing, by day) and, from
    `starts_on`, also has `change` applied."""

    def course(day: date) -> Profile:
        later = grown(base(day), day, grow)
        return change(later) if day >= starts_on else later

    return course


def time_route(p: Profile, timeline: Profile, base_words: str) -> Route:
    return Route(
        "time_only", "time", "按现在的情况继续",
        "不需要做什么。",
        f"年龄、婚龄随时间增长，{base_words}，其他情况不变（应届生加分只在毕业当年有效）。",
        p.as_of, lambda day: grown(timeline, day), adds_only=False,
    )


def credential_routes(p: Profile, timeline: Profile, latest: Fraction | None,
                      expected: dict[str, date], base_from: dict[str, int]) -> list[Route]:
    d = p.as_of
    routes = []
    held = [c.name for c in p.credentials if c.type == "skill" and c.name]
    occupation = next((n for n in held if catalogues.find_skill(n)), None)
    example = occupation or EXAMPLE_OCCUPATION
    base_test = exact(value("credential.base_test_multiple", d))
    at_test = max(latest or Fraction(0), base_test)
    needs_higher = (latest or 0) < base_test

    def tested(rid: str):
        """The base of a route with the base test (by day), its words, the higher base it
        pays and the wage that asks for: the test's multiple from `base_from` (default: the
        month of `as_of`), when the person is not already paying that."""
        if not needs_higher:
            return _as_is(timeline), "", None, None
        month = base_from.get(rid, month_of(d))
        return (
            _paying(timeline, at_test, month),
            f"，从{month_label(month)}起按社平工资{float(at_test):g}倍缴费",
            at_test,
            wage_needed(at_test, month),
        )

    tested_levels = value("credential.skill_base_test_levels", d)
    for level in (5, 4, 3, 2, 1):
        rid = f"skill_{level}"
        needs_base = level in tested_levels
        param = "planner.expected_months." + ("skill_high" if needs_base else "skill")
        starts, whose = _from_day(d, expected, rid, param)
        name = f"技能{SKILL_NAMES[level]}证书"
        needs = "需要参加职业技能等级认定（考试）"
        in_catalogue = needs_catalogue(level, d)
        if in_catalogue:
            needs += f"，工种须在高技能人才职业、工种目录内（如“{example}”）"
        if needs_base:
            needs += f"，并且{_words_base_test(d)}"
        credential = Credential("skill", level, example if in_catalogue else None, job_match=True)
        base, paying, higher, wage = (tested(rid) if needs_base
                                      else (_as_is(timeline), "", None, None))
        # the next level up has at least these points on every day, unless it needs the base
        # test this one does not
        stronger = (f"skill_{level - 1}" if level > 1 and (level - 1 in tested_levels) == needs_base
                    else None)
        routes.append(Route(
            rid, "skill", f"取得与岗位相符的{name}", f"{needs}。{_effort(param, d)}{_said(wage)}",
            f"从{starts.isoformat()}起持有与所聘岗位相符的{name}{whose}{paying}"
            "，其他情况同“按现在的情况继续”。",
            starts, _with(base, starts, _adding(credential)), weaker_than=stronger,
            base_multiple=higher,
            credential_type="skill",
            credential_level=level,
            wage=wage,
        ))
    scoring_titles = [level for level in TITLE_LEVELS if level_points("title", level, d) > 0]
    has_scoring_title = any(c.type == "title" and c.level in scoring_titles
                            for c in p.credentials)
    for level in scoring_titles:
        words = vocabulary.names("title_levels")[level]
        if (level == scoring_titles[-1]) != has_scoring_title:
            continue  # a senior title follows years at the intermediate level
        rid = f"title_{level}"
        param = "planner.expected_months.title"
        starts, whose = _from_day(d, expected, rid, param)
        scoring = value("credential.overseas_categories", d)
        overseas = (f"、认可清单{in_words('credential.overseas_categories', scoring)}境外证书"
                    if scoring else "")
        alternatives = f"（或目录内的职业资格{overseas}）"
        same_as_qualification = (level_points("title", level, d)
                                 == value("credential.qualification", d))
        needs = (
            f"需要评审或考试取得{words}职称{alternatives if same_as_qualification else ''}，"
            f"并且{_words_base_test(d)}。{_effort(param, d)}"
        )
        credential = Credential("title", level, job_match=True)
        base, paying, higher, wage = tested(rid)
        routes.append(Route(
            rid, "title", f"取得与岗位相符的{words}职称", needs + _said(wage),
            f"从{starts.isoformat()}起持有与所聘岗位相符的{words}职称{whose}{paying}"
            "，其他情况同“按现在的情况继续”。",
            starts, _with(base, starts, _adding(credential)),
            base_multiple=higher,
            credential_type="title",
            credential_level=level,
            wage=wage,
        ))
    return routes


def _said(wage: dict | None) -> str:
    """The wage a route's higher base asks for, as a sentence after its needs."""
    return f"{wage['text']}。" if wage else ""


def _adding(credential: Credential):
    def change(p: Profile) -> Profile:
        return replace(p, credentials=(*p.credentials, credential))

    return change


def education_routes(p: Profile, timeline: Profile, expected: dict[str, date]) -> list[Route]:
    d, e = p.as_of, p.education
    routes = []
    same = _as_is(timeline)
    if not e.full_time and not e.study_place_consistent and e.level != "none":
        routes.append(Route(
            "three_places", "three_places", "确认学历“三地一致”",
            f"需要向受理机构证明{THREE_PLACES}：看学习期间的居住、工作或社保记录。",
            f"如果你的{EDUCATION_NAMES[e.level]}（非全日制）符合“三地一致”，从{d.isoformat()}起计分，"
            "其他情况同“按现在的情况继续”。",
            d, _with(same, d, lambda q: replace(
                q, education=replace(q.education, study_place_consistent=True))),
        ))
    order = list(EDUCATION_NAMES)
    if order.index(e.level) < order.index("bachelor_with_degree"):
        rid = "education_bachelor"
        param = "planner.expected_months.education"
        starts, whose = _from_day(d, expected, rid, param)
        upgraded = replace(e, level="bachelor_with_degree", full_time=False,
                           study_place_consistent=True, top_up_combined=False)
        routes.append(Route(
            rid, "education", "取得本科学历和学士学位",
            f"需要取得本科学历和学士学位，非全日制学历须{THREE_PLACES}才计分。{_effort(param, d)}",
            f"从{starts.isoformat()}起持有国家承认的本科学历和学士学位（非全日制，三地一致）"
            f"{whose}，其他情况同“按现在的情况继续”。",
            # the new education replaces the old one (and what went with it, such as a
            # full-time graduate's bonus), so it may score less on some line
            starts, _with(same, starts, lambda q: replace(q, education=upgraded)),
            adds_only=False,
        ))
    return routes


def base_routes(p: Profile, timeline: Profile, latest: Fraction | None,
                base_from: dict[str, int]) -> list[Route]:
    d = p.as_of
    routes = []
    scale = value("insurance_base.scale", d)
    for position, bracket in enumerate(scale):
        multiple = exact(bracket["multiple"])
        if latest is not None and latest >= multiple:
            continue
        rid = f"base_{bracket['multiple']:g}"
        month = base_from.get(rid, month_of(d))
        paying = _paying(timeline, multiple, month)
        top = "（即缴费上限）" if bracket is scale[-1] else ""
        wage = wage_needed(multiple, month)
        routes.append(Route(
            rid, "base",
            f"把缴费基数提高到社平工资的{bracket['multiple']:g}倍",
            f"需要从{month_label(month)}起按社平工资{bracket['multiple']:g}倍{top}缴费，"
            f"最近{bracket['window_months']}个月中满{bracket['months_required']}个月后可得"
            f"{bracket['points']}分。{_said(wage)}",
            f"从{month_label(month)}起按社平工资{bracket['multiple']:g}倍缴纳社保，"
            "其他情况同“按现在的情况继续”。",
            max(d, first_day_of_month(month)), lambda day, base=paying: grown(base(day), day),
            weaker_than=(
                f"base_{scale[position + 1]['multiple']:g}" if position + 1 < len(scale) else None
            ),
            base_multiple=multiple,
            wage=wage,
        ))
    return routes


def key_area_route(p: Profile, timeline: Profile) -> list[Route]:
    if p.key_area is None:
        return []
    return [Route(
        "key_area_years", "key_area", "继续在远郊重点区域工作并居住",
        "需要继续在同一区域工作并居住。",
        "继续在同一区域工作并居住，年限每年加1，其他情况同“按现在的情况继续”。",
        p.as_of, lambda day: grown(timeline, day, grow_years=True), grow_years=True,
    )]
