"""Calendar arithmetic on dates and on months (a month is an int: year * 12 + month - 1)."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

SHANGHAI = timezone(timedelta(hours=8))  # no daylight saving in China


def today_in_shanghai() -> date:
    return datetime.now(SHANGHAI).date()


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_of(day: date) -> int:
    return month_index(day.year, day.month)


@lru_cache(maxsize=4096)  # a result labels the same few windows' months many times
def month_label(index: int) -> str:
    year, month0 = divmod(index, 12)
    return f"{year:04d}-{month0 + 1:02d}"


def parse_month(text: str) -> int:
    """'2024-07' -> month index; ValueError when malformed."""
    if len(text) != 7 or text[4] != "-":
        raise ValueError(text)
    year, month = int(text[:4]), int(text[5:])
    if not 1 <= month <= 12 or year < 1900:
        raise ValueError(text)
    return month_index(year, month)


def parse_date(text: str) -> date:
    if len(text) != 10:
        raise ValueError(text)
    return date.fromisoformat(text)


def full_years(start: date, end: date) -> int:
    """Whole years from start to end (周岁 when start is a birth date)."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def add_years(day: date, years: int) -> date:
    """The same calendar date `years` later (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    year, month0 = divmod(month_of(day) + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def first_day_of_month(index: int) -> date:
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, 1)


def window(as_of: date, months: int) -> range:
    """The `months` calendar months just before the month of `as_of` (D1)."""
    end = month_of(as_of)
    return range(end - months, end)
