"""What only /batch/ loads: the Pyodide standard library as Pyodide ships it (the batch reads
.xlsx with openpyxl, which needs modules the calculator's trimmed copy leaves out), the
openpyxl and et-xmlfile wheels, and the template files, made by calculator.batch.

The wheels are the ones `./dev` downloads into .cache/pyodide-wheels/ from the pins of
requirements/pyodide-test.txt; the build checks each against the pinned hashes, so the site
ships exactly the pinned files and builds offline once they are there."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .errors import BuildError
from .hashing import short_hash
from .paths import PYODIDE_PACKAGE, ROOT, relative

WHEELS = ROOT / ".cache" / "pyodide-wheels"
PINS = ROOT / "requirements" / "pyodide-test.txt"
PACKAGES = ("et-xmlfile", "openpyxl")  # openpyxl needs et-xmlfile
GET_WHEELS = ("run `./dev test` once (it downloads them), or `.venv/bin/python -m pip download "
              "--no-deps --only-binary=:all: -d .cache/pyodide-wheels "
              "-r requirements/pyodide-test.txt`")


def _pins(text: str) -> dict[str, tuple[str, set[str]]]:
    """Package -> (version, hashes) from a pip-compile file with hashes."""
    pins = {}
    for block in re.split(r"\n(?=\S)", text):
        match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block)
        if match:
            pins[match[1].lower()] = (match[2], set(re.findall(r"sha256:([0-9a-f]{64})", block)))
    return pins


def xlsx_wheels(folder: Path = WHEELS, pins_file: Path = PINS) -> dict[str, bytes]:
    """Output path (batch/<file>.whl) -> bytes, for openpyxl and et-xmlfile as pinned."""
    pins = _pins(pins_file.read_text(encoding="utf-8"))
    out = {}
    for package in PACKAGES:
        version, hashes = pins[package]
        prefix = f"{package.replace('-', '_')}-{version}-"
        found = sorted(folder.glob(f"{prefix}*.whl")) if folder.is_dir() else []
        if not found:
            raise BuildError(relative(folder), f"no {package} {version} wheel: {GET_WHEELS}")
        data = found[0].read_bytes()
        if hashlib.sha256(data).hexdigest() not in hashes:
            raise BuildError(relative(found[0]),
                             f"does not match the hashes pinned in {relative(pins_file)}")
        out[f"batch/{found[0].name}"] = data
    return out


def stock_stdlib() -> tuple[str, Path]:
    """Output path (named by its content: Pyodide's own name stays the calculator's never to
    be fetched) and source of Pyodide's python_stdlib.zip."""
    source = PYODIDE_PACKAGE / "python_stdlib.zip"
    if not source.is_file():
        raise BuildError(relative(source), "Pyodide runtime file missing: run `npm ci`")
    return f"batch/python_stdlib-{short_hash(source.read_bytes())}.zip", source


def template_files() -> dict[str, bytes]:
    """The template to fill, CSV and .xlsx, as the command line writes it."""
    from calculator.batch import template_csv, template_xlsx

    return {"batch/template.csv": template_csv(), "batch/template.xlsx": template_xlsx()}
