"""Bonus indicators 一–十 of the 2017 办法 Art. 7."""

from __future__ import annotations

from fractions import Fraction

from . import vocabulary
from .dates import full_years, month_label
from .hukou_input import POINTS_AREA
from .insurance import InsuranceMonths, last_months
from .line import make_line
from .profile import Profile
from .rules import exact, value
from .scale import scale_groups

AWARD_NAMES = vocabulary.names("awards")
AREA_NAMES = vocabulary.names("key_areas")


def _declared(p: Profile, flag: str, what: str) -> dict:
    points = value(f"{flag}.points", p.as_of)
    if not p.flags[flag]:
        return make_line(flag, p.as_of, 0, f"未声明{what}。")
    if points is None:
        return make_line(
            flag, p.as_of, 0, f"已声明{what}，但{p.as_of.isoformat()}施行的规定没有此项。"
        )
    return make_line(flag, p.as_of, points, f"已声明{what}（须经认定） → {points}分。")


def shortage_major_line(p: Profile) -> dict:
    d = p.as_of
    if not p.flags["shortage_major"]:
        return make_line("shortage_major", d, 0, "未声明紧缺急需专业。")
    if p.education.level == "none":
        return make_line(
            "shortage_major", d, 0, "已声明紧缺急需专业，但未填写大专及以上学历，计0分。"
        )
    if not p.education.full_time:
        return make_line("shortage_major", d, 0, "紧缺急需专业只认全日制学历，非全日制计0分。")
    points = value("shortage_major.points", d)
    return make_line(
        "shortage_major",
        d,
        points,
        f"全日制学历，所学专业属紧缺急需专业且与岗位相符 → {points}分。",
    )


def investment_line(p: Profile) -> dict:
    d = p.as_of
    inv = p.investment
    if inv is None:
        return make_line("investment", d, 0, "未填写投资纳税或带动就业情况。")
    step = value("investment.points_per_step", d)
    tax_step, people_step = (
        value("investment.tax_step_cny", d),
        value("investment.employees_step", d),
    )
    cap = value("investment.cap", d)
    tax = inv.share * inv.avg_annual_tax_cny
    people = inv.share * inv.avg_hukou_employees
    tax_points = step * int(tax // tax_step)
    people_points = step * int(people // people_step)
    raw = max(tax_points, people_points)
    points = min(cap, raw)
    share = f"{float(inv.share) * 100:g}%"
    text = (
        f"投资比例{share}：年均纳税{_money(inv.avg_annual_tax_cny)}×{share}＝{_money(tax)} → "
        f"{tax_points}分；年均聘用本市户籍{_num(inv.avg_hukou_employees)}人×{share}＝"
        f"{_num(people)}人 → {people_points}分；取较高者{raw}分"
    )
    text += f"，超过上限按{cap}分计。" if raw > cap else "。"
    return make_line("investment", d, points, text)


def _money(amount: Fraction) -> str:
    return f"{float(amount):,.0f}元"


def _num(amount: Fraction) -> str:
    return f"{float(amount):g}"


def insurance_base_line(p: Profile, months: InsuranceMonths) -> dict:
    d = p.as_of
    points, parts = 0, []
    for group in scale_groups(value("insurance_base.scale", d)):
        window = last_months(d, group[0]["window_months"])
        needed = group[0]["months_required"]
        counts = []
        for bracket in group:
            have = months.count(window, exact(bracket["multiple"]))
            counts.append(f"{bracket['multiple']:g}倍的{have}个月")
            if have >= needed:
                points = max(points, bracket["points"])
        span = f"{month_label(window[0])}至{month_label(window[-1])}（{len(window)}个月）"
        parts.append(f"{span}中基数达到{'、'.join(counts)}（须{needed}个月）")
    text = "；".join(parts)
    if months.back_paid:
        text += "；补缴月份不计"
    widest = last_months(d, max(b["window_months"] for b in value("insurance_base.scale", d)))
    text += "".join(f"；{note}" for note in months.yardstick_notes(widest))
    excluded = months.excluded_note(widest)
    if excluded:
        text += f"；{excluded}"
    return make_line("insurance_base", d, points, f"{text} → {points}分。")


def public_service_line(p: Profile) -> dict:
    d, years = p.as_of, p.public_service_years
    gate, rate = value("public_service.gate_years", d), value("public_service.points_per_year", d)
    if years == 0:
        return make_line("public_service", d, 0, "未填写特定公共服务领域工作年限。")
    if years < gate:
        return make_line("public_service", d, 0, f"工作{years}年，未满{gate}年，暂不计分。")
    return make_line(
        "public_service", d, rate * years, f"工作{years}年 → {rate}×{years}＝{rate * years}分。"
    )


def key_area_line(p: Profile) -> dict:
    d = p.as_of
    if p.key_area is None:
        area = p.hukou.area.area if p.hukou.area is not None else None
        if POINTS_AREA.get(area, "") is None:  # an area only the 居转户 check counts
            name = vocabulary.names("hukou_areas")[area]
            return make_line("key_area", d, 0,
                             f"{name}只用于居转户，不是积分的远郊重点区域，不加分。")
        return make_line("key_area", d, 0, "未填写远郊重点区域工作居住年限。")
    area, years = p.key_area
    name = AREA_NAMES[area]
    if area not in value("key_area.areas", d):
        return make_line("key_area", d, 0, f"{d.isoformat()}施行的规定只对临港计分，{name}不计分。")
    gate = value(f"key_area.{area}_gate_years", d)
    rate, cap = value("key_area.points_per_year", d), value("key_area.cap", d)
    if years < gate:
        return make_line("key_area", d, 0, f"在{name}工作并居住{years}年，未满{gate}年，暂不计分。")
    raw = rate * years
    points = min(cap, raw)
    capped = f"，最高{cap}分 → {points}分" if raw > cap else ""
    return make_line(
        "key_area", d, points, f"在{name}工作并居住{years}年 → {rate}×{years}＝{raw}分{capped}。"
    )


def fresh_graduate_line(p: Profile) -> dict:
    d, e = p.as_of, p.education
    if not p.flags["fresh_graduate"]:
        return make_line("fresh_graduate", d, 0, "未声明为应届毕业生。")
    if e.level == "none" or not e.full_time:
        return make_line("fresh_graduate", d, 0, "应届生加分只适用于全日制大专及以上学历，计0分。")
    points = value("fresh_graduate.points", d)
    return make_line("fresh_graduate", d, points, f"全日制应届毕业生 → {points}分（只能加一次）。")


def award_line(p: Profile) -> dict:
    d = p.as_of
    if p.award == "none":
        return make_line("award", d, 0, "未填写表彰奖励。")
    points = value(f"award.{p.award}", d)
    return make_line("award", d, points, f"{AWARD_NAMES[p.award]} → {points}分。")


def spouse_line(p: Profile) -> dict:
    d = p.as_of
    if p.married_on is None:
        return make_line("spouse", d, 0, "未填写本市户籍配偶。")
    years = full_years(p.married_on, d)
    rate, cap = value("spouse.points_per_year", d), value("spouse.cap", d)
    points = min(cap, rate * years)
    capped = f"，最高{cap}分 → {points}分" if rate * years > cap else ""
    return make_line(
        "spouse",
        d,
        points,
        f"{p.married_on.isoformat()}结婚，到{d.isoformat()}满{years}年 → "
        f"{rate}×{years}＝{rate * years}分{capped}。",
    )


def bonus_lines(p: Profile, months: InsuranceMonths) -> list[dict]:
    return [
        _declared(p, "entrepreneur", "创业人才"),
        _declared(p, "intermediary", "创新创业中介服务人才"),
        shortage_major_line(p),
        investment_line(p),
        insurance_base_line(p, months),
        public_service_line(p),
        key_area_line(p),
        fresh_graduate_line(p),
        award_line(p),
        spouse_line(p),
    ]
