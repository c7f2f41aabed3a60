"""One line of the result: an indicator's points with its explanation and citations."""

from __future__ import annotations

from datetime import date
from functools import cache

from .decisions import decision
from .indicators import BY_ID, rule_source, rule_text
from .rules import epoch


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
    ids = tuple(decisions) if decisions is not None else BY_ID[indicator_id].decisions
    group, label, source, rule, cited = _same_in_epoch(indicator_id, epoch(as_of), ids)
    return {
        "id": indicator_id,
        "group": group,
        "points": points,
        "raw_points": points if raw_points is None else raw_points,
        "label": label,
        "explanation": explanation,
        "source": source,
        "rule": rule,
        "decisions": list(cited),
    }


@cache
def _same_in_epoch(indicator_id: str, day: date, ids: tuple[str, ...]) -> tuple:
    """What a line states that depends only on the rules in force, not on the person (shared
    by every result in the same epoch; nothing changes a result after it is made)."""
    indicator = BY_ID[indicator_id]
    return (
        indicator.group,
        indicator.label,
        rule_source(indicator_id, day),
        rule_text(indicator_id, day),
        tuple(decision(d, day) for d in ids),
    )
