"""A readable Chinese breakdown of a result (and of a plan) for the command line."""

from __future__ import annotations

from . import vocabulary
from .indicators import BY_ID

# The groups of lines; the eligibility and the vetoes follow them, as conditions.
GROUP_TITLES = {
    group: title for group, title in vocabulary.names("groups", "title").items()
    if group in ("base", "bonus", "deduction")
}
SHORT = vocabulary.names("groups", "short")


def explain_result(result: dict) -> str:
    out = [
        result["headline"],
        f"评估日：{result['as_of']}　规则版本：{result['rules_version']}",
        "",
    ]
    for group, title in GROUP_TITLES.items():
        lines = [ln for ln in result["lines"] if ln["group"] == group]
        subtotal = sum(ln["points"] for ln in lines)
        out.append(f"【{title}】小计 {subtotal} 分")
        for ln in lines:
            if group != "base" and not ln["raw_points"]:
                continue
            note = (
                ""
                if ln["points"] == ln["raw_points"]
                else f"（不计入，单独可得{ln['raw_points']}分）"
            )
            out.append(f"  {ln['label']}：{ln['points']}分{note}")
            out.append(f"    {ln['explanation']}")
            out.append(f"    依据：{ln['source']}")
            for d in ln["decisions"]:
                out.append(f"    本站解释（{d['id']}）：{d['text']}")
        folded = [ln["label"] for ln in lines if group != "base" and not ln["raw_points"]]
        if folded:
            out.append(f"  未得分：{'、'.join(folded)}")
        out.append("")
    elig = result["eligibility"]
    out.append(f"【{BY_ID['eligibility'].label}】{elig['explanation']}")
    for veto in result["vetoes"]:
        out.append(f"【{SHORT['veto']}】{veto['text']}（{veto['source']}）")
    for warning in result["warnings"]:
        out.append(f"【提示】{warning['text']}")
    out.append(f"合计：{result['total']}分（标准分值{result['standard']}分）")
    floored = result.get("total_floor")
    if floored:
        out.append(f"  {floored['text']}")
        out.append(f"  本站解释（{floored['decision']['id']}）：{floored['decision']['text']}")
    return "\n".join(out)


def _route(route: dict, standard: int) -> list[str]:
    when = route["reaches_standard_on"]
    head = (f"{route['reach_note']}（届时{route['total']}分）" if route.get("reach_note")
            else f"预计{when}达到{standard}分（届时{route['total']}分）" if when
            else f"到{route['total_on']}仍达不到{standard}分（届时{route['total']}分）")
    out = [f"- {route['title']}：{head}"]
    if route["meets_target"] is not None:
        out[0] += "，赶得上截止日期" if route["meets_target"] else "，赶不上截止日期"
    if route.get("deadline_note"):
        out.append(f"    截止日期：{route['deadline_note']}")
    out.append(f"    需要：{route['needs']}")
    if route.get("out_of_reach"):
        out.append(f"    暂时做不到：{route['out_of_reach']['why']}")
    out.append(f"    假设：{route['assumption']}")
    return out


def explain_plan(plan: dict) -> str:
    out = [plan["summary"], ""]
    target = plan.get("target")
    if target:
        out.append(f"截止日期：{target['date']}。{target['latest_note']}"
                   f"受理后约需{target['processing_working_days']}个工作日。")
        out.append("")
    for route in [plan["time_only"], *plan["routes"]]:
        out.extend(_route(route, plan["standard"]))
    return "\n".join(out)
