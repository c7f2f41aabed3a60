"""The Pyodide runtime files the browser needs, copied from node_modules/pyodide. The standard
library is not among them: the calculator gets its own, trimmed and byte-compiled (stdlib.py)."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import BuildError
from .paths import PYODIDE_PACKAGE, relative

RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "pyodide-lock.json",
)


def pyodide_version(package: Path = PYODIDE_PACKAGE) -> str:
    manifest = package / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))["version"]
    except FileNotFoundError:
        raise BuildError(relative(manifest), "Pyodide is not installed: run `npm ci`") from None


def runtime_files(package: Path = PYODIDE_PACKAGE) -> dict[str, Path]:
    """Output path -> source file, e.g. 'pyodide/314.0.7/pyodide.mjs'."""
    version = pyodide_version(package)
    files = {}
    for name in RUNTIME_FILES:
        source = package / name
        if not source.is_file():
            raise BuildError(relative(source), "Pyodide runtime file missing: run `npm ci`")
        files[f"pyodide/{version}/{name}"] = source
    return files

