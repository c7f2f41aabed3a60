"""Third-party browser code copied from node_modules (pinned in package-lock.json)."""

from __future__ import annotations

import json
import re

from .errors import BuildError
from .paths import NODE_MODULES, relative

MINISEARCH = NODE_MODULES / "minisearch"
# Doc comments that start a line; the library's code never has "/**" elsewhere on a line start.
DOC_COMMENT = re.compile(r"^[ \t]*/\*\*.*?\*/[ \t]*\n", re.S | re.M)
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)


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
