"""The documents a person should prepare, from the lines of their result that score and the
eligibility test, and what to do next once the standard score is reached; the same data
(calculator/data/documents.toml) renders the table on the site's /apply/ page."""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

from .dates import today_in_shanghai
from .decisions import fill
from .resources import load_toml
from .rules import epoch


def all_documents(as_of: date | None = None) -> list[dict]:
    """Every entry, the parameters named in its items filled with the values in force on
    `as_of` (today in Shanghai by default)."""
    return [{**entry, "items": list(items)} for entry, items in _filled(as_of)]


def _filled(as_of: date | None) -> list[tuple[dict, tuple[str, ...]]]:
    """(entry, its items filled) for every entry, on `as_of`."""
    entries = load_toml("documents.toml")["document"]
    return list(zip(entries, _filled_in_epoch(epoch(as_of or today_in_shanghai())), strict=True))


@cache
def _filled_in_epoch(day: date) -> tuple[tuple[str, ...], ...]:
    # every day of one epoch has the same rules (rules.epoch): a plan scores hundreds of days
    return tuple(tuple(fill(item, day) for item in entry["items"])
                 for entry in load_toml("documents.toml")["document"])


def checklist(result: dict, credential_types: set[str] | None = None) -> list[dict]:
    """The entries for this result: always-needed ones, the insurance record behind the
    eligibility test, and one per line that scores (its raw points, so a line the higher of
    education and credential left out still shows what proves it); of the items that differ
    by credential type, those of `credential_types` (the types the person gave)."""
    scoring = frozenset(line["id"] for line in result["lines"] if line["raw_points"] > 0)
    paying = result["eligibility"]["months"] > 0
    types = None if credential_types is None else frozenset(credential_types)
    day = epoch(date.fromisoformat(result["as_of"]))
    return [{"id": entry_id, "purpose": purpose, "items": list(items)}
            for entry_id, purpose, items in _chosen(day, scoring, paying, types)]


@lru_cache(maxsize=512)
def _chosen(day: date, scoring: frozenset, paying: bool, types: frozenset | None) -> tuple:
    # a plan scores hundreds of days whose lines score alike
    return tuple(
        (entry["id"], entry["purpose"], tuple(_items_for(entry, items, types)))
        for entry, items in _filled(day)
        if entry["when"] == "always"
        or (entry["when"] == "eligibility" and paying)
        or entry["when"] in scoring
    )


def added(result: dict, before: dict, credential_type: str | None = None) -> list[dict]:
    """The entries for the lines that score in `result` but not in `before`: what a route of
    the plan adds to prepare, on the day it reaches the standard, against today's result; for
    a route to one `credential_type`, only the items for that type."""
    had = {line["id"] for line in before["lines"] if line["raw_points"] > 0}
    new = {line["id"] for line in result["lines"] if line["raw_points"] > 0} - had
    return [
        {"id": entry["id"], "purpose": entry["purpose"],
         "items": _items_for(entry, items, None if credential_type is None else {credential_type})}
        for entry, items in _filled(date.fromisoformat(result["as_of"]))
        if entry["when"] in new
    ]


def _items_for(entry: dict, items: tuple[str, ...], wanted: set[str] | None) -> list[str]:
    types = entry.get("item_types")
    if wanted is None or types is None:
        return list(items)
    return [item for item, kind in zip(items, types, strict=True) if kind in wanted]


def hukou_checklist(route: str | None) -> list[dict]:
    """What the employer files for 居转户 on `route` (an id of calculator.hukou_routes), from
    the [[hukou_document]] entries of documents.toml; every route's entries for None."""
    return [
        {"id": entry["id"], "purpose": entry["purpose"], "items": entry["items"],
         "refs": entry["refs"]}
        for entry in load_toml("documents.toml").get("hukou_document", [])
        if route is None or "all" in entry["routes"] or route in entry["routes"]
    ]


def next_steps(as_of: date) -> list[str]:
    return list(_next_steps_in_epoch(epoch(as_of)))


@cache
def _next_steps_in_epoch(day: date) -> tuple[str, ...]:
    return tuple(fill(step["text"], day) for step in load_toml("documents.toml")["next_step"])
