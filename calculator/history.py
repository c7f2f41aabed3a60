"""What changed over time: for every indicator, the periods in which its rule read the same,
derived from the dates of the parameters, followed by the changes no parameter records (their
numbers filled for the day each period starts)."""

from __future__ import annotations

from datetime import date, timedelta

from .decisions import fill
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
    for row in history_notes():
        periods = [
            {**period, "text": fill(period["text"], date.fromisoformat(period["since"]))}
            for period in row["periods"]
        ]
        rows.append({"item": row["item"], "periods": periods})
    return rows
