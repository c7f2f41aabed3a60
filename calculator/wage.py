"""The monthly wage a higher contribution base asks for: the base is the wage the employer
declares, so paying at N × the yardstick from a month needs a wage of about N × that month's
yardstick (estimated with the newest row before the month's year is published, D24), and the
base must follow the real pay and the income tax record or the month does not count (D26)."""

from __future__ import annotations

import math
from fractions import Fraction

from .dates import month_label
from .route_reach import planner_words
from .yardstick import yardstick_for, year_name


def wage_needed(multiple: Fraction, month: int) -> dict | None:
    """{"month", "multiple", "cny", "estimated", "text", "decision"} for paying at `multiple`
    from `month`: the wage in yuan (rounded up; at the ceiling, the ceiling), whether the
    month's yardstick is an estimate, the sentence the plan shows, and the decision it rests
    on; None for a month without a yardstick."""
    stick = yardstick_for(month)
    if stick is None:
        return None
    year = stick.year
    cny = min(math.ceil(multiple * year.average_cny), year.ceiling_cny)
    words = planner_words("wage")
    shown = f"{float(multiple):g}"
    text = words["text"].format(wage=f"{cny:,}", month=month_label(month), multiple=shown)
    if stick.estimated:
        text += words["estimated"].format(year=year_name(year), average=f"{year.average_cny:,}")
    return {
        "month": month_label(month),
        "multiple": float(multiple),
        "cny": cny,
        "estimated": stick.estimated,
        "text": f"{text}；{words['real_pay']}（本站解释{words['decision']}）",
        "decision": words["decision"],
    }
