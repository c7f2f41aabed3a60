"""The contribution-base scale (parameter insurance_base.scale): its brackets grouped by the
window and month count they share, and its cap. Computation only; rule_text words it."""

from __future__ import annotations

from datetime import date

from .rules import value


def scale_groups(scale: list[dict]) -> list[list[dict]]:
    """The brackets of the base scale grouped by their window and month count, in order."""
    groups: list[list[dict]] = []
    for bracket in scale:
        key = (bracket["window_months"], bracket["months_required"])
        if groups and (groups[-1][0]["window_months"], groups[-1][0]["months_required"]) == key:
            groups[-1].append(bracket)
        else:
            groups.append([bracket])
    return groups


def scale_cap(d: date) -> int:
    """The most the scale gives on `d`: its highest bracket."""
    return max(b["points"] for b in value("insurance_base.scale", d))
