"""score(): validate a profile, score every indicator, add up, judge eligibility."""

from __future__ import annotations

from .basic import age_line, education_and_credential_lines, insurance_years_line
from .bonus import bonus_lines
from .confirm import answered_yes, unanswered
from .dates import first_day_of_month, month_label
from .decisions import decision
from .deductions import deduction_lines, floored_total
from .documents import checklist, next_steps
from .indicators import REGISTRY, rule_source
from .insurance import InsuranceMonths, insurance_months, last_months, spans_text
from .profile import Profile, read_profile
from .rules import rules_version, value
from .yardstick import newest, published_through, year_name

# The result's lines: the scored indicators, in the registry's order (vetoes and the
# eligibility are conditions, reported apart).
LINE_ORDER = tuple(ind.id for ind in REGISTRY if ind.group in ("base", "bonus", "deduction"))


def _eligibility(p: Profile, months: InsuranceMonths) -> dict:
    d = p.as_of
    window = last_months(d, value("eligibility.window_months", d))
    needed = value("eligibility.months_required", d)
    have = months.count(window)
    span = f"{month_label(window[0])}至{month_label(window[-1])}"
    met = have >= needed
    excluded = months.excluded_note(window)
    return {
        "met": met,
        "months": have,
        "required": needed,
        "window": [month_label(window[0]), month_label(window[-1])],
        "explanation": f"{span}正常缴纳本市职工社保{have}个月（须{needed}个月）"
        + (f"，{excluded}" if excluded else "")
        + ("，符合申请条件。" if met else "，暂不符合申请条件。"),
        "source": rule_source("eligibility", d),
        "decisions": [decision("D8", d)],
    }


def _vetoes(p: Profile, warnings: list) -> list[dict]:
    found = []
    if p.flags["serious_crime"]:
        found.append(
            {
                "id": "serious_crime",
                "text": "有严重刑事犯罪记录，不能申请积分。",
                "source": rule_source("serious_crime", p.as_of),
            }
        )
    if p.flags["family_planning_violation"]:
        found.append(
            {
                "id": "family_planning",
                "text": "有违反计划生育政策的记录，按规定不能申请积分。",
                "source": rule_source("family_planning", p.as_of),
            }
        )
        warnings.append(
            {
                "code": "family_planning_unconfirmed",
                "text": "2025年修订的细则已不再要求签署计划生育承诺，这一否决项现在是否仍然"
                "有效尚未确认，请以受理机构的答复为准。",
            }
        )
    return found


def _estimated_warning(months: InsuranceMonths, warnings: list) -> None:
    """D24: bases in yuan compared in months whose yardstick is not published yet."""
    estimated = months.estimated_compared()
    if not estimated:
        return
    year = newest()
    unpublished = first_day_of_month(year.end + 1)
    warnings.append(
        {
            "code": "yardstick_estimated",
            "text": f"{unpublished.year}年{unpublished.month}月起的社平工资和缴费上下限尚未公布，"
            f"{spans_text(estimated)}以元填写的基数暂按{year_name(year)}的社平工资"
            f"{year.average_cny:,}元估算。新的数字通常在7至9月公布，并追溯到"
            f"{unpublished.month}月1日执行，届时分数可能变化。",
        }
    )


def _headline(total: int, standard: int, eligible: bool, vetoed: bool) -> str:
    if vetoed:
        return f"按所填信息计算为{total}分，但存在一票否决情形，不能申请积分。"
    if not eligible:
        return f"按所填信息计算为{total}分，但目前还不符合申请条件（社保缴纳月数不足）。"
    if total >= standard:
        return f"你的积分为{total}分，已达到{standard}分标准分值。"
    return f"你的积分为{total}分，距{standard}分标准分值还差{standard - total}分。"


def score_profile(p: Profile, full: bool = True) -> dict:
    """The result for `p`. In full, as a person reads it: each confirmation still unanswered
    listed in `to_confirm` with what answering "yes" would give (found by re-scoring), the
    documents to prepare and the next steps. Otherwise without those three (empty), to compare
    the lines and totals of another day or answer: the plan re-scores hundreds of days."""
    warnings: list[dict] = []
    months = insurance_months(p)
    lines = [
        age_line(p, warnings),
        *education_and_credential_lines(p, months, warnings),
        insurance_years_line(p, months, warnings),
        *bonus_lines(p, months),
        *deduction_lines(p, warnings),
    ]
    assert tuple(line["id"] for line in lines) == LINE_ORDER
    standard = value("standard_score", p.as_of)
    total, floored = floored_total(lines, p.as_of)
    _estimated_warning(months, warnings)
    eligibility = _eligibility(p, months)
    vetoes = _vetoes(p, warnings)
    eligible = eligibility["met"] and not vetoes
    to_confirm = _to_confirm(p, lines, total) if full else []
    headline = _headline(total, standard, eligibility["met"], bool(vetoes))
    if floored:
        headline += floored["text"]
    if to_confirm:
        asks = "；".join(q["question"] for q in to_confirm)
        headline += f"还有{len(to_confirm)}项待你确认（{asks}），确认之前不计入总分。"
    result = {
        "standard": standard,
        "as_of": p.as_of.isoformat(),
        "total": total,
        "total_floor": floored,
        "eligible": eligible,
        "vetoed": bool(vetoes),
        "passes": eligible and total >= standard,
        "headline": headline,
        "to_confirm": to_confirm,
        "lines": lines,
        "eligibility": eligibility,
        "vetoes": vetoes,
        "warnings": warnings,
        "yardstick": published_through(),
        "rules_version": rules_version(),
    }
    result["documents"] = checklist(result, {c.type for c in p.credentials}) if full else []
    result["next_steps"] = next_steps(p.as_of) if full and result["passes"] else []
    return result


def _to_confirm(p: Profile, lines: list[dict], total: int) -> list[dict]:
    """Each unanswered confirmation with the line and total a "yes" would give (with the
    other unanswered confirmations of the same certificate answered "yes" too, since each
    alone may give nothing); the line it changes says so too."""
    found = []
    by_id = {line["id"]: line for line in lines}
    questions = unanswered(p)
    for question in questions:
        together = [q for q in questions if q.subject == question.subject]
        answered = p
        for q in together:
            answered = answered_yes(answered, q)
        yes = score_profile(answered, full=False)
        line = next(ln for ln in yes["lines"] if ln["id"] == question.line)
        condition = "若" + "，且".join(q.yes for q in together)
        found.append({
            "path": question.path,
            "question": question.ask,
            "line": question.line,
            "if_yes": {"condition": condition, "line_points": line["raw_points"],
                       "total": yes["total"]},
            "gain": yes["total"] - total,
        })
        if question is together[0]:
            by_id[question.line]["explanation"] += (
                f"（待确认：{condition}，本项{line['raw_points']}分，总分{yes['total']}分。）"
            )
    return found


def score(profile: dict) -> dict:
    """Score a profile (format: docs/profile.md). Raises ValidationError on bad input."""
    return score_profile(read_profile(profile))
