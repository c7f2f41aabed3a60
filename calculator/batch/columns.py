"""The template's columns (vocabulary.toml [[batch_columns]]): their headers, hints and example
row, finding a column by the header a person's file has, and the column a profile path belongs
to (so that every problem names the column the person typed in)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .. import vocabulary


def _choice_names(kind: str) -> list[str]:
    found = list(vocabulary.names(kind).values())
    if kind == "key_areas":  # the areas only 居转户 names are offered too
        found += list(vocabulary.names("hukou_areas").values())
    return found


@cache
def columns() -> tuple[dict, ...]:
    """Each column: id, name (the header), kind, hint (with the choices a choice column
    offers), example, hukou (a field of profile format 3)."""
    found = []
    for entry in vocabulary.entries("batch_columns"):
        column = {"hukou": False, "choices": None, **entry}
        if column["choices"]:
            column["hint"] += "。可填：" + "、".join(_choice_names(column["choices"]))
        found.append(column)
    return tuple(found)


def headers() -> list[str]:
    return [column["name"] for column in columns()]


def key(header: str) -> str:
    """A header as compared: width, spaces, a trailing hint in brackets and marks such as * do
    not matter (「出生日期*（必填）」 is 出生日期)."""
    tidy = unicodedata.normalize("NFKC", header or "")
    tidy = re.sub(r"\s|\*", "", tidy)
    return re.sub(r"\((?!%\)).*\)$", "", tidy)


@cache
def _by_key() -> dict:
    return {key(column["name"]): column for column in columns()}


def find(header: str) -> dict | None:
    return _by_key().get(key(header))


def by_id(column_id: str) -> dict:
    return next(column for column in columns() if column["id"] == column_id)


def for_path(path: str) -> tuple[dict | None, int | None]:
    """The column a profile path was read from and the number of the part in it (a period, a
    child, a date; from 1): insurance[1].base_cny → (社保缴费记录, 2)."""
    found = re.match(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", path or "")
    if not found:
        return None, None
    head, index, field = found.groups()
    part = int(index) + 1 if index is not None else None
    ids = {column["id"] for column in columns()}
    if head == "credentials":
        name = f"credential.{field}" if field else "credential.type"
        if field == "occupation":
            name = "credential.name"
        return (by_id(name) if name in ids else by_id("credential.type")), None
    for candidate in (f"{head}.{field}" if field else None, head,
                      f"{head}.level" if head == "education" else None,
                      f"{head}.area" if head == "key_area" else None,
                      f"{head}.married_on" if head == "spouse" else None,
                      f"{head}.since" if head == "suburb_post" else None):
        if candidate in ids:
            return by_id(candidate), part
    return None, part
