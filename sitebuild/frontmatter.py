"""Splits a page into its YAML front matter and Markdown body, and checks the keys."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .errors import BuildError

# libyaml's loader is about 10x faster and reports the same problem lines.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ALLOWED_KEYS = {"title", "description", "nav_order", "nav_title", "template"}
REQUIRED_KEYS = ("title", "description")


@dataclass(frozen=True)
class FrontMatter:
    title: str
    description: str
    nav_order: int | None = None
    nav_title: str | None = None
    template: str = "page.html"


def split(text: str, file: str) -> tuple[dict, str, int]:
    """Returns (front matter mapping, body, file line number where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise BuildError(file, "front matter missing: the file must start with a '---' line", 1)
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        raise BuildError(file, "front matter not closed: no second '---' line", 1)
    raw = "".join(lines[1:end])
    try:
        data = yaml.load(raw, Loader=YAML_LOADER) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e)
        raise BuildError(file, f"front matter is not valid YAML: {problem}", line) from None
    if not isinstance(data, dict):
        raise BuildError(file, "front matter must be a mapping of keys to values", 2)
    return data, "".join(lines[end + 1 :]), end + 2


def _key_line(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return None


def parse(text: str, file: str) -> tuple[FrontMatter, str, int]:
    data, body, body_line = split(text, file)
    for key in data:
        if key not in ALLOWED_KEYS:
            allowed = ", ".join(sorted(ALLOWED_KEYS))
            raise BuildError(
                file, f"unknown front matter key '{key}' (allowed: {allowed})", _key_line(text, key)
            )
    for key in REQUIRED_KEYS:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise BuildError(file, f"front matter needs a non-empty text '{key}'", 2)
    nav_order = data.get("nav_order")
    if nav_order is not None and (not isinstance(nav_order, int) or isinstance(nav_order, bool)):
        raise BuildError(file, "'nav_order' must be a whole number", _key_line(text, "nav_order"))
    for key in ("nav_title", "template"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            raise BuildError(file, f"'{key}' must be a non-empty text", _key_line(text, key))
    return (
        FrontMatter(
            title=data["title"].strip(),
            description=data["description"].strip(),
            nav_order=nav_order,
            nav_title=data.get("nav_title"),
            template=data.get("template", "page.html"),
        ),
        body,
        body_line,
    )
