"""Basic indicators: age, education, title/skill credential, social-insurance years.

Just over 300 lines: the four base lines share the education-or-credential choice (the
higher counts) and the base test, so they stay together."""

from __future__ import annotations

import math

from . import catalogues, overseas_list, rules, vocabulary
from .dates import full_years, month_label, month_of
from .decisions import in_words, skill_levels_words
from .insurance import InsuranceMonths, last_months
from .line import make_line
from .profile import Credential, Profile
from .rule_text import THREE_PLACES
from .rules import exact, value

EDUCATION_NAMES = vocabulary.names("education_levels")
TITLE_NAMES = {level: vocabulary.title_name(level) for level in vocabulary.ids("title_levels")}
OVERSEAS_LEVEL_NAMES = vocabulary.names("overseas_levels")
OVERSEAS_WARNING = {
    "code": "overseas_unconfirmed",
    "text": "境外职业资格证书按认可清单计多少分、B类是否计分，官方都没有写明；本站按对应的国内"
    "职业资格或职称估算（未说明等级的按中级），这是本站的解释，请向受理机构确认。",
}
SKILL_NAMES = {level: vocabulary.skill_option(level) for level in vocabulary.ids("skill_levels")}


def age_line(p: Profile, warnings: list) -> dict:
    d = p.as_of
    age = full_years(p.birth_date, d)
    top, floor_points = value("age.max_points", d), value("age.senior_points", d)
    senior_from, senior_to = value("age.senior_from", d), value("age.senior_to", d)
    step = value("age.points_per_year", d)
    full_until = senior_from - math.ceil((top - floor_points) / step)
    said = f"出生于{p.birth_date.isoformat()}，到{d.isoformat()}满{age}周岁"
    if age > senior_to:
        warnings.append(
            {
                "code": "age_over_limit",
                "text": f"规定只给出{senior_to}周岁及以下的年龄分，{age}周岁按0分计。",
            }
        )
        return make_line("age", d, 0, f"{said} → 0分（规定未给出{senior_to}周岁以上的分值）")
    if age >= senior_from:
        points = floor_points
        why = f"{senior_from}至{senior_to}周岁均为{floor_points}分"
    else:
        points = min(top, floor_points + step * (senior_from - age))
        why = (
            f"{full_until}周岁及以下均为满分{top}分"
            if points == top
            else f"{floor_points}＋{step}×({senior_from}－{age})"
        )
    return make_line("age", d, points, f"{said} → {points}分（{why}）")


def education_points(p: Profile) -> tuple[int, str]:
    d, e = p.as_of, p.education
    name = EDUCATION_NAMES[e.level]
    if e.level == "none":
        return 0, f"{name}不计分。"
    level = e.level
    note = ""
    if e.top_up_combined and level in ("bachelor", "bachelor_with_degree"):
        level = "junior_college"
        note = "，专本套读取得的本科按大专计"
    if not e.full_time and e.study_place_consistent is None:
        return 0, f"{name}（非全日制）：尚未确认是否{THREE_PLACES}，暂不计分。"
    if not e.full_time and not e.study_place_consistent:
        return 0, f"{name}（非全日制）：不符合{THREE_PLACES}，不计分。"
    points = value(f"education.{level}", d)
    form = "全日制" if e.full_time else f"非全日制，{THREE_PLACES}"
    return points, f"{name}（{form}）{note} → {points}分。"


def _base_test(p: Profile, months: InsuranceMonths) -> tuple[bool, str]:
    d = p.as_of
    window_len = value("credential.base_test_window", d)
    needed = value("credential.base_test_months", d)
    multiple = exact(value("credential.base_test_multiple", d))
    window = last_months(d, window_len)
    have = months.count(window, multiple)
    span = f"{month_label(window[0])}至{month_label(window[-1])}"
    text = f"{span}有{have}个月基数不低于社平工资{float(multiple):g}倍（须{needed}个月）"
    notes = months.yardstick_notes(window)
    if notes:
        text += f"（{'；'.join(notes)}）"
    excluded = months.excluded_note(window)
    if excluded:
        text += f"，{excluded}"
    return have >= needed, text


def credential_name(c: Credential) -> str:
    """A certificate as the person gave it, in words: 中级职称, 职业资格“注册会计师”,
    技能三级（高级工）“电工”, 技能四级（中级工）证书, 境外职业资格“…”（认可清单A类，…）."""
    named = f"“{c.name}”" if c.name else ""
    if c.type == "title":
        return TITLE_NAMES[c.level]
    if c.type == "qualification":
        return f"职业资格{named}"
    if c.type == "skill":
        return f"技能{SKILL_NAMES[c.level]}{named or '证书'}"
    level = f"，对应国内{OVERSEAS_LEVEL_NAMES[c.level]}职称" if c.level is not None else ""
    return f"境外职业资格{named}（认可清单{c.category}类{level}）"


def _listed_by_sources(c: Credential) -> str:
    """What public sources say of the certificate's categories, when they name it."""
    entry = overseas_list.find(c.name)
    if entry is None:
        return ""
    version = overseas_list.facts()["version"]
    listed = "、".join(f"{x}类" for x in entry["categories"])
    return f"（公开资料称“{entry['name']}”在认可清单{version}版中列{listed}）"


def _overseas(c: Credential, d) -> tuple[str, int | None, str | None]:
    """Name, points and (when it scores nothing) the reason, of an overseas credential (D25):
    the listed categories score as the corresponding domestic qualification (中级) or, when the
    person says the list gives 高级, as a senior title; other categories open 职称比照认定."""
    name = credential_name(c) + _listed_by_sources(c)
    param = "credential.overseas_categories"
    categories = value(param, d)
    if not categories:
        since = rules.in_force_since(param)
        return name, None, (
            f"{name}：认可清单的积分条款首见于{rules.first_document(param)}，本站自{since}起"
            "按境外证书计分，评估日之前计0分。"
        )
    if c.category not in categories:
        listed = in_words(param, categories)
        return name, None, (
            f"{name}：认可清单中{listed}证书按对应的国内职业资格或职称计分；"
            f"{c.category}类证书本身不计分，持证人可申请职称比照认定，认定取得的职称请按职称填写；计0分。"
        )
    if c.level is None:
        senior = level_points("title", "senior", d)
        intermediate = OVERSEAS_LEVEL_NAMES["intermediate"]
        return (name + f"（未说明清单对应的职称等级，按{intermediate}计；"
                f"清单写明对应{TITLE_NAMES['senior']}的，"
                f"可计{senior}分）",
                value("credential.qualification", d), None)
    return name, level_points("title", c.level, d), None


QUALIFICATION_CATALOGUE = vocabulary.names("catalogues")["qualification"]
SKILL_CATALOGUE = vocabulary.names("catalogues")["skill"]


def _not_in_catalogue(name: str, d, catalogue: str) -> str:
    """Why a name is not in a catalogue: an entry of the other catalogue (维修电工 given as a
    qualification), the reason the everyday-names data gives for it (a title's everyday name,
    a certificate that never counts), else that it is not listed."""
    if catalogue == QUALIFICATION_CATALOGUE and (entry := catalogues.find_skill(name)):
        return (f"“{name}”是{SKILL_CATALOGUE}中的职业“{entry['name']}”，不是职业资格，"
                "请改按技能等级证书填写")
    if catalogue == SKILL_CATALOGUE and (entry := catalogues.find_qualification(name)):
        return (f"“{name}”是{QUALIFICATION_CATALOGUE}中的“{entry['name']}”，不是技能等级证书，"
                "请改按职业资格填写")
    known = catalogues.find_not_counted(name, d) or catalogues.find_title_hint(name, d)
    return known["reason"].rstrip("。") if known is not None else f"不在{catalogue}内"


def level_points(kind: str, level, d) -> int:
    """The points of a title ("title") or skill certificate ("skill") of `level`: the
    parameter credential.<kind>_<level> (check() holds every level to having one)."""
    return value(f"credential.{kind}_{level}", d)


def needs_base_test(c: Credential, d) -> bool:
    """Whether a credential scores only with the base test: titles and skill certificates of
    the levels the rules data names, every qualification and overseas credential."""
    if c.type in ("title", "skill"):
        return c.level in value(f"credential.{c.type}_base_test_levels", d)
    return True


def needs_catalogue(level: int, d) -> bool:
    """Whether a skill certificate of `level` needs an occupation of the high-skill catalogue."""
    return level in value("credential.skill_catalogue_levels", d)


def needs_verification(c: Credential, d) -> bool:
    """Whether a credential is a skill certificate obtained outside Shanghai of a level that
    counts once verified in Shanghai (D4): the only case in which verification is asked."""
    return (c.type == "skill" and not c.obtained_in_shanghai
            and c.level in value("credential.skill_outside_levels", d))


def _outside_shanghai(c: Credential, name: str, d) -> str | None:
    """Why a skill certificate obtained outside Shanghai scores nothing (its level does not
    count from outside Shanghai, or it is not, or not yet, verified); None when it may count."""
    counted = value("credential.skill_outside_levels", d)
    if c.level not in counted:
        return (f"{name}在外省市取得：在外省市取得的{skill_levels_words([c.level])}技能证书不计分"
                f"（{skill_levels_words(counted)}须经本市核验后才计分），计0分。")
    if c.verified_in_shanghai is None:
        return f"{name}在外省市取得，尚未确认是否已通过本市核验，暂计0分。"
    if not c.verified_in_shanghai:
        return f"{name}在外省市取得，未经本市核验，计0分。"
    return None


def credential_points(c: Credential, p: Profile, months: InsuranceMonths) -> tuple[int, str]:
    d = p.as_of
    if c.type == "overseas":
        name, points, reason = _overseas(c, d)
        if reason is not None:
            return 0, reason
        needs_base = True
    elif c.type == "title":
        name = credential_name(c)
        points = level_points("title", c.level, d)
        needs_base = needs_base_test(c, d)
    elif c.type == "qualification":
        entry = catalogues.find_qualification(c.name)
        name = credential_name(c)
        if entry is None:
            return 0, f"{name}：{_not_in_catalogue(c.name, d, QUALIFICATION_CATALOGUE)}；计0分。"
        if catalogues.normalise_name(entry["name"]) != catalogues.normalise_name(c.name):
            name += f"（即目录中的“{entry['name']}”）"
        if entry["registration_required"] and c.registered is None:
            return 0, f"{name}须注册后才计分，尚未确认是否已注册，暂计0分。"
        if entry["registration_required"] and not c.registered:
            return 0, f"{name}须注册后才计分，尚未注册，计0分。"
        name += f"（相当于{entry['equivalent_title']}）"
        points, needs_base = value("credential.qualification", d), True
    else:
        name = credential_name(c)
        points = level_points("skill", c.level, d)
        needs_base = needs_base_test(c, d)
        if needs_catalogue(c.level, d) and catalogues.find_skill(c.name or "") is None:
            reason = _not_in_catalogue(c.name or "", d, SKILL_CATALOGUE)
            return 0, f"{name}：{reason}；计0分。"
        if not c.obtained_in_shanghai:
            reason = _outside_shanghai(c, name, d)
            if reason is not None:
                return 0, reason
    if c.job_match is None:
        return 0, f"{name}：尚未确认是否与所聘岗位相符，暂计0分。"
    if not c.job_match:
        return 0, f"{name}与所聘岗位不相符，计0分。"
    if points and needs_base:
        passed, text = _base_test(p, months)
        if not passed:
            return 0, f"{name}：{text}，未达到，计0分。"
        return points, f"{name}：{text} → {points}分。"
    return points, f"{name} → {points}分。"


def education_and_credential_lines(
    p: Profile, months: InsuranceMonths, warnings: list | None = None
) -> list[dict]:
    d = p.as_of
    edu_points, edu_text = education_points(p)
    results = [credential_points(c, p, months) for c in p.credentials]
    best_points = max((pts for pts, _ in results), default=0)
    if results:
        cred_text = " ".join(text for _, text in results)
        if len(results) > 1:
            cred_text += f" 取最好的一项：{best_points}分。"
    else:
        cred_text = "未填写职称、职业资格或技能等级证书。"
    education_counts = edu_points >= best_points
    any_qualification = any(c.type == "qualification" for c in p.credentials)
    any_overseas = any(c.type == "overseas" for c in p.credentials)
    if any_overseas and warnings is not None:
        warnings.append(dict(OVERSEAS_WARNING))
    if education_counts and best_points:
        cred_text += f" 低于或等于教育背景的{edu_points}分，二者只计其一，本项不计入。"
    elif not education_counts:
        edu_text += f" 低于职称技能的{best_points}分，二者只计其一，本项不计入。"
    return [
        make_line(
            "education", d, edu_points if education_counts else 0, edu_text, raw_points=edu_points
        ),
        make_line(
            "credential",
            d,
            0 if education_counts else best_points,
            cred_text,
            decisions=["D4", "D5"]
            + (["D21"] if any_qualification else [])
            + (["D25"] if any_overseas else []),
            raw_points=best_points,
        ),
    ]


def insurance_years_line(p: Profile, months: InsuranceMonths, warnings: list) -> dict:
    d = p.as_of
    count = len(months.normal)
    years = count // 12
    points = value("insurance_years.points_per_year", d) * years
    text = f"{month_label(month_of(d) - 1)}及以前累计正常缴费{count}个月，满{years}年 → {points}分"
    if months.back_paid:
        text += f"（另有补缴{len(months.back_paid)}个月，不计）"
    excluded = months.excluded_note()
    if excluded:
        text += f"；{excluded}"
    if months.has_gaps:
        warnings.append(
            {
                "code": "insurance_gap",
                "text": "社保缴费中间有中断。本站按累计年限计算；也有来源认为须连续缴纳，"
                "若按连续计算，年限可能更少。",
            }
        )
    return make_line("insurance_years", d, points, text + "。")
