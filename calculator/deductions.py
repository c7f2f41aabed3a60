"""Deductions (2017 办法 Art. 8): each record inside its window counts."""

from __future__ import annotations

from .dates import add_years
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
        per_event = value(f"deduction.{line_id}_points", d)
        years = value(f"deduction.{line_id}_years", d)
        start = add_years(d, -years)
        inside = sorted(e for e in events if start < e <= d)
        later = [e for e in events if e > d]
        if later:
            warnings.append(
                {"code": f"{line_id}_after_as_of", "text": f"{what}记录日期晚于评估日，未计入。"}
            )
        if not events:
            text = f"没有{what}记录。"
        else:
            dates = "、".join(e.isoformat() for e in inside) or "无"
            text = (
                f"{what}记录{len(events)}次，在{start.isoformat()}之后（{years}年内）的有"
                f"{len(inside)}次（{dates}） → {per_event}×{len(inside)}＝"
                f"{per_event * len(inside)}分。"
            )
        lines.append(make_line(line_id, d, per_event * len(inside), text))
    return lines
