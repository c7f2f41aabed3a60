"""The rule of each indicator in Chinese, with the numbers in force on a date.

The same sentences head the indicator tables on the site and the `rule` of every
result line, so a page can never state a number the engine does not use."""

from __future__ import annotations

from datetime import date
from functools import cache

from .rules import citation, epoch, value, value_entry

AREA_NAMES = {"lingang": "临港新片区", "other": "五个新城、南北转型地区等其他重点区域"}


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
        f"技能五级{_v('credential.skill_5', d)}分、四级{_v('credential.skill_4', d)}分、"
        f"三级{_v('credential.skill_3', d)}分；技能二级、中级职称或相当于中级职称的职业资格"
        f"{_v('credential.title_intermediate', d)}分；技能一级或高级职称"
        f"{_v('credential.title_senior', d)}分；初级职称{_v('credential.title_junior', d)}分。"
        f"中级及以上须最近{_v('credential.base_test_window', d)}个月内累计"
        f"{_v('credential.base_test_months', d)}个月缴费基数不低于社平工资"
        f"{_v('credential.base_test_multiple', d):g}倍。与教育背景不累加，取较高者。"
    )


def _insurance_years(d: date) -> str:
    return (
        f"在本市正常缴纳职工社会保险每满1年积{_v('insurance_years.points_per_year', d)}分，"
        "补缴月份不计，不设上限。"
    )


def _flat(param: str, what: str):
    def text(d: date) -> str:
        points = _v(param, d)
        return f"{what}，积{points}分。" if points else "该日期施行的规定中没有这一项。"

    return text


def _investment(d: date) -> str:
    tax = _v("investment.tax_step_cny", d) // 10000
    return (
        f"按本人投资比例折算：最近3年年均纳税每满{tax}万元，或年均聘用本市户籍人员每满"
        f"{_v('investment.employees_step', d)}人，积{_v('investment.points_per_step', d)}分；"
        f"两者取高，最高{_v('investment.cap', d)}分。"
    )


def _insurance_base(d: date) -> str:
    text = (
        f"最近{_v('insurance_base.window_months', d)}个月中累计"
        f"{_v('insurance_base.months_required', d)}个月缴费基数达到社平工资0.8倍、1倍、2倍的，"
        f"分别积{_v('insurance_base.tier_0_8', d)}、{_v('insurance_base.tier_1', d)}、"
        f"{_v('insurance_base.tier_2', d)}分"
    )
    if _v("insurance_base.tier_3", d):
        text += (
            f"；最近{_v('insurance_base.top_window_months', d)}个月中累计"
            f"{_v('insurance_base.top_months_required', d)}个月达到3倍（缴费上限）的，"
            f"积{_v('insurance_base.tier_3', d)}分"
        )
    return text + f"；取最高一档，最高{_v('insurance_base.cap', d)}分，补缴月份不计。"


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


# id, group, label, parameter cited, cap parameter, decisions, conditions, rule text
INDICATORS = [
    (
        "age",
        "base",
        "年龄",
        "age.max_points",
        "age.max_points",
        ["D2"],
        "按评估日的周岁计算。",
        _age,
    ),
    (
        "education",
        "base",
        "教育背景",
        "education.doctor",
        "education.doctor",
        ["D3", "D5"],
        "国家承认的学历学位；非全日制须“三地一致”；专本套读按大专。",
        _education,
    ),
    (
        "credential",
        "base",
        "专业技术职称和技能等级",
        "credential.title_senior",
        "credential.title_senior",
        ["D4", "D5", "D21"],
        "专业、工种须与所聘岗位相符，并在市人社局公布的目录内；需注册的资格须已注册。",
        _credential,
    ),
    (
        "insurance_years",
        "base",
        "在本市工作及缴纳职工社会保险年限",
        "insurance_years.points_per_year",
        None,
        ["D6"],
        "只计本市职工社会保险；缴费单位须与劳动合同单位一致。",
        _insurance_years,
    ),
    (
        "entrepreneur",
        "bonus",
        "创业人才",
        "entrepreneur.points",
        "entrepreneur.points",
        ["D16"],
        "条件由市科委会同有关部门确定。",
        _flat("entrepreneur.points", "符合创业人才条件"),
    ),
    (
        "intermediary",
        "bonus",
        "创新创业中介服务人才",
        "intermediary.points",
        "intermediary.points",
        ["D16"],
        "条件由市科委会同有关部门确定。",
        _flat("intermediary.points", "符合创新创业中介服务人才条件"),
    ),
    (
        "shortage_major",
        "bonus",
        "紧缺急需专业",
        "shortage_major.points",
        "shortage_major.points",
        ["D9"],
        "专业在紧缺急需专业目录内、与岗位相符，且为全日制学历。",
        _flat("shortage_major.points", "所学专业属于紧缺急需专业且从事相关工作"),
    ),
    (
        "investment",
        "bonus",
        "投资纳税或带动本地就业",
        "investment.cap",
        "investment.cap",
        ["D10"],
        "按本人在所投资企业的出资比例折算。",
        _investment,
    ),
    (
        "insurance_base",
        "bonus",
        "缴纳职工社会保险费基数",
        "insurance_base.cap",
        "insurance_base.cap",
        ["D7"],
        "缴费基数须与个人所得税申报收入相匹配。",
        _insurance_base,
    ),
    (
        "public_service",
        "bonus",
        "特定的公共服务领域",
        "public_service.points_per_year",
        None,
        ["D11"],
        "领域范围由市政府确定，目前可知为环卫。",
        _public_service,
    ),
    (
        "key_area",
        "bonus",
        "远郊重点区域",
        "key_area.cap",
        "key_area.cap",
        ["D12", "D23"],
        "须在区域内工作并居住；临港新片区须经新片区人才服务窗口推荐。",
        _key_area,
    ),
    (
        "fresh_graduate",
        "bonus",
        "全日制应届毕业生",
        "fresh_graduate.points",
        "fresh_graduate.points",
        ["D13"],
        "全日制大专及以上，毕业当年申请；只能加一次。",
        _flat("fresh_graduate.points", "全日制大专及以上应届毕业生"),
    ),
    (
        "award",
        "bonus",
        "表彰奖励",
        "award.national",
        "award.national",
        ["D14"],
        "在本市工作期间获得，且在市政府公布的表彰奖励目录内。",
        _award,
    ),
    (
        "spouse",
        "bonus",
        "配偶为本市户籍人员",
        "spouse.cap",
        "spouse.cap",
        ["D15"],
        "配偶须持本市户籍。",
        _spouse,
    ),
    (
        "false_materials",
        "deduction",
        "提供虚假材料",
        "deduction.false_materials_points",
        None,
        ["D17"],
        "在积分申请中提供虚假材料。",
        _deduction("false_materials", "提供虚假材料"),
    ),
    (
        "detention",
        "deduction",
        "行政拘留",
        "deduction.detention_points",
        None,
        ["D17"],
        "受过行政拘留处罚。",
        _deduction("detention", "受过行政拘留"),
    ),
    (
        "crime",
        "deduction",
        "一般刑事犯罪",
        "deduction.crime_points",
        None,
        ["D17"],
        "有一般刑事犯罪记录。",
        _deduction("crime", "有一般刑事犯罪记录"),
    ),
    (
        "serious_crime",
        "veto",
        "严重刑事犯罪记录",
        "veto.serious_crime",
        None,
        ["D18"],
        "一票否决。",
        lambda d: "有严重刑事犯罪记录的，不予积分。",
    ),
    (
        "family_planning",
        "veto",
        "违反计划生育政策",
        "veto.family_planning",
        None,
        ["D18"],
        "一票否决；2025年修订后是否仍有效未确认。",
        lambda d: "有违反国家或本市计划生育政策记录的，不予积分。",
    ),
    (
        "eligibility",
        "eligibility",
        "申请资格",
        "eligibility.months_required",
        None,
        ["D8"],
        "持有效《上海市居住证》，在本市合法稳定就业；外省市分支机构人员除外。",
        _eligibility,
    ),
]

_BY_ID = {row[0]: row for row in INDICATORS}


def rule_text(indicator_id: str, as_of: date) -> str:
    return _rule_text_in_epoch(indicator_id, epoch(as_of))


def rule_source(indicator_id: str, as_of: date) -> str:
    return _rule_source_in_epoch(indicator_id, epoch(as_of))


@cache
def _rule_text_in_epoch(indicator_id: str, day: date) -> str:
    return _BY_ID[indicator_id][7](day)


@cache
def _rule_source_in_epoch(indicator_id: str, day: date) -> str:
    return citation(_BY_ID[indicator_id][3], day)


def rule_decisions(indicator_id: str) -> list[str]:
    return list(_BY_ID[indicator_id][5])


def label(indicator_id: str) -> str:
    return _BY_ID[indicator_id][2]


def indicator_rows(as_of: date) -> list[dict]:
    rows = []
    for ind_id, group, name, param, cap_param, decision_ids, conditions, _text in INDICATORS:
        rows.append(
            {
                "id": ind_id,
                "group": group,
                "label": name,
                "summary": rule_text(ind_id, as_of),
                "cap": value(cap_param, as_of) if cap_param else None,
                "conditions": conditions,
                "source": citation(param, as_of),
                "confidence": value_entry(param, as_of)["confidence"],
                "decisions": list(decision_ids),
            }
        )
    return rows


INDICATOR_GROUPS = {row[0]: row[1] for row in INDICATORS}
