"""How a skill certificate obtained outside Shanghai is checked and verified for the points
(data/verification.toml): the national query, the Shanghai verification, what to do when a
certificate cannot be found, and which levels count once verified (D4)."""

from __future__ import annotations

import copy
from datetime import date
from functools import cache

from .resources import load_toml
from .rules import value

VERIFICATION_FILE = "verification.toml"


@cache
def _data() -> dict:
    return load_toml(VERIFICATION_FILE)


def facts() -> dict:
    """The whole of verification.toml."""
    return copy.deepcopy(_data())


def sources() -> list[dict]:
    """[{"key", "title", "url", "published"?, "checked"}, …] in file order."""
    return copy.deepcopy(_data()["source"])


def counts_once_verified(level: int, as_of: date | None = None) -> bool:
    """Whether a skill certificate of `level` (5 lowest … 1 highest) obtained while working
    outside Shanghai can count once verified in Shanghai (credential.skill_outside_levels,
    D4); the other levels never count."""
    return level in value("credential.skill_outside_levels", as_of)


def problems() -> list[str]:
    """Every problem in verification.toml as "verification.toml: <where>: <what>"; [] when
    sound: every `refs` list names known sources, every source has an address."""
    data = _data()
    known = {s["key"] for s in data.get("source", [])}
    found: list[str] = []

    def check_refs(where: str, table: dict) -> None:
        for name, keys in table.items():
            if name.endswith("refs"):
                found.extend(
                    f"{VERIFICATION_FILE}: {where}{name}: unknown source {key!r}"
                    for key in keys if key not in known
                )

    check_refs("", data)
    for section, table in data.items():
        if isinstance(table, dict):
            check_refs(f"[{section}] ", table)
    for source in data.get("source", []):
        if not str(source.get("url", "")).startswith(("https://", "http://")):
            found.append(f"{VERIFICATION_FILE}: source {source.get('key')!r}: no address")
    return found
