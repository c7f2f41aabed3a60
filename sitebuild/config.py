"""Reads site_src/site.toml and the package name/version from pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildError, toml_error_line
from .paths import PYPROJECT, SITE_TOML, relative


@dataclass(frozen=True)
class Channel:
    title: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class SiteConfig:
    name: str
    short_name: str
    description: str
    base_url: str
    language: str
    theme_color: str
    official_channels: list[Channel] = field(default_factory=list)


def _load_toml(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise BuildError(relative(path), "file not found") from None
    except tomllib.TOMLDecodeError as e:
        line = toml_error_line(e)
        raise BuildError(relative(path), f"invalid TOML: {e}", line) from None


def read_site_config(path: Path = SITE_TOML, base_url: str | None = None) -> SiteConfig:
    data = _load_toml(path)
    site = data.get("site")
    if not isinstance(site, dict):
        raise BuildError(relative(path), "missing [site] table")
    required = ("name", "short_name", "description", "base_url", "language", "theme_color")
    for key in required:
        if not isinstance(site.get(key), str) or not site[key]:
            raise BuildError(relative(path), f"[site] needs a non-empty string '{key}'")
    channels = []
    for i, row in enumerate(data.get("official_channels", [])):
        if not isinstance(row, dict) or not row.get("title") or not row.get("url"):
            raise BuildError(relative(path), f"official_channels[{i}] needs 'title' and 'url'")
        channels.append(Channel(row["title"], row["url"], row.get("note", "")))
    return SiteConfig(
        name=site["name"],
        short_name=site["short_name"],
        description=site["description"],
        base_url=(base_url or site["base_url"]).rstrip("/"),
        language=site["language"],
        theme_color=site["theme_color"],
        official_channels=channels,
    )


@dataclass(frozen=True)
class PackageInfo:
    """What the build needs of pyproject.toml (flit_core reads the rest for the wheel)."""

    name: str
    version: str


def read_package_info(path: Path = PYPROJECT) -> PackageInfo:
    project = _load_toml(path).get("project", {})
    try:
        return PackageInfo(name=project["name"], version=project["version"])
    except KeyError as e:
        raise BuildError(relative(path), f"[project] needs {e.args[0]!r}") from None
