"""What changed over time: for every indicator, the periods in which its rule read the same,
derived from the dates of the parameters, followed by the changes no parameter records."""

from __future__ import annotations

from datetime import timedelta

from .indicators import REGISTRY, rule_text
from .rules import change_days, history_notes


def history() -> list[dict]:
    rows = []
    for indicator in REGISTRY:
        periods: list[dict] = []
        for day in change_days():
            text = rule_text(indicator.id, day)
            if periods and periods[-1]["text"] == text:
                continue
            if periods:
                periods[-1]["until"] = (day - timedelta(days=1)).isoformat()
            periods.append({"since": day.isoformat(), "until": None, "text": text})
        if len(periods) > 1:
            rows.append({"item": indicator.label, "periods": periods})
    return rows + history_notes()
