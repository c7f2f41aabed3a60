"""The rule of each indicator in Chinese, with the numbers in force on a date.

The same sentences head the indicator tables on the site, the `rule` of every result line
and the site's interpretations, so no sentence can state a number the engine does not use."""

from __future__ import annotations

from datetime import date

from . import vocabulary
from .rules import value
from .scale import scale_cap, scale_groups
from .yardstick import ceiling_multiple

AREA_NAMES = vocabulary.names("key_areas")
SKILL = vocabulary.names("skill_levels")  # 五级 … 一级
TITLE = vocabulary.names("title_levels")  # 初级, 中级, 高级
TITLE_NAMES = {level: vocabulary.title_name(level) for level in TITLE}  # 中级职称
THREE_PLACES = vocabulary.term("three_places")  # worded one way everywhere (decision D3)


def _v(param_id: str, as_of: date):
    return value(param_id, as_of)


def _age(d: date) -> str:
    return (
        f"{_v('age.senior_from', d)}至{_v('age.senior_to', d)}周岁"
        f"积{_v('age.senior_points', d)}分；"
        f"{_v('age.senior_from', d)}周岁以下每年轻1岁加{_v('age.points_per_year', d)}分，"
        f"最高{_v('age.max_points', d)}分；{_v('age.senior_to', d)}周岁以上不计分。"
    )


def _education(d: date) -> str:
    return (
        f"大专（高职）{_v('education.junior_college', d)}分，本科{_v('education.bachelor', d)}分，"
        f"本科及学士学位{_v('education.bachelor_with_degree', d)}分，"
        f"硕士研究生学历学位{_v('education.master', d)}分，"
        f"博士研究生学历学位{_v('education.doctor', d)}分；只计最高学历。"
    )


def _credential(d: date) -> str:
    return (
        f"技能{SKILL[5]}{_v('credential.skill_5', d)}分、"
        f"{SKILL[4]}{_v('credential.skill_4', d)}分、"
        f"{SKILL[3]}{_v('credential.skill_3', d)}分；技能{SKILL[2]}、{TITLE_NAMES['intermediate']}"
        f"或相当于{TITLE_NAMES['intermediate']}的职业资格"
        f"{_v('credential.title_intermediate', d)}分；技能{SKILL[1]}或{TITLE_NAMES['senior']}"
        f"{_v('credential.title_senior', d)}分；{TITLE_NAMES['junior']}"
        f"{_v('credential.title_junior', d)}分。"
        f"{TITLE['intermediate']}及以上须最近{_v('credential.base_test_window', d)}个月内累计"
        f"{_v('credential.base_test_months', d)}个月缴费基数不低于社平工资"
        f"{_v('credential.base_test_multiple', d):g}倍。与教育背景不累加，取较高者。"
        + _overseas(d)
    )


def _overseas(d: date) -> str:
    categories = _v("credential.overseas_categories", d)
    if not categories:
        return ""
    return (
        f"列入本市境外职业资格证书认可清单{'、'.join(categories)}类的证书，"
        "按对应的国内职业资格或职称计分，未说明等级的按中级（本站解释，分值未见官方说明）；"
        "C类用于职称比照认定，本身不计分。"
    )


def _insurance_years(d: date) -> str:
    return (
        f"在本市正常缴纳职工社会保险每满1年积{_v('insurance_years.points_per_year', d)}分，"
        "补缴月份不计，不设上限。"
    )


def _flat(param: str, what: str):
    def text(d: date) -> str:
        points = _v(param, d)
        return "该日期施行的规定中没有这一项。" if points is None else f"{what}，积{points}分。"

    return text


def _investment(d: date) -> str:
    tax = _v("investment.tax_step_cny", d) // 10000
    return (
        f"按本人投资比例折算：最近{_v('investment.average_years', d)}年年均纳税每满{tax}万元，"
        "或年均聘用本市户籍人员每满"
        f"{_v('investment.employees_step', d)}人，积{_v('investment.points_per_step', d)}分；"
        f"两者取高，最高{_v('investment.cap', d)}分。"
    )


def _multiple(bracket: dict) -> str:
    top = bracket["multiple"] == ceiling_multiple()
    return f"{bracket['multiple']:g}倍" + ("（缴费上限）" if top else "")


def scale_phrase(scale: list[dict]) -> str:
    """'最近48个月中累计36个月缴费基数达到社平工资0.8倍、1倍、2倍的，分别积25、50、100分；…'"""
    parts = []
    for group in scale_groups(scale):
        head = (
            f"最近{group[0]['window_months']}个月中累计{group[0]['months_required']}个月"
            f"缴费基数达到社平工资{'、'.join(_multiple(b) for b in group)}的，"
        )
        points = "、".join(str(b["points"]) for b in group)
        parts.append(head + (f"分别积{points}分" if len(group) > 1 else f"积{points}分"))
    return "；".join(parts)


def _insurance_base(d: date) -> str:
    return (
        scale_phrase(_v("insurance_base.scale", d))
        + f"；取最高一档，最高{scale_cap(d)}分，补缴月份不计。"
    )


def _public_service(d: date) -> str:
    return (
        f"在特定公共服务领域（如环卫）工作满{_v('public_service.gate_years', d)}年后，"
        f"每满1年积{_v('public_service.points_per_year', d)}分。"
    )


def _key_area(d: date) -> str:
    areas = _v("key_area.areas", d)
    text = f"在{AREA_NAMES['lingang']}工作并居住满{_v('key_area.lingang_gate_years', d)}年后"
    if "other" in areas:
        text += f"（{AREA_NAMES['other']}满{_v('key_area.other_gate_years', d)}年后）"
    return text + (
        f"，每满1年积{_v('key_area.points_per_year', d)}分，最高{_v('key_area.cap', d)}分。"
    )


def _award(d: date) -> str:
    return (
        f"市级专项表彰{_v('award.municipal_special', d)}分，市级综合表彰"
        f"{_v('award.municipal_comprehensive', d)}分，省部级及以上政府表彰"
        f"{_v('award.national', d)}分；只计最高一项。"
    )


def _spouse(d: date) -> str:
    return (
        f"配偶为本市户籍，婚龄每满1年积{_v('spouse.points_per_year', d)}分，"
        f"最高{_v('spouse.cap', d)}分。"
    )


def _deduction(kind: str, what: str):
    def text(d: date) -> str:
        points = -_v(f"deduction.{kind}_points", d)
        return f"{_v(f'deduction.{kind}_years', d)}年内{what}的，每次减{points}分。"

    return text


def _eligibility(d: date) -> str:
    return (
        f"申请当月之前{_v('eligibility.window_months', d)}个月内正常缴纳本市职工社会保险满"
        f"{_v('eligibility.months_required', d)}个月（补缴不算）。"
    )


def _fixed(text: str):
    return lambda d: text


# indicator id -> its rule in words on a date (the registry is calculator.indicators)
RULE_TEXTS = {
    "age": _age,
    "education": _education,
    "credential": _credential,
    "insurance_years": _insurance_years,
    "entrepreneur": _flat("entrepreneur.points", "符合创业人才条件"),
    "intermediary": _flat("intermediary.points", "符合创新创业中介服务人才条件"),
    "shortage_major": _flat("shortage_major.points", "所学专业属于紧缺急需专业且从事相关工作"),
    "investment": _investment,
    "insurance_base": _insurance_base,
    "public_service": _public_service,
    "key_area": _key_area,
    "fresh_graduate": _flat("fresh_graduate.points", "全日制大专及以上应届毕业生"),
    "award": _award,
    "spouse": _spouse,
    "false_materials": _deduction("false_materials", "提供虚假材料"),
    "detention": _deduction("detention", "受过行政拘留"),
    "crime": _deduction("crime", "有一般刑事犯罪记录"),
    "serious_crime": _fixed("有严重刑事犯罪记录的，不予积分。"),
    "family_planning": _fixed("有违反国家或本市计划生育政策记录的，不予积分。"),
    "eligibility": _eligibility,
}
