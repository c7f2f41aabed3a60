"""The rules as dated, cited data: parameters, documents, sources, yardsticks and the site's
interpretations, read from calculator/data/ (format: docs/maintaining-rules.md)."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from fractions import Fraction
from functools import cache, lru_cache
from types import MappingProxyType

from .dates import today_in_shanghai
from .resources import load_toml

CITED_FIELDS = ("documents", "article", "refs", "confidence", "checked")
# The 居转户 rules (parameters, decisions H1–H14, their documents and sources) live in a file
# of their own in the same format; every function below reads both.
HUKOU_FILE = "hukou.toml"


def _both(name: str, table: str) -> list[dict]:
    """The entries of `table` in `name`, then those of hukou.toml."""
    return [*load_toml(name).get(table, []), *load_toml(HUKOU_FILE).get(table, [])]


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def _value_of(entry: dict):
    """The value an entry states; a scale's brackets ordered by multiple; None when the
    entry says the item was not in force."""
    if "brackets" in entry:
        return sorted(entry["brackets"], key=lambda b: b["multiple"])
    return entry.get("value")


@cache
def _parameters() -> dict[str, dict]:
    table = {}
    for entry in _both("rules.toml", "parameter"):
        values = sorted(entry["values"], key=lambda v: v["since"])
        table[entry["id"]] = {**entry, "values": values}
    return table


def rules_version() -> str:
    return load_toml("rules.toml")["rules_version"]


def first_day() -> date:
    """The points system started on this day; nothing can be scored before it."""
    return load_toml("rules.toml")["first_day"]


def _in_force(param_id: str, as_of: date | None) -> int:
    """The index of the value of `param_id` in force on `as_of` (today in Shanghai)."""
    day = as_of or today_in_shanghai()
    position = bisect_right(_sinces(param_id), day)
    if position == 0:
        raise LookupError(f"{param_id}: no value in force on {day.isoformat()}")
    return position - 1


def value_entry(param_id: str, as_of: date | None = None) -> dict:
    """The dated value (with its citation) in force on `as_of`."""
    return _parameters()[param_id]["values"][_in_force(param_id, as_of)]


@cache
def _sinces(param_id: str) -> tuple[date, ...]:
    return tuple(v["since"] for v in _parameters()[param_id]["values"])


def value(param_id: str, as_of: date | None = None):
    """The value of a parameter in force on `as_of` (today in Shanghai by default); None
    when the item was not in force then. Lists come as tuples and a scale's brackets as
    read-only mappings, so no caller can change the rules. Unknown id -> KeyError."""
    day = as_of or today_in_shanghai()
    if day >= _change_days()[0]:
        day = epoch(day)  # the same values all through an epoch: a plan's days share a few
    return _value_on(param_id, day)


@lru_cache(maxsize=4096)
def _value_on(param_id: str, day: date):
    return _frozen_values(param_id)[_in_force(param_id, day)]


@cache
def _frozen_values(param_id: str) -> tuple:
    def frozen(found):
        if isinstance(found, list):
            return tuple(frozen(item) for item in found)
        return MappingProxyType(dict(found)) if isinstance(found, dict) else found

    return tuple(frozen(_value_of(entry)) for entry in _parameters()[param_id]["values"])


@cache
def exact(number: int | float) -> Fraction:
    """A number from the data as the exact fraction it is written as (0.8 -> 4/5)."""
    return Fraction(str(number))


def in_force_since(param_id: str) -> date | None:
    """The first day `param_id` had a value (was in force); None if it never had one."""
    values = _parameters()[param_id]["values"]
    return next((v["since"] for v in values if _value_of(v) is not None), None)


def first_document(param_id: str) -> str:
    """The title of the official document the first value in force of `param_id` rests on
    (the overseas categories: 《…认可清单（2.0版）》（沪人社专〔2024〕365号）)."""
    key = value_entry(param_id, in_force_since(param_id))["documents"][0]
    return _documents()[key]["title"]


def newest_change(param_id: str) -> date:
    """The day the newest value of `param_id` took effect."""
    return _parameters()[param_id]["values"][-1]["since"]


def all_values(param_id: str) -> tuple:
    """Every value `param_id` has had, oldest first (None where it was not in force)."""
    return _frozen_values(param_id)


def label(param_id: str) -> str:
    return _parameters()[param_id]["label"]


def unit(param_id: str) -> str:
    return _parameters()[param_id]["unit"]


@cache
def _change_days() -> tuple[date, ...]:
    return tuple(sorted({v["since"] for p in _parameters().values() for v in p["values"]}))


def change_days() -> tuple[date, ...]:
    """Every day on which some parameter took a new value, oldest first."""
    return _change_days()


@lru_cache(maxsize=4096)  # every line of every result asks it (calculator.line)
def epoch(as_of: date) -> date:
    """The latest day on or before `as_of` on which any parameter changed: every
    date in the same epoch has exactly the same rules."""
    days = _change_days()
    return days[max(0, bisect_right(days, as_of) - 1)]


def _public_value(entry: dict) -> dict:
    row = {"since": _iso(entry["since"]), "value": _iso(_value_of(entry))}
    row.update({key: _iso(entry[key]) for key in CITED_FIELDS})
    row["refs"] = list(entry["refs"])
    row["documents"] = list(entry["documents"])
    if "note" in entry:
        row["note"] = entry["note"]
    return row


def parameter(param_id: str) -> dict:
    entry = _parameters()[param_id]
    return {
        "id": entry["id"],
        "label": entry["label"],
        "unit": entry["unit"],
        "values": [_public_value(v) for v in entry["values"]],
    }


def parameters() -> list[dict]:
    return [parameter(param_id) for param_id in _parameters()]


@cache
def _documents() -> dict[str, dict]:
    return {d["key"]: d for d in _both("sources.toml", "document")}


def documents() -> list[dict]:
    return [dict(d) for d in _documents().values()]


def citation(param_id: str, as_of: date | None = None) -> str:
    """'沪府发〔2017〕98号 第六条（一） [S7][S23]' for the value in force."""
    entry = value_entry(param_id, as_of)
    docs = "；".join(_documents()[key]["title"] for key in entry["documents"])
    refs = "".join(f"[{ref}]" for ref in entry["refs"])
    article = "" if entry["article"] == "—" else f" {entry['article']}"
    return f"{docs}{article}{' ' + refs if refs else ''}"


@cache
def decision_templates() -> dict[str, dict]:
    """The site's interpretations as written in decisions.toml: `text` may name parameters
    in braces ({age.max_points}), filled with the values in force (calculator.decisions)."""
    return {d["id"]: d for d in _both("decisions.toml", "decision")}


def sources() -> list[dict]:
    return [{k: _iso(v) for k, v in s.items()} for s in _both("sources.toml", "source")]


def yardsticks() -> list[dict]:
    """One row per contribution year: from, to ("YYYY-MM"), average_cny, ceiling_cny,
    floor_cny, documents, refs, confidence, checked and, where known, published and note."""
    return [{k: _iso(v) for k, v in row.items()} for row in load_toml("yardsticks.toml")["year"]]


def history_notes() -> list[dict]:
    """Changes over time that no parameter records (the rest is derived from the
    parameters' dates, calculator.history)."""
    rows = []
    for row in load_toml("history.toml")["history"]:
        periods = [
            {"since": _iso(p["since"]), "until": _iso(p.get("until")), "text": p["text"]}
            for p in row["periods"]
        ]
        rows.append({"item": row["item"], "periods": periods})
    return rows
