"""A readable Chinese breakdown of a 居转户 result for the command line."""

from __future__ import annotations


def _route(route: dict) -> list[str]:
    if route["earliest_month"] is not None:
        head = "现在即可申报" if route["now"] else f"最早{route['earliest_month']}"
    elif route["if_confirmed_month"] is not None:
        head = f"{route['if_confirmed']}，最早{route['if_confirmed_month']}"
    else:
        head = "按现在的情况继续，看不到可以申报的月份"
    out = [f"  {route['name']}（{route['id']}）：{head}",
           f"    {route['explanation']}"]
    if route["missing"] and route["earliest_month"] is None:
        out.append(f"    现在还差：{'；'.join(route['missing'])}")
    out.append(f"    条件：{route['rule']}")
    out.append(f"    依据：{route['source']}")
    out.append(f"    本站解释：{'、'.join(d['id'] for d in route['decisions'])}")
    return out


def explain_hukou(result: dict) -> str:
    out = [result["headline"], f"评估日：{result['as_of']}　规则版本：{result['rules_version']}",
           result["status"]["text"], "", "【各途径】"]
    for route in result["routes"]:
        out += _route(route)
    if result["to_confirm"]:
        out += ["", "【待你确认】"]
        out += [f"  {asked['question']}（{asked['path']}）" for asked in result["to_confirm"]]
    if result["children"]:
        out += ["", f"【子女随迁】（按{result['children_on']}的周岁）"]
        out += [f"  {child['birth_date']}出生：{child['explanation']}"
                for child in result["children"]]
    out += ["", "【配偶】", f"  {result['spouse']['text']}",
            "", "【办理】", f"  {result['procedure']['text']}",
            "", "【本站不判断的途径】"]
    out += [f"  {item['name']}：{item['text']}" for item in result["not_judged"]]
    for key in ("spouse", "status", "procedure"):
        for d in result[key]["decisions"]:
            out.append(f"本站解释（{d['id']}）：{d['text']}")
    return "\n".join(out)
