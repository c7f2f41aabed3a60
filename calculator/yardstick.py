"""The social-insurance yardstick (1× 社平工资) of each contribution month.

Every row of calculator/data/yardsticks.toml covers the months from its `from` to its `to`,
exactly as written: contribution years have not always been twelve months or started in the
same month. Months after the newest row convert with the newest row's figures and are marked
estimated (D24); months before the first row have no yardstick."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from .dates import month_label, parse_month
from .rules import yardsticks


@dataclass(frozen=True)
class Year:
    """One contribution year of yardsticks.toml."""

    start: int  # month index, inclusive
    end: int  # month index, inclusive
    average_cny: int
    ceiling_cny: int
    floor_cny: int
    published: str | None  # ISO date the figures were published, where known


@dataclass(frozen=True)
class Yardstick:
    """The figures a month converts with; `estimated` when its own year is not published
    yet and the newest year's figures stand in (D24)."""

    year: Year
    estimated: bool


@cache
def years() -> tuple[Year, ...]:
    rows = [
        Year(
            parse_month(row["from"]),
            parse_month(row["to"]),
            row["average_cny"],
            row["ceiling_cny"],
            row["floor_cny"],
            row.get("published"),
        )
        for row in yardsticks()
    ]
    return tuple(sorted(rows, key=lambda y: y.start))


@cache
def _by_month() -> dict[int, Yardstick]:
    table = {}
    for year in years():
        stick = Yardstick(year, False)
        for month in range(year.start, year.end + 1):
            table[month] = stick
    return table


@cache
def _estimate() -> Yardstick:
    return Yardstick(years()[-1], True)


def first_month() -> int:
    """The first month with a yardstick: a base in yuan before it cannot be converted."""
    return years()[0].start


def newest() -> Year:
    return years()[-1]


def yardstick_for(month: int) -> Yardstick | None:
    """The yardstick `month` converts with; None before the first row."""
    stick = _by_month().get(month)
    if stick is not None:
        return stick
    if month > newest().end:
        return _estimate()
    return None


def ceiling_of(year: Year) -> Fraction:
    """The year's contribution ceiling as a multiple of its yardstick."""
    return Fraction(year.ceiling_cny, year.average_cny)


def ceiling_multiple() -> Fraction:
    """The contribution ceiling as a multiple of the yardstick (3): the same in every row, the
    base scale's highest multiple (calculator.check)."""
    return ceiling_of(newest())


def convert(base_cny: Fraction, stick: Yardstick) -> tuple[Fraction, str | None]:
    """A base in yuan as a multiple of the yardstick, and how it stands against that year's
    limits: "ceiling" (at or above it: counts as the ceiling), "floor" (below it), or None."""
    year = stick.year
    if base_cny >= year.ceiling_cny:
        return ceiling_of(year), "ceiling"
    multiple = base_cny / year.average_cny
    return multiple, ("floor" if base_cny < year.floor_cny else None)


def multiple_of(base_cny: Fraction, month: int) -> Fraction:
    """Base in yuan as a multiple of that month's yardstick; at or above the ceiling, the
    ceiling's multiple. KeyError for a month before the first row."""
    stick = yardstick_for(month)
    if stick is None:
        raise KeyError(month_label(month))
    return convert(base_cny, stick)[0]


def year_name(year: Year) -> str:
    """'2026年7月起' — how the lines name a contribution year."""
    y, m0 = divmod(year.start, 12)
    return f"{y}年{m0 + 1}月起"


def published_through() -> dict:
    """The result's `yardstick` key: up to which month the figures are published."""
    year = newest()
    return {
        "published_through": month_label(year.end),
        "newest_year": month_label(year.start),
        "newest_average_cny": year.average_cny,
        "published_on": year.published,
    }
