"""The indicators: what each one is called, which group it belongs to, the parameter its
citation comes from, its cap, the interpretations it relies on and its conditions in words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from .rule_text import RULE_TEXTS, THREE_PLACES
from .rules import citation, epoch, value, value_entry
from .scale import scale_cap


@dataclass(frozen=True)
class Indicator:
    id: str
    group: str  # base, bonus, deduction, veto, eligibility
    label: str
    cited: str  # the parameter whose document and article the indicator cites
    cap: Callable[[date], int] | None
    decisions: tuple[str, ...]
    conditions: str


def _param(param_id: str) -> Callable[[date], int]:
    return lambda d: value(param_id, d)


REGISTRY = (
    Indicator("age", "base", "年龄", "age.max_points", _param("age.max_points"), ("D2",),
              "按评估日的周岁计算。"),
    Indicator("education", "base", "教育背景", "education.doctor", _param("education.doctor"),
              ("D3", "D5"), f"国家承认的学历学位；非全日制须{THREE_PLACES}；专本套读按大专。"),
    Indicator("credential", "base", "专业技术职称和技能等级", "credential.title_senior",
              _param("credential.title_senior"), ("D4", "D5", "D21", "D25"),
              "专业、工种须与所聘岗位相符，并在市人社局公布的目录内；需注册的资格须已注册。"),
    Indicator("insurance_years", "base", "在本市工作及缴纳职工社会保险年限",
              "insurance_years.points_per_year", None, ("D6", "D26"),
              "只计本市职工社会保险；缴费单位须与劳动合同单位一致。"),
    Indicator("entrepreneur", "bonus", "创业人才", "entrepreneur.points",
              _param("entrepreneur.points"), ("D16",), "条件由市科委会同有关部门确定。"),
    Indicator("intermediary", "bonus", "创新创业中介服务人才", "intermediary.points",
              _param("intermediary.points"), ("D16",), "条件由市科委会同有关部门确定。"),
    Indicator("shortage_major", "bonus", "紧缺急需专业", "shortage_major.points",
              _param("shortage_major.points"), ("D9",),
              "专业在紧缺急需专业目录内、与岗位相符，且为全日制学历。"),
    Indicator("investment", "bonus", "投资纳税或带动本地就业", "investment.cap",
              _param("investment.cap"), ("D10",), "按本人在所投资企业的出资比例折算。"),
    Indicator("insurance_base", "bonus", "缴纳职工社会保险费基数", "insurance_base.scale",
              scale_cap, ("D7", "D24", "D26"), "缴费基数须与个人所得税申报收入相匹配。"),
    Indicator("public_service", "bonus", "特定的公共服务领域", "public_service.points_per_year",
              None, ("D11",), "领域范围由市政府确定，目前可知为环卫。"),
    Indicator("key_area", "bonus", "远郊重点区域", "key_area.cap", _param("key_area.cap"),
              ("D12", "D23"), "须在区域内工作并居住；临港新片区须经新片区人才服务窗口推荐。"),
    Indicator("fresh_graduate", "bonus", "全日制应届毕业生", "fresh_graduate.points",
              _param("fresh_graduate.points"), ("D13",),
              "全日制大专及以上，毕业当年申请；只能加一次。"),
    Indicator("award", "bonus", "表彰奖励", "award.national", _param("award.national"), ("D14",),
              "在本市工作期间获得，且在市政府公布的表彰奖励目录内。"),
    Indicator("spouse", "bonus", "配偶为本市户籍人员", "spouse.cap", _param("spouse.cap"),
              ("D15",), "配偶须持本市户籍。"),
    Indicator("false_materials", "deduction", "提供虚假材料", "deduction.false_materials_points",
              None, ("D17",), "在积分申请中提供虚假材料。"),
    Indicator("detention", "deduction", "行政拘留", "deduction.detention_points", None,
              ("D17",), "受过行政拘留处罚。"),
    Indicator("crime", "deduction", "一般刑事犯罪", "deduction.crime_points", None, ("D17",),
              "有一般刑事犯罪记录。"),
    Indicator("serious_crime", "veto", "严重刑事犯罪记录", "veto.serious_crime", None, ("D18",),
              "一票否决。"),
    Indicator("family_planning", "veto", "违反计划生育政策", "veto.family_planning", None,
              ("D18",), "一票否决；2025年修订后是否仍有效未确认。"),
    Indicator("eligibility", "eligibility", "申请资格", "eligibility.months_required", None,
              ("D8",), "持有效《上海市居住证》，在本市合法稳定就业；外省市分支机构人员除外。"),
)
BY_ID = {indicator.id: indicator for indicator in REGISTRY}


def rule_text(indicator_id: str, as_of: date) -> str:
    return _rule_text_in_epoch(indicator_id, epoch(as_of))


def rule_source(indicator_id: str, as_of: date) -> str:
    return _rule_source_in_epoch(indicator_id, epoch(as_of))


@cache
def _rule_text_in_epoch(indicator_id: str, day: date) -> str:
    return RULE_TEXTS[indicator_id](day)


@cache
def _rule_source_in_epoch(indicator_id: str, day: date) -> str:
    return citation(BY_ID[indicator_id].cited, day)


def indicators(as_of: date) -> list[dict]:
    """The indicator table in force on `as_of`, as the pages show it."""
    return [
        {
            "id": ind.id,
            "group": ind.group,
            "label": ind.label,
            "summary": rule_text(ind.id, as_of),
            "cap": ind.cap(as_of) if ind.cap else None,
            "conditions": ind.conditions,
            "source": rule_source(ind.id, as_of),
            "confidence": value_entry(ind.cited, as_of)["confidence"],
            "decisions": list(ind.decisions),
        }
        for ind in REGISTRY
    ]
