"""The social-insurance yardstick (1× 社平工资) of a contribution month."""

from __future__ import annotations

from fractions import Fraction
from functools import cache

from .dates import parse_month
from .rules import yardsticks


@cache
def _by_month() -> dict[int, dict]:
    table = {}
    for row in yardsticks():
        for month in range(parse_month(row["from"]), parse_month(row["to"]) + 1):
            table[month] = row
    return table


def yardstick_for(month: int) -> dict | None:
    return _by_month().get(month)


def multiple_of(base_cny: Fraction, month: int) -> Fraction:
    """Base in CNY as a multiple of that month's yardstick; at or above the ceiling = 3×."""
    row = _by_month()[month]
    if base_cny >= row["ceiling_cny"]:
        return Fraction(3)
    return base_cny / row["average_cny"]
