"""Deductions (2017 办法 Art. 8): each record inside its window counts; and the total the
lines add up to, floored (D19)."""

from __future__ import annotations

from .dates import add_years
from .decisions import decision
from .line import make_line
from .profile import Profile
from .rules import value

KINDS = (
    ("false_materials", "false_materials", "提供虚假材料"),
    ("detention", "detentions", "行政拘留"),
    ("crime", "crimes", "一般刑事犯罪"),
)


def deduction_lines(p: Profile, warnings: list) -> list[dict]:
    d = p.as_of
    lines = []
    for line_id, field, what in KINDS:
        events = p.events[field]
        if not events:
            lines.append(make_line(line_id, d, 0, f"没有{what}记录。"))
            continue
        per_event = value(f"deduction.{line_id}_points", d)
        years = value(f"deduction.{line_id}_years", d)
        start = add_years(d, -years)
        inside = sorted(e for e in events if start < e <= d)
        later = [e for e in events if e > d]
        if later:
            warnings.append(
                {"code": f"{line_id}_after_as_of", "text": f"{what}记录日期晚于评估日，未计入。"}
            )
        dates = "、".join(e.isoformat() for e in inside) or "无"
        text = (
            f"{what}记录{len(events)}次，在{start.isoformat()}之后（{years}年内）的有"
            f"{len(inside)}次（{dates}） → {per_event}×{len(inside)}＝"
            f"{per_event * len(inside)}分。"
        )
        lines.append(make_line(line_id, d, per_event * len(inside), text))
    return lines


def floored_total(lines: list[dict], d) -> tuple[int, dict | None]:
    """D19: the sum of the lines' points, never below the total's lowest value; with, when
    the floor applies, what the lines add up to, the floor and the words saying so (the lines
    themselves, deductions included, stay as computed)."""
    lines_sum = sum(line["points"] for line in lines)
    floor = value("total.min_points", d)
    if lines_sum >= floor:
        return lines_sum, None
    return floor, {
        "lines_sum": lines_sum,
        "floor": floor,
        "text": f"各项相加为{lines_sum}分，低于总积分的最低分值{floor}分，总分按{floor}分计"
        "（各项分值照算，不因此改变）。",
        "decision": decision("D19", d),
    }
