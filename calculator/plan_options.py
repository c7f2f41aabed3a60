"""The planner's options: the profile's `plan` object (the person's deadline, the days they
expect to hold a certificate, title or degree, the routes to compare), read with every problem
named at its field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .errors import Problems
from .parse import Unreadable, read_date

KEYS = ("target_date", "expected", "compare")  # the keys of the profile's `plan` object


@dataclass(frozen=True)
class Options:
    target: date | None = None  # the day 120 is needed by (e.g. a child's registration)
    expected: dict | None = None  # route id -> the day the person expects to hold it
    compare: tuple[str, ...] = ()  # routes to chart beside the current course


def read_options(raw, target: str | None) -> Options:
    """The profile's `plan` object ({"target_date", "expected": {route id: day}, "compare":
    [route ids]}); `target` (the command line's --target) replaces its target_date."""
    problems = Problems()
    data = raw if isinstance(raw, dict) else {}
    if raw is not None and not isinstance(raw, dict):
        problems.add("plan", "应为对象（{…}）。", "plan must be an object")
    unknown = set(data) - set(KEYS)
    for key in sorted(unknown):
        problems.add(f"plan.{key}", f"不认识的字段“{key}”，请检查拼写。", f"unknown field '{key}'")

    def day(text, path: str, what: str) -> date | None:
        if text is None:
            return None
        try:
            return read_date(text) if isinstance(text, str) else read_date("")
        except Unreadable as error:
            problems.add(path, f"{what}：{error.reason}", f"{path} must be a date")
            return None

    target_day = day(target if target is not None else data.get("target_date"),
                     "plan.target_date", "需要达到标准分值的日期")
    expected = data.get("expected") or {}
    if not isinstance(expected, dict):
        problems.add("plan.expected", "应为对象（{…}）。", "plan.expected must be an object")
        expected = {}
    days = {
        rid: day(text, f"plan.expected.{rid}", "预计取得的日期") for rid, text in expected.items()
    }
    compare = data.get("compare") or []
    if not isinstance(compare, list) or not all(isinstance(c, str) for c in compare):
        problems.add("plan.compare", "应为路线编号的列表。", "plan.compare must be a list of ids")
        compare = []
    problems.raise_if_any()
    return Options(target_day, {k: v for k, v in days.items() if v}, tuple(compare))

