"""Read a profile (a JSON-like dict) into typed values, collecting every problem: the person,
the education and the credentials here, the insurance periods in insurance_input; the format's
facts are profile_format's, the typed values profile_types'. The format is documented in
docs/profile.md."""

from __future__ import annotations

from . import rules, vocabulary
from .dates import full_years, month_of, today_in_shanghai
from .decisions import skill_levels_words
from .errors import Problems
from .field_reader import Reader, object_at, one_of, read_events
from .hukou_input import lenient_as_of, points_view, read_facts
from .insurance_input import check_overlaps, check_yardsticks, read_period
from .parse import read_amount, read_count
from .profile_format import (
    ASSUMED,
    CREDENTIAL_KEYS,
    EDUCATION_KEYS,
    EVENT_LISTS,
    FLAGS,
    NEWER_VERSION_ZH,
    PERIOD_KEYS,
    PROFILE_VERSION,
    PROFILE_VERSIONS,
    TOP_KEYS,
    UNREADABLE_VERSION_ZH,
    check_version,
    format_facts,
    in_current_version,
)
from .profile_types import (
    AWARDS,
    CREDENTIAL_TYPES,
    EDUCATION_LEVELS,
    KEY_AREAS,
    OVERSEAS_CATEGORIES,
    OVERSEAS_LEVELS,
    OVERSEAS_NAME_MAX,
    SKILL_LEVELS,
    TITLE_LEVELS,
    Credential,
    Education,
    Investment,
    Period,
    Profile,
)

# What other modules and the tests read from here (the format's facts and the typed values
# live in their own modules).
__all__ = [
    "ASSUMED", "AWARDS", "CREDENTIAL_KEYS", "CREDENTIAL_TYPES", "EDUCATION_KEYS",
    "EDUCATION_LEVELS", "EVENT_LISTS", "FLAGS", "KEY_AREAS", "NEWER_VERSION_ZH",
    "OVERSEAS_CATEGORIES", "OVERSEAS_LEVELS", "OVERSEAS_NAME_MAX", "PERIOD_KEYS",
    "PROFILE_VERSION", "PROFILE_VERSIONS", "SKILL_LEVELS", "TITLE_LEVELS", "TOP_KEYS",
    "UNREADABLE_VERSION_ZH", "Credential", "Education", "Investment", "Period", "Profile",
    "format_facts", "in_current_version", "read_profile",
]


def _education(problems: Problems, raw, version: int) -> Education:
    data = object_at(problems, raw, "education")
    if data is None:
        return Education()
    r = Reader(
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
    data = object_at(problems, raw, path)
    if data is None:
        return None
    kind = data.get("type")
    allowed = CREDENTIAL_KEYS
    if not isinstance(kind, str) or kind not in allowed:
        problems.add(
            f"{path}.type",
            f"证书类别无法识别，请选择：{one_of('credential_types', '，或')}。",
            "type must be one of " + ", ".join(f"'{t}'" for t in CREDENTIAL_TYPES),
        )
        return None
    r = Reader(problems, data, path, allowed[kind])
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
    problems: Problems, r: Reader, path: str, job_match: bool | None
) -> Credential | None:
    """An overseas occupational qualification on the recognition list (D25)."""
    data = r.data
    category = data.get("category")
    if category not in OVERSEAS_CATEGORIES:
        shown = f"“{str(category)[:20]}”不是清单类别；" if category is not None else ""
        problems.add(
            f"{path}.category",
            f"{shown}请选择证书在境外职业资格证书认可清单中的类别：{one_of('overseas_categories')}。",
            "category is required and must be one of " + ", ".join(OVERSEAS_CATEGORIES),
        )
    level = data.get("level")  # optional: without it the credential scores as 中级 (D25)
    if level is not None and level not in OVERSEAS_LEVELS:
        problems.add(
            f"{path}.level",
            f"“{str(level)[:20]}”不是可选的等级；认可清单所列对应的国内职称等级请选择"
            f"{one_of('overseas_levels')}，不确定的可以不选（按中级计）。",
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


def read_profile(raw) -> Profile:
    """Validate `raw` and return a Profile; raises ValidationError listing every problem."""
    problems = Problems()
    if not isinstance(raw, dict):
        problems.add("", "输入应为一个 JSON 对象（{…}）。", "the profile must be a JSON object")
        problems.raise_if_any()
    check_version(problems, raw.get("version"))
    problems.raise_if_any()  # a profile of another format is not read any further
    hukou_facts = read_facts(problems, raw, lenient_as_of(raw))  # version 3 only
    raw = points_view(raw, lenient_as_of(raw))
    r = Reader(problems, raw, "", TOP_KEYS)

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
        period = read_period(problems, item, f"insurance[{i}]")
        if period is not None:
            periods.append((i, period))
    if as_of is not None:
        last = max([month_of(as_of) - 1] + [p.start for _, p in periods])
        check_overlaps(problems, periods, last)
        check_yardsticks(problems, periods, as_of)

    flags = {name: r.get(name, "boolean", False) for name in FLAGS}

    investment = None
    inv = object_at(problems, raw.get("investment"), "investment")
    if inv is not None:
        ir = Reader(
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
    area = object_at(problems, raw.get("key_area"), "key_area")
    if area is not None:
        ar = Reader(problems, area, "key_area", {"area", "years"})
        key_area = (ar.choice("area", KEY_AREAS, "lingang"), ar.count("years"))

    married_on = None
    spouse = object_at(problems, raw.get("spouse"), "spouse")
    if spouse is not None:
        sr = Reader(problems, spouse, "spouse", {"married_on"})
        married_on = sr.date("married_on", required=True)
        if married_on is not None and as_of is not None and married_on > as_of:
            problems.add("spouse.married_on", "结婚日期晚于评估日。", "married_on is after as_of")
        if married_on is not None and birth is not None and married_on < birth:
            problems.add(
                "spouse.married_on", "结婚日期早于出生日期。", "married_on is before birth_date"
            )

    events = {key: read_events(r, key) for key in EVENT_LISTS}

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
        hukou=hukou_facts,
    )
    problems.raise_if_any()
    return Profile(as_of=as_of, birth_date=birth, **profile_kwargs)

