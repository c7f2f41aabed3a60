"""One line of the result: an indicator's points with its explanation and citations."""

from __future__ import annotations

from datetime import date

from . import rule_text
from .rules import decision


def make_line(
    indicator_id: str,
    as_of: date,
    points: int,
    explanation: str,
    decisions: list[str] | None = None,
    raw_points: int | None = None,
) -> dict:
    """`points` is what the line adds to the total; `raw_points` what it would add
    alone (differs only when the line is not counted, e.g. the lower of education
    and credential)."""
    ids = decisions if decisions is not None else rule_text.rule_decisions(indicator_id)
    return {
        "id": indicator_id,
        "group": rule_text.INDICATOR_GROUPS[indicator_id],
        "points": points,
        "raw_points": points if raw_points is None else raw_points,
        "label": rule_text.label(indicator_id),
        "explanation": explanation,
        "source": rule_text.rule_source(indicator_id, as_of),
        "rule": rule_text.rule_text(indicator_id, as_of),
        "decisions": [decision(d) for d in ids],
    }
