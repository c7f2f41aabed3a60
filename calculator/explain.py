"""A readable Chinese breakdown of a result (and of a plan) for the command line."""

from __future__ import annotations

GROUP_TITLES = {"base": "基础指标", "bonus": "加分指标", "deduction": "减分指标"}


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
    out.append(f"【申请资格】{elig['explanation']}")
    for veto in result["vetoes"]:
        out.append(f"【一票否决】{veto['text']}（{veto['source']}）")
    for warning in result["warnings"]:
        out.append(f"【提示】{warning['text']}")
    out.append(f"合计：{result['total']}分（标准分值{result['standard']}分）")
    return "\n".join(out)


def explain_plan(plan: dict) -> str:
    out = [plan["summary"], ""]
    for s in [plan["time_only"], *plan["suggestions"]]:
        when = s.get("reaches_standard_on") or "（在计算范围内达不到）"
        out.append(f"- {s['title']}：{s['total']}分，达到标准分值的日期 {when}")
        out.append(f"    假设：{s['assumption']}")
    return "\n".join(out)
