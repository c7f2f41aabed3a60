"""What only /batch/ loads: its own trimmed standard library (the batch reads .xlsx with
openpyxl, which needs modules the calculator's archive leaves out), the openpyxl and
et-xmlfile wheels, and the template files, made by calculator.batch.

The wheels are the ones `./dev` downloads into .cache/site-wheels/ from the pins of
requirements/site-wheels.txt (the site's own, apart from the test requirements); the build
checks each against the pinned hashes, so the site ships exactly the pinned files and builds
offline once they are there."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .errors import BuildError
from .hashing import short_hash
from .paths import ROOT, relative
from .stdlib import Stdlib, build_stdlib

WHEELS = ROOT / ".cache" / "site-wheels"
PINS = ROOT / "requirements" / "site-wheels.txt"
PACKAGES = ("et-xmlfile", "openpyxl")  # openpyxl needs et-xmlfile
GET_WHEELS = ("run `./dev build` once (it downloads them), or `.venv/bin/python -m pip download "
              "--no-deps --require-hashes --only-binary=:all: -d .cache/site-wheels "
              "-r requirements/site-wheels.txt`")


def _pins(text: str) -> dict[str, tuple[str, set[str]]]:
    """Package -> (version, hashes) from a pip-compile file with hashes."""
    pins = {}
    for block in re.split(r"\n(?=\S)", text):
        match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block)
        if match:
            pins[match[1].lower()] = (match[2], set(re.findall(r"sha256:([0-9a-f]{64})", block)))
    return pins


def xlsx_wheels(folder: Path = WHEELS, pins_file: Path = PINS) -> dict[str, bytes]:
    """Output path (batch/<hash12>/<file>.whl: named by its content, like every file the
    service worker keeps for good) -> bytes, for openpyxl and et-xmlfile as pinned."""
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
        out[f"batch/{short_hash(data, 12)}/{found[0].name}"] = data
    return out


def trimmed_stdlib(wheel: bytes, batch_wheel: bytes, xlsx: dict[str, bytes]) -> tuple[str, Stdlib]:
    """Output path (batch/<hash12>/stdlib.zip) and the archive: Pyodide's standard library
    trimmed to what the engine and the batch import with openpyxl (sitebuild/stdlib.py)."""
    made = build_stdlib(wheel, batch_wheels=(batch_wheel, *xlsx.values()))
    return f"batch/{short_hash(made.file.read_bytes(), 12)}/stdlib.zip", made


def template_files() -> dict[str, bytes]:
    """The template to fill, CSV and .xlsx, as the command line writes it."""
    from calculator.batch import template_csv, template_xlsx

    return {"batch/template.csv": template_csv(), "batch/template.xlsx": template_xlsx()}
