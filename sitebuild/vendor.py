"""Third-party browser code copied from node_modules (pinned in package-lock.json)."""

from __future__ import annotations

import json
import re

from .errors import BuildError
from .paths import NODE_MODULES, relative

MINISEARCH = NODE_MODULES / "minisearch"
UQR = NODE_MODULES / "uqr"
# Doc comments that start a line; the library's code never has "/**" elsewhere on a line start.
DOC_COMMENT = re.compile(r"^[ \t]*/\*\*.*?\*/[ \t]*\n", re.S | re.M)
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)
# Comments that fill whole lines (uqr's code has no multi-line string they could be part of).
LINE_COMMENT = re.compile(r"^[ \t]*//.*\n", re.M)
BLOCK_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.S | re.M)


def minisearch_module() -> bytes:
    """MiniSearch's ES module without its doc comments (halves its size), with its licence line."""
    source = MINISEARCH / "dist" / "es" / "index.js"
    try:
        code = source.read_text(encoding="utf-8")
        version = json.loads((MINISEARCH / "package.json").read_text(encoding="utf-8"))["version"]
    except FileNotFoundError:
        raise BuildError(relative(source), "MiniSearch is not installed: run `npm ci`") from None
    code = SOURCE_MAP.sub("", DOC_COMMENT.sub("", code))
    header = f"/*! MiniSearch {version} | MIT License | Copyright 2022 Luca Ongaro */\n"
    return (header + code).encode("utf-8")


def _read(source, name: str) -> tuple[str, str]:
    """A package's file and the package's version; a missing one fails the build."""
    try:
        code = source.read_text(encoding="utf-8")
        package = json.loads((source.parents[1] / "package.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(relative(source), f"{name} is not installed: run `npm ci`") from None
    return code, package["version"]


def uqr_module() -> bytes:
    """uqr (QR codes, an ES module with no imports) without its whole-line comments, with its
    licence line. The calculator imports it by relative specifier only when a QR code is
    asked for (js/qr.js)."""
    code, version = _read(UQR / "dist" / "index.mjs", "uqr")
    code = SOURCE_MAP.sub("", BLOCK_COMMENT.sub("", LINE_COMMENT.sub("", code)))
    header = (f"/*! uqr {version} | MIT License | Copyright (c) Project Nayuki, "
              "Copyright (c) 2023 Anthony Fu */\n")
    return (header + code).encode("utf-8")


def vendored_modules() -> dict[str, bytes]:
    """Third-party ES modules that the site's own modules import by relative specifier
    (`import("./qr.js")` from js/): logical name -> code. The build hashes and rewrites them
    like the site's own files."""
    return {"js/qr.js": uqr_module()}
