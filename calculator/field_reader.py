"""Typed access to one JSON object of a profile: each value read as the type or choice it must
be, every problem collected under its path, in Chinese that names the choices by their names
(never the internal values)."""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction

from . import vocabulary
from .errors import Problems
from .parse import Unreadable, read_count, read_date
from .profile_types import AWARDS, EDUCATION_LEVELS, KEY_AREAS, TITLE_LEVELS


# How the problem messages name the options of a choice (never the internal values).
def read_text(problems: Problems, raw, path: str, read, not_text: tuple[str, str], unread: str):
    """`read(raw)` for a text as people type it (calculator.parse); None, and the problem at
    `path`, when `raw` is not text (`not_text`: the Chinese and English) or cannot be read
    (the reason in Chinese, and "'<raw>' <unread>")."""
    if not isinstance(raw, str):
        problems.add(path, *not_text)
        return None
    try:
        return read(raw)
    except Unreadable as error:
        problems.add(path, error.reason, f"'{raw}' {unread}")
        return None


OPTION_NAMES = {
    EDUCATION_LEVELS: tuple(vocabulary.names("education_levels").values()),
    TITLE_LEVELS: tuple(vocabulary.names("title_levels").values()),
    AWARDS: tuple(vocabulary.names("awards").values()),
    KEY_AREAS: tuple(vocabulary.names("key_areas", "option").values()),
}


def one_of(kind: str, last: str = "或") -> str:
    """The names of a list of choices as a choice in words: A类、B类或C类."""
    words = list(vocabulary.names(kind).values())
    return "、".join(words[:-1]) + last + words[-1]


def _type_zh(expected: str) -> str:
    return {
        "object": "对象（{…}）",
        "list": "列表（[…]）",
        "boolean": "true 或 false",
        "string": "文字",
        "number": "数字，如 0.5 或 12",
        "integer": "整数，如 3",
    }.get(expected, expected)


class Reader:
    """Typed access to one JSON object, reporting problems under its path."""

    def __init__(self, problems: Problems, data: dict, path: str, allowed: set[str]):
        self.problems, self.data, self.path = problems, data, path
        for key in data:
            if key not in allowed:
                self.problems.add(
                    self.at(key),
                    f"不认识的字段“{key}”，请检查拼写。",
                    f"unknown field '{key}'; allowed: {', '.join(sorted(allowed))}",
                )

    def at(self, key) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else str(key)

    def wrong(self, key: str, expected: str, detail_en: str | None = None) -> None:
        self.problems.add(
            self.at(key),
            f"应为{_type_zh(expected)}。",
            detail_en or f"expected {expected}",
        )

    def get(self, key: str, kind: str, default=None, required: bool = False):
        if key not in self.data or self.data[key] is None:
            if required:
                self.problems.add(self.at(key), "必须填写。", "required")
            return default
        raw = self.data[key]
        checks = {
            "boolean": lambda v: isinstance(v, bool),
            "string": lambda v: isinstance(v, str),
            "object": lambda v: isinstance(v, dict),
            "list": lambda v: isinstance(v, list),
            "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: (
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
            ),
        }
        if not checks[kind](raw):
            self.wrong(key, kind)
            return default
        return raw

    def date(self, key: str, required: bool = False) -> date | None:
        raw = self.get(key, "string", required=required)
        return self.parse_date(raw, self.at(key)) if raw is not None else None

    def parse_date(self, raw, path: str) -> date | None:
        return read_text(self.problems, raw, path, read_date,
                         ("应为日期，如 1995-03-08 或 1995年3月8日。",
                          "expected a date YYYY-MM-DD"),
                         "is not a valid date YYYY-MM-DD")

    def choice(self, key: str, options: tuple, default: str) -> str:
        raw = self.get(key, "string", default)
        if raw not in options:
            self.problems.add(
                self.at(key),
                f"“{raw}”不是可选的值，请选择：{'、'.join(OPTION_NAMES.get(options, options))}。",
                f"'{raw}' is not one of {', '.join(options)}",
            )
            return default
        return raw

    def amount(self, key: str, low=0, high=None, default=0, required=False,
               read=None) -> Fraction:
        """A number; with `read` (calculator.parse.read_amount, read_multiple) also the text
        a person typed, such as 1.5万 or 0.8倍."""
        if read is not None and isinstance(self.data.get(key), str):
            try:
                raw = read(self.data[key])
            except Unreadable as error:
                self.problems.add(self.at(key), error.reason, f"'{key}' is not a number")
                return Fraction(default)
        else:
            raw = self.get(key, "number", None, required)
        if raw is None:
            return Fraction(default)
        if raw < low or (high is not None and raw > high):
            limit_zh = f"{low}至{high}之间" if high is not None else f"不小于{low}"
            limit_en = f"between {low} and {high}" if high is not None else f">= {low}"
            self.problems.add(self.at(key), f"应在{limit_zh}。", f"must be {limit_en}")
            return Fraction(default)
        return Fraction(str(raw)) if isinstance(raw, float) else Fraction(raw)

    def count(self, key: str) -> int:
        """Whole years (0–100), as a number or as typed: 3, 3年."""
        if isinstance(self.data.get(key), str):
            try:
                raw = read_count(self.data[key], "年")
            except Unreadable as error:
                self.problems.add(self.at(key), error.reason, f"'{key}' is not a whole number")
                return 0
        else:
            raw = self.get(key, "integer", 0)
        top = vocabulary.limit("years_max")
        if raw < 0 or raw > top:
            self.problems.add(self.at(key), f"应为0至{top}之间的整数（年）。",
                              f"must be 0-{top} (years)")
            return 0
        return raw


def object_at(problems: Problems, raw, path: str) -> dict | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.add(path, "应为对象（{…}）。", "expected an object")
        return None
    return raw


def read_events(r: Reader, key: str) -> tuple[date, ...]:
    items = r.get(key, "list", [])
    days = []
    for i, raw in enumerate(items):
        day = r.parse_date(raw, f"{key}[{i}]")
        if day is not None:
            days.append(day)
    return tuple(days)

