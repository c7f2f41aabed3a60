"""The rules as dated, cited data: parameters, decisions, sources, yardsticks, history
and the indicator table rendered from them."""

from __future__ import annotations

import copy
from bisect import bisect_right
from datetime import date
from functools import cache

from .dates import today_in_shanghai
from .resources import load_toml

REQUIRED_VALUE_FIELDS = ("since", "value", "source", "article", "confidence", "verified")


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


@cache
def _parameters() -> dict[str, dict]:
    table = {}
    for entry in load_toml("rules.toml")["parameter"]:
        values = sorted(entry["values"], key=lambda v: v["since"])
        table[entry["id"]] = {"id": entry["id"], "label": entry["label"], "values": values}
    return table


def rules_version() -> str:
    return load_toml("rules.toml")["rules_version"]


def first_day() -> date:
    """The points system started on this day; nothing can be scored before it."""
    return load_toml("rules.toml")["first_day"]


def value_entry(param_id: str, as_of: date | None = None) -> dict:
    """The dated value (with its citation) in force on `as_of`."""
    values = _parameters()[param_id]["values"]
    day = as_of or today_in_shanghai()
    position = bisect_right(_sinces(param_id), day)
    if position == 0:
        raise LookupError(f"{param_id}: no value in force on {day.isoformat()}")
    return values[position - 1]


@cache
def _sinces(param_id: str) -> tuple[date, ...]:
    return tuple(v["since"] for v in _parameters()[param_id]["values"])


def value(param_id: str, as_of: date | None = None):
    """The value of a parameter in force on `as_of` (today in Shanghai by default).
    Unknown id -> KeyError."""
    found = value_entry(param_id, as_of)["value"]
    return copy.deepcopy(found) if isinstance(found, list | dict) else found


@cache
def _change_days() -> tuple[date, ...]:
    return tuple(sorted({v["since"] for p in _parameters().values() for v in p["values"]}))


def epoch(as_of: date) -> date:
    """The latest day on or before `as_of` on which any parameter changed: every
    date in the same epoch has exactly the same rules."""
    days = _change_days()
    return days[max(0, bisect_right(days, as_of) - 1)]


def _public_value(entry: dict) -> dict:
    row = {key: _iso(entry[key]) for key in REQUIRED_VALUE_FIELDS}
    row["refs"] = list(entry.get("refs", []))
    if "note" in entry:
        row["note"] = entry["note"]
    return row


def parameter(param_id: str) -> dict:
    entry = _parameters()[param_id]
    return {
        "id": entry["id"],
        "label": entry["label"],
        "values": [_public_value(v) for v in entry["values"]],
    }


def parameters() -> list[dict]:
    return [parameter(param_id) for param_id in _parameters()]


def citation(param_id: str, as_of: date | None = None) -> str:
    """'沪府发〔2017〕98号 第六条（一） [S7][S23]' for the value in force."""
    entry = value_entry(param_id, as_of)
    refs = "".join(f"[{ref}]" for ref in entry.get("refs", []))
    article = "" if entry["article"] == "—" else f" {entry['article']}"
    return f"{entry['source']}{article}{' ' + refs if refs else ''}"


@cache
def _decisions() -> dict[str, dict]:
    return {d["id"]: d for d in load_toml("decisions.toml")["decision"]}


def decisions() -> list[dict]:
    return [dict(d) for d in _decisions().values()]


def decision(decision_id: str) -> dict:
    found = _decisions()[decision_id]
    return {"id": found["id"], "text": found["text"], "topic": found["topic"]}


def sources() -> list[dict]:
    return [{k: _iso(v) for k, v in s.items()} for s in load_toml("sources.toml")["source"]]


def yardsticks() -> list[dict]:
    return [dict(y) for y in load_toml("yardsticks.toml")["yardstick"]]


def history() -> list[dict]:
    rows = []
    for row in load_toml("history.toml")["history"]:
        periods = [
            {"since": p["since"], "until": p.get("until"), "text": p["text"]}
            for p in row["periods"]
        ]
        rows.append({"item": row["item"], "periods": periods})
    return rows


def indicators(as_of: date | None = None) -> list[dict]:
    from .rule_text import indicator_rows

    return indicator_rows(as_of or today_in_shanghai())
