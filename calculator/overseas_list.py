"""The overseas recognition list (境外职业资格证书认可清单, D25): the entries a public source
names, with their categories and sources (data/overseas_list.toml), which versions no entry was
found for, and a certificate looked up by a name people type (FCCA, ACM Fellow)."""

from __future__ import annotations

import copy
import re
from functools import cache

from .resources import load_toml

FILE = "overseas_list.toml"
ENTRY_FIELDS = {"name", "also", "issuer", "categories", "c_title", "refs"}


@cache
def _data() -> dict:
    return load_toml(FILE)


def facts() -> dict:
    """{"version" (the version the entries are named on), "found_versions",
    "annex_not_found" (versions whose entries no source names), "entries": [{"name", "also",
    "issuer", "categories", "c_title"?, "refs"}]}."""
    data = _data()
    return {"version": data["version"], "found_versions": list(data["found_versions"]),
            "annex_not_found": list(data["annex_not_found"]),
            "entries": copy.deepcopy(data["entry"])}


def _key(name: str) -> str:
    return re.sub(r"[\s,，、.·]+", "", name).casefold()


def find(name: str | None) -> dict | None:
    """The entry a name (or one of its other names) belongs to, or None (a certificate no
    source names: it may still be on the list)."""
    if not name:
        return None
    wanted = _key(name)
    return next((copy.deepcopy(e) for e in _data()["entry"]
                 if wanted in {_key(n) for n in (e["name"], *e["also"])}), None)


def problems(data: dict, source_keys: set, categories: tuple) -> list[str]:
    """What is wrong in the file's data: "<where>: <what>" lines (calculator.check)."""
    found = []
    if not data.get("entry"):
        found.append("no [[entry]]")
    names = set()
    for entry in data.get("entry", []):
        where = f"entry {entry.get('name', '?')!r}"
        unknown = set(entry) - ENTRY_FIELDS
        if unknown:
            found.append(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        every = [entry.get("name"), *entry.get("also", [])]
        if not all(isinstance(n, str) and n.strip() for n in every):
            found.append(f"{where}: name and also must be names")
            continue
        for n in every:
            if _key(n) in names:
                found.append(f"{where}: the name {n!r} appears twice")
            names.add(_key(n))
        listed = entry.get("categories")
        if not isinstance(listed, list) or not listed or not set(listed) <= set(categories):
            found.append(f"{where}: categories must be a list of {', '.join(categories)}")
        elif "c_title" in entry and "C" not in listed:
            found.append(f"{where}: c_title is for an entry in category C")
        refs = entry.get("refs")
        if not isinstance(refs, list) or not refs:
            found.append(f"{where}: refs: name at least one [[source]] key")
        else:
            found += [f"{where}: unknown reference {r!r}" for r in refs if r not in source_keys]
    return found
