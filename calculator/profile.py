"""Read a profile (a JSON-like dict) into typed values, collecting every problem.

The format is documented in docs/profile.md."""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from . import rules, vocabulary
from .dates import (
    full_years,
    month_label,
    month_of,
    today_in_shanghai,
)
from .decisions import skill_levels_words
from .errors import Problems
from .parse import (
    Unreadable,
    read_amount,
    read_count,
    read_date,
    read_month,
    read_multiple,
)
from .yardstick import ceiling_multiple, first_month

EDUCATION_LEVELS = vocabulary.ids("education_levels")
TITLE_LEVELS = vocabulary.ids("title_levels")
SKILL_LEVELS = vocabulary.ids("skill_levels")
CREDENTIAL_TYPES = vocabulary.ids("credential_types")
OVERSEAS_CATEGORIES = vocabulary.ids("overseas_categories")
OVERSEAS_LEVELS = vocabulary.ids("overseas_levels")
OVERSEAS_NAME_MAX = vocabulary.limit("overseas_name_max")
AWARDS = vocabulary.ids("awards")
KEY_AREAS = vocabulary.ids("key_areas")
FLAGS = (
    "shortage_major",
    "fresh_graduate",
    "entrepreneur",
    "intermediary",
    "serious_crime",
    "family_planning_violation",
)
EVENT_LISTS = ("false_materials", "detentions", "crimes")
# The profile format's version: absent means 1 (every profile, share link and saved copy
# made before "version" existed); 2 adds overseas credentials. A version-1 profile reads
# and scores exactly as before, since 2 only adds fields.
PROFILE_VERSION = 2
PROFILE_VERSIONS = (1, 2)
NEWER_VERSION_ZH = (
    "这个链接或保存的内容来自本站更新的版本（格式第{version}版），请刷新页面后再打开；"
    "如仍无法打开，请重新填写。"
)
UNREADABLE_VERSION_ZH = (
    "格式版本“{shown}”无法识别（应为整数" + "或".join(str(v) for v in PROFILE_VERSIONS)
    + "），这个链接或保存的内容可能已损坏，请重新填写。"
)
TOP_KEYS = {
    "version",
    "as_of",
    "birth_date",
    "education",
    "credentials",
    "insurance",
    *FLAGS,
    "investment",
    "public_service_years",
    "key_area",
    "award",
    "spouse",
    *EVENT_LISTS,
    "plan",  # the planner's options (calculator.planner); scoring ignores them
}
CREDENTIAL_KEYS = {
    "title": {"type", "level", "job_match"},
    "qualification": {"type", "name", "job_match", "registered"},
    "skill": {
        "type",
        "level",
        "occupation",
        "job_match",
        "obtained_in_shanghai",
        "verified_in_shanghai",
    },
    "overseas": {"type", "category", "level", "name", "job_match"},
}

# What a confirmation only the person can give (三地一致, job match, registered, verified)
# means when left out. Version 1 assumed the answer; from version 2 a left-out confirmation
# is unanswered (None): it counts for nothing and the result asks for it (calculator.confirm).
ASSUMED = {
    1: {"study_place_consistent": True, "job_match": True, "registered": True,
        "verified_in_shanghai": False},
    2: dict.fromkeys(("study_place_consistent", "job_match", "registered",
                      "verified_in_shanghai")),
}
EDUCATION_KEYS = {"level", "full_time", "study_place_consistent", "top_up_combined"}
PERIOD_KEYS = {
    "from",
    "to",
    "base_multiple",
    "base_cny",
    "back_pay",
    "employer_matches",
    "base_matches_tax",
}


@dataclass(frozen=True)
class Education:
    level: str = "none"
    full_time: bool = True
    study_place_consistent: bool | None = True  # None: not answered yet
    top_up_combined: bool = False


@dataclass(frozen=True)
class Credential:
    type: str
    # "junior"… for titles, "intermediate"/"senior" for overseas, 1–5 for skills,
    # None for qualifications
    level: object
    name: str | None = None  # qualification name, skill occupation or overseas certificate
    job_match: bool | None = True  # None: not answered yet (also the next two)
    registered: bool | None = True
    obtained_in_shanghai: bool = True
    verified_in_shanghai: bool | None = False
    category: str | None = None  # overseas: the recognition list's category "A"/"B"/"C"


@dataclass(frozen=True)
class Period:
    start: int  # month index
    end: int | None  # month index; None = still paying
    base_multiple: Fraction | None
    base_cny: Fraction | None
    back_pay: bool
    employer_matches: bool = True  # 缴费单位与劳动合同单位一致 (D26)
    base_matches_tax: bool = True  # 缴费基数与个税申报收入相符 (D26)


@dataclass(frozen=True)
class Investment:
    share: Fraction
    avg_annual_tax_cny: Fraction
    avg_hukou_employees: Fraction


@dataclass(frozen=True)
class Profile:
    as_of: date
    birth_date: date
    education: Education
    credentials: tuple[Credential, ...]
    insurance: tuple[Period, ...]
    flags: dict = field(default_factory=dict)
    investment: Investment | None = None
    public_service_years: int = 0
    key_area: tuple[str, int] | None = None
    award: str = "none"
    married_on: date | None = None
    events: dict = field(default_factory=dict)


# How the problem messages name the options of a choice (never the internal values).
OPTION_NAMES = {
    EDUCATION_LEVELS: tuple(vocabulary.names("education_levels").values()),
    TITLE_LEVELS: tuple(vocabulary.names("title_levels").values()),
    AWARDS: tuple(vocabulary.names("awards").values()),
    KEY_AREAS: tuple(vocabulary.names("key_areas", "option").values()),
}


def _one_of(kind: str, last: str = "或") -> str:
    """The names of a list of choices as a choice in words: A类、B类或C类."""
    words = list(vocabulary.names(kind).values())
    return "、".join(words[:-1]) + last + words[-1]


def _type_zh(expected: str) -> str:
    return {
        "object": "对象（{…}）",
        "list": "列表（[…]）",
        "boolean": "true 或 false",
        "string": "文字",
        "number": "数字，如 0.5 或 12",
        "integer": "整数，如 3",
    }.get(expected, expected)


class _Reader:
    """Typed access to one JSON object, reporting problems under its path."""

    def __init__(self, problems: Problems, data: dict, path: str, allowed: set[str]):
        self.problems, self.data, self.path = problems, data, path
        for key in data:
            if key not in allowed:
                self.problems.add(
                    self.at(key),
                    f"不认识的字段“{key}”，请检查拼写。",
                    f"unknown field '{key}'; allowed: {', '.join(sorted(allowed))}",
                )

    def at(self, key) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else str(key)

    def wrong(self, key: str, expected: str, detail_en: str | None = None) -> None:
        self.problems.add(
            self.at(key),
            f"应为{_type_zh(expected)}。",
            detail_en or f"expected {expected}",
        )

    def get(self, key: str, kind: str, default=None, required: bool = False):
        if key not in self.data or self.data[key] is None:
            if required:
                self.problems.add(self.at(key), "必须填写。", "required")
            return default
        raw = self.data[key]
        checks = {
            "boolean": lambda v: isinstance(v, bool),
            "string": lambda v: isinstance(v, str),
            "object": lambda v: isinstance(v, dict),
            "list": lambda v: isinstance(v, list),
            "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: (
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
            ),
        }
        if not checks[kind](raw):
            self.wrong(key, kind)
            return default
        return raw

    def date(self, key: str, required: bool = False) -> date | None:
        raw = self.get(key, "string", required=required)
        return self.parse_date(raw, self.at(key)) if raw is not None else None

    def parse_date(self, raw, path: str) -> date | None:
        if not isinstance(raw, str):
            self.problems.add(path, "应为日期，如 1995-03-08 或 1995年3月8日。",
                              "expected a date YYYY-MM-DD")
            return None
        try:
            return read_date(raw)
        except Unreadable as error:
            self.problems.add(path, error.reason, f"'{raw}' is not a valid date YYYY-MM-DD")
            return None

    def choice(self, key: str, options: tuple, default: str) -> str:
        raw = self.get(key, "string", default)
        if raw not in options:
            self.problems.add(
                self.at(key),
                f"“{raw}”不是可选的值，请选择：{'、'.join(OPTION_NAMES.get(options, options))}。",
                f"'{raw}' is not one of {', '.join(options)}",
            )
            return default
        return raw

    def amount(self, key: str, low=0, high=None, default=0, required=False,
               read=None) -> Fraction:
        """A number; with `read` (calculator.parse.read_amount, read_multiple) also the text
        a person typed, such as 1.5万 or 0.8倍."""
        if read is not None and isinstance(self.data.get(key), str):
            try:
                raw = read(self.data[key])
            except Unreadable as error:
                self.problems.add(self.at(key), error.reason, f"'{key}' is not a number")
                return Fraction(default)
        else:
            raw = self.get(key, "number", None, required)
        if raw is None:
            return Fraction(default)
        if raw < low or (high is not None and raw > high):
            limit_zh = f"{low}至{high}之间" if high is not None else f"不小于{low}"
            limit_en = f"between {low} and {high}" if high is not None else f">= {low}"
            self.problems.add(self.at(key), f"应在{limit_zh}。", f"must be {limit_en}")
            return Fraction(default)
        return Fraction(str(raw)) if isinstance(raw, float) else Fraction(raw)

    def count(self, key: str) -> int:
        """Whole years (0–100), as a number or as typed: 3, 3年."""
        if isinstance(self.data.get(key), str):
            try:
                raw = read_count(self.data[key], "年")
            except Unreadable as error:
                self.problems.add(self.at(key), error.reason, f"'{key}' is not a whole number")
                return 0
        else:
            raw = self.get(key, "integer", 0)
        top = vocabulary.limit("years_max")
        if raw < 0 or raw > top:
            self.problems.add(self.at(key), f"应为0至{top}之间的整数（年）。",
                              f"must be 0-{top} (years)")
            return 0
        return raw


def _object(problems: Problems, raw, path: str) -> dict | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.add(path, "应为对象（{…}）。", "expected an object")
        return None
    return raw


def _education(problems: Problems, raw, version: int) -> Education:
    data = _object(problems, raw, "education")
    if data is None:
        return Education()
    r = _Reader(
        problems,
        data,
        "education",
        EDUCATION_KEYS,
    )
    return Education(
        level=r.choice("level", EDUCATION_LEVELS, "none"),
        full_time=r.get("full_time", "boolean", True),
        study_place_consistent=r.get(
            "study_place_consistent", "boolean", ASSUMED[version]["study_place_consistent"]
        ),
        top_up_combined=r.get("top_up_combined", "boolean", False),
    )


def _credential(problems: Problems, raw, path: str, version: int) -> Credential | None:
    data = _object(problems, raw, path)
    if data is None:
        return None
    kind = data.get("type")
    allowed = CREDENTIAL_KEYS
    if not isinstance(kind, str) or kind not in allowed:
        problems.add(
            f"{path}.type",
            f"证书类别无法识别，请选择：{_one_of('credential_types', '，或')}。",
            "type must be one of " + ", ".join(f"'{t}'" for t in CREDENTIAL_TYPES),
        )
        return None
    r = _Reader(problems, data, path, allowed[kind])
    assumed = ASSUMED[version]
    job_match = r.get("job_match", "boolean", assumed["job_match"])
    if kind == "title":
        return Credential("title", r.choice("level", TITLE_LEVELS, "junior"), job_match=job_match)
    if kind == "qualification":
        name = r.get("name", "string", "", required=True)
        if "name" in data and isinstance(data["name"], str) and not name.strip():
            problems.add(f"{path}.name", "请填写职业资格名称。", "name must not be empty")
        return Credential(
            "qualification",
            None,
            name.strip(),
            job_match,
            registered=r.get("registered", "boolean", assumed["registered"]),
        )
    if kind == "overseas":
        return _overseas(problems, r, path, job_match)
    level = r.get("level", "integer", None, required=True)
    if level is not None and level not in SKILL_LEVELS:
        low, high = min(SKILL_LEVELS), max(SKILL_LEVELS)
        top = vocabulary.entry("skill_levels", low)["worker"]
        problems.add(
            f"{path}.level",
            f"技能等级应为{low}至{high}的整数（{low}为{top}）。",
            f"skill level must be an integer {low}-{high}",
        )
        level = None
    occupation = r.get("occupation", "string", None)
    named = _levels_needing_occupation()
    if level is not None and level in named and not (occupation or "").strip():
        problems.add(
            f"{path}.occupation",
            f"技能{skill_levels_words(named)}须填写职业（工种）名称。",
            "occupation is required for skill levels "
            + ", ".join(str(n) for n in sorted(named)),
        )
    return Credential(
        "skill",
        level or 5,
        (occupation or "").strip() or None,
        job_match,
        obtained_in_shanghai=r.get("obtained_in_shanghai", "boolean", True),
        verified_in_shanghai=r.get(
            "verified_in_shanghai", "boolean", assumed["verified_in_shanghai"]
        ),
    )


def _levels_needing_occupation() -> set[int]:
    """The skill levels that need an occupation of the catalogue on some day (the profile is
    read before the day it is scored on is known)."""
    return {level for levels in rules.all_values("credential.skill_catalogue_levels")
            for level in levels or ()}


def _overseas(
    problems: Problems, r: _Reader, path: str, job_match: bool | None
) -> Credential | None:
    """An overseas occupational qualification on the recognition list (D25)."""
    data = r.data
    category = data.get("category")
    if category not in OVERSEAS_CATEGORIES:
        shown = f"“{str(category)[:20]}”不是清单类别；" if category is not None else ""
        problems.add(
            f"{path}.category",
            f"{shown}请选择证书在境外职业资格证书认可清单中的类别：{_one_of('overseas_categories')}。",
            "category is required and must be one of " + ", ".join(OVERSEAS_CATEGORIES),
        )
    level = data.get("level")  # optional: without it the credential scores as 中级 (D25)
    if level is not None and level not in OVERSEAS_LEVELS:
        problems.add(
            f"{path}.level",
            f"“{str(level)[:20]}”不是可选的等级；认可清单所列对应的国内职称等级请选择"
            f"{_one_of('overseas_levels')}，不确定的可以不选（按中级计）。",
            "level must be one of " + ", ".join(OVERSEAS_LEVELS) + " (or left out)",
        )
    name = r.get("name", "string", None)
    name = (name or "").strip() or None
    if name is not None and len(name) > OVERSEAS_NAME_MAX:
        problems.add(
            f"{path}.name",
            f"证书名称太长，请写在{OVERSEAS_NAME_MAX}个字以内（只用于在计算过程中显示）。",
            f"name must be at most {OVERSEAS_NAME_MAX} characters",
        )
        name = None
    if category not in OVERSEAS_CATEGORIES or (level is not None and level not in OVERSEAS_LEVELS):
        return None
    return Credential("overseas", level, name, job_match, category=category)


def _period(problems: Problems, raw, path: str) -> Period | None:
    data = _object(problems, raw, path)
    if data is None:
        return None
    r = _Reader(problems, data, path, PERIOD_KEYS)
    months = []
    for key, required in (("from", True), ("to", False)):
        text = r.get(key, "string", None, required=required)
        month = None
        if text is not None:
            try:
                month = read_month(text)
            except Unreadable as error:
                problems.add(r.at(key), error.reason, f"'{text}' is not a month YYYY-MM")
        months.append(month)
    start, end = months
    if start is not None and end is not None and end < start:
        problems.add(r.at("to"), "结束月份早于开始月份：请填开始月份当月或以后的月份，"
                     "仍在缴纳请留空。", "'to' is before 'from'")
        return None
    has_multiple, has_cny = data.get("base_multiple") is not None, data.get("base_cny") is not None
    # At the field that must change: the yuan field when both are filled, else the multiple.
    if has_multiple and has_cny:
        problems.add(r.at("base_cny"), "缴费基数只填一项：已填了社平工资的倍数，请清空这里的元数"
                     "（或清空倍数，只留元数）。", "give only one of base_multiple and base_cny")
    elif not has_multiple and not has_cny:
        problems.add(r.at("base_multiple"), "请填写这段的缴费基数：社平工资的倍数（如 1 或 0.8），"
                     "或在下一项填每月多少元（如 15000）。", "give base_multiple or base_cny")
    multiple = cny = None
    if has_multiple and not has_cny:
        multiple = r.amount("base_multiple", low=0, high=ceiling_multiple(), default=-1,
                            read=read_multiple)
        if multiple == 0:
            problems.add(r.at("base_multiple"), "缴费基数倍数应大于0。", "must be greater than 0")
    if has_cny and not has_multiple:
        cny = r.amount("base_cny", low=0, high=vocabulary.limit("base_cny_max"), default=-1,
                       read=read_amount)
        if cny == 0:
            problems.add(r.at("base_cny"), "缴费基数应大于0元。", "must be greater than 0")
    back_pay = r.get("back_pay", "boolean", False)
    employer_matches = r.get("employer_matches", "boolean", True)
    base_matches_tax = r.get("base_matches_tax", "boolean", True)
    if start is None or (multiple is None and cny is None) or (multiple or cny or 0) <= 0:
        return None
    return Period(start, end, multiple, cny, back_pay, employer_matches, base_matches_tax)


def _check_overlaps(problems: Problems, periods: list[tuple[int, Period]], last: int) -> None:
    spans = sorted((p.start, p.end if p.end is not None else last, i) for i, p in periods)
    for (_s1, e1, i1), (s2, _e2, i2) in itertools.pairwise(spans):
        if s2 <= e1:
            problems.add(
                f"insurance[{i2}]",
                f"与第{i1 + 1}段缴费时间重叠（{month_label(s2)}），同一月份只能填写一次。",
                f"overlaps insurance[{i1}] in {month_label(s2)}",
            )


def _check_yardsticks(problems: Problems, periods, as_of: date) -> None:
    """A base in yuan needs a yardstick in every month a line compares it in. Months before
    the first row of yardsticks.toml have none; months after the newest row are estimated
    with it (D24) and need nothing."""
    horizon = max(
        *(b["window_months"] for b in rules.value("insurance_base.scale", as_of)),
        rules.value("credential.base_test_window", as_of),
    )
    first, last = month_of(as_of) - horizon, month_of(as_of) - 1
    known = first_month()
    for i, p in periods:
        if p.base_cny is None or p.back_pay or not (p.employer_matches and p.base_matches_tax):
            continue
        until = min(p.end if p.end is not None else last, last)
        start, end = max(p.start, first), min(until, known - 1)
        if start > end:
            continue
        span = month_label(start) if start == end else f"{month_label(start)}至{month_label(end)}"
        split = f"，或把{month_label(known)}及以后另填一段按元填写" if until >= known else ""
        problems.add(
            f"insurance[{i}].base_cny",
            f"{span}早于本站最早的社平工资数据（{month_label(known)}起），无法把元换算成倍数。"
            f"请改填缴费基数是社平工资的几倍{split}。",
            f"no yardstick before {month_label(known)} ({span.replace('至', '..')}); "
            "give base_multiple for these months",
        )


def _events(r: _Reader, key: str) -> tuple[date, ...]:
    items = r.get(key, "list", [])
    days = []
    for i, raw in enumerate(items):
        day = r.parse_date(raw, f"{key}[{i}]")
        if day is not None:
            days.append(day)
    return tuple(days)


def _check_version(problems: Problems, found) -> None:
    if found is None or (type(found) is int and found in PROFILE_VERSIONS):
        return
    if type(found) is int and found > PROFILE_VERSION:
        problems.add(
            "version",
            NEWER_VERSION_ZH.format(version=found),
            f"profile format version {found} is newer than this engine's "
            f"({PROFILE_VERSION}); reload the page",
        )
        return
    shown = (found if isinstance(found, str) else json.dumps(found, ensure_ascii=False))[:20]
    problems.add(
        "version",
        UNREADABLE_VERSION_ZH.format(shown=shown),
        "version must be an integer, " + " or ".join(str(v) for v in PROFILE_VERSIONS),
    )


def format_facts() -> dict:
    """What the calculator page must know of the profile format before the engine has loaded
    (a link is read at once): the version it writes, the versions it reads, the messages for
    the others, and the answers version 1 assumed with the education and the credential
    types they belong to. The build writes it into the page (calculator-share.js reads it)."""
    return {
        "version": PROFILE_VERSION,
        "versions": list(PROFILE_VERSIONS),
        "newer": NEWER_VERSION_ZH,
        "unreadable": UNREADABLE_VERSION_ZH,
        "assumed_v1": ASSUMED[1],
        "confirmations": {kind: _confirmations(kind) for kind in ["education", *CREDENTIAL_KEYS]},
    }


def read_profile(raw) -> Profile:
    """Validate `raw` and return a Profile; raises ValidationError listing every problem."""
    problems = Problems()
    if not isinstance(raw, dict):
        problems.add("", "输入应为一个 JSON 对象（{…}）。", "the profile must be a JSON object")
        problems.raise_if_any()
    _check_version(problems, raw.get("version"))
    problems.raise_if_any()  # a profile of another format is not read any further
    r = _Reader(problems, raw, "", TOP_KEYS)

    as_of = r.date("as_of") if raw.get("as_of") is not None else today_in_shanghai()
    if as_of is not None and as_of < rules.first_day():
        problems.add(
            "as_of",
            f"评估日不能早于{rules.first_day().isoformat()}（居住证积分制度从这一天开始施行）。",
            f"as_of must be on or after {rules.first_day().isoformat()} "
            "(the points system started then)",
        )
        as_of = None

    birth = r.date("birth_date", required=True)
    if birth is not None and as_of is not None:
        min_age = rules.value("age.min_age", as_of)
        if birth > as_of:
            problems.add("birth_date", "出生日期晚于评估日。", "birth_date is after as_of")
        elif full_years(birth, as_of) < min_age:
            problems.add(
                "birth_date",
                f"评估日时不满{min_age}周岁，无法计算积分。",
                f"younger than {min_age} on as_of",
            )

    version = raw.get("version") or 1
    education = _education(problems, raw.get("education"), version)

    credentials = []
    for i, item in enumerate(r.get("credentials", "list", [])):
        cred = _credential(problems, item, f"credentials[{i}]", version)
        if cred is not None:
            credentials.append(cred)

    periods = []
    for i, item in enumerate(r.get("insurance", "list", [])):
        period = _period(problems, item, f"insurance[{i}]")
        if period is not None:
            periods.append((i, period))
    if as_of is not None:
        last = max([month_of(as_of) - 1] + [p.start for _, p in periods])
        _check_overlaps(problems, periods, last)
        _check_yardsticks(problems, periods, as_of)

    flags = {name: r.get(name, "boolean", False) for name in FLAGS}

    investment = None
    inv = _object(problems, raw.get("investment"), "investment")
    if inv is not None:
        ir = _Reader(
            problems, inv, "investment", {"share", "avg_annual_tax_cny", "avg_hukou_employees"}
        )
        investment = Investment(
            ir.amount("share", 0, 1, required=True),
            ir.amount("avg_annual_tax_cny", 0, vocabulary.limit("investment_tax_max"),
                      read=read_amount),
            ir.amount("avg_hukou_employees", 0, vocabulary.limit("investment_employees_max"),
                      read=lambda text: read_count(text, "人")),
        )

    key_area = None
    area = _object(problems, raw.get("key_area"), "key_area")
    if area is not None:
        ar = _Reader(problems, area, "key_area", {"area", "years"})
        key_area = (ar.choice("area", KEY_AREAS, "lingang"), ar.count("years"))

    married_on = None
    spouse = _object(problems, raw.get("spouse"), "spouse")
    if spouse is not None:
        sr = _Reader(problems, spouse, "spouse", {"married_on"})
        married_on = sr.date("married_on", required=True)
        if married_on is not None and as_of is not None and married_on > as_of:
            problems.add("spouse.married_on", "结婚日期晚于评估日。", "married_on is after as_of")
        if married_on is not None and birth is not None and married_on < birth:
            problems.add(
                "spouse.married_on", "结婚日期早于出生日期。", "married_on is before birth_date"
            )

    events = {key: _events(r, key) for key in EVENT_LISTS}

    profile_kwargs = dict(
        education=education,
        credentials=tuple(credentials),
        insurance=tuple(p for _, p in periods),
        flags=flags,
        investment=investment,
        public_service_years=r.count("public_service_years"),
        key_area=key_area,
        award=r.choice("award", AWARDS, "none"),
        married_on=married_on,
        events=events,
    )
    problems.raise_if_any()
    return Profile(as_of=as_of, birth_date=birth, **profile_kwargs)


def in_current_version(raw: dict) -> dict:
    """A version-1 profile as version 2, the answers version 1 assumed written out, so that it
    scores the same wherever it is read (a worked example's link into the calculator)."""
    if not isinstance(raw, dict) or raw.get("version") not in (None, 1):
        return raw
    assumed = ASSUMED[1]
    out = {**raw, "version": PROFILE_VERSION}

    def answered(item: dict, keys) -> dict:
        return {**{k: assumed[k] for k in keys if item.get(k) is None}, **{
            k: v for k, v in item.items() if v is not None
        }}

    if isinstance(raw.get("education"), dict):
        out["education"] = answered(raw["education"], _confirmations("education"))
    if isinstance(raw.get("credentials"), list):
        out["credentials"] = [
            answered(c, _confirmations(c.get("type"))) if isinstance(c, dict) else c
            for c in raw["credentials"]
        ]
    return out


def _confirmations(kind) -> list[str]:
    """The confirmations (keys of ASSUMED) the education or a credential of type `kind` has."""
    keys = EDUCATION_KEYS if kind == "education" else CREDENTIAL_KEYS.get(kind, set())
    return sorted(keys & ASSUMED[1].keys())
