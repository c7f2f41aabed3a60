"""The Pyodide runtime files the browser needs, copied from node_modules/pyodide."""

from __future__ import annotations

import json
from pathlib import Path

from .compress import FOLDER as COMPRESSED
from .compress import stored_zip
from .errors import BuildError
from .hashing import sha256_hex
from .paths import PYODIDE_PACKAGE, relative

RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
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
        files[f"pyodide/{version}/{name}"] = _served_form(source)
    return files


def _served_form(source: Path) -> Path:
    """python_stdlib.zip is served with its members stored (same files, better compressed as a
    whole, see compress.stored_zip); everything else as npm ships it."""
    if source.name != "python_stdlib.zip":
        return source
    data = source.read_bytes()
    stored = COMPRESSED / f"{sha256_hex(data)}.stored.zip"
    if not stored.is_file():
        stored_zip(data)  # writes that cache file
    return stored
