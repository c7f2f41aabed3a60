"""Builds the engine's py3-none-any wheel with zipfile, byte-for-byte reproducible."""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from pathlib import Path

from .config import PackageInfo
from .hashing import short_hash
from .paths import ENGINE

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
SKIP_DIRS = {"__pycache__", "tests"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def _package_files(package: Path) -> list[tuple[str, bytes]]:
    files = []
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package.parent)
        if not path.is_file() or SKIP_DIRS & set(rel.parts) or path.suffix in SKIP_SUFFIXES:
            continue
        files.append((rel.as_posix(), path.read_bytes()))
    return files


def _metadata(info: PackageInfo) -> str:
    lines = ["Metadata-Version: 2.1", f"Name: {info.name}", f"Version: {info.version}"]
    if info.summary:
        lines.append(f"Summary: {info.summary}")
    if info.requires_python:
        lines.append(f"Requires-Python: {info.requires_python}")
    if info.license:
        lines.append(f"License: {info.license}")
    return "\n".join(lines) + "\n"


WHEEL_FILE = "Wheel-Version: 1.0\nGenerator: sitebuild\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def wheel_name(info: PackageInfo) -> str:
    return f"{info.name}-{info.version}-py3-none-any.whl"


def build_wheel(info: PackageInfo, package: Path = ENGINE) -> bytes:
    dist_info = f"{info.name}-{info.version}.dist-info"
    entries = _package_files(package)
    entries.append((f"{dist_info}/METADATA", _metadata(info).encode("utf-8")))
    entries.append((f"{dist_info}/WHEEL", WHEEL_FILE.encode("utf-8")))
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries)
    record += f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode("utf-8")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zf.writestr(zi, data, compresslevel=9)
    return buffer.getvalue()


def wheel_output_path(info: PackageInfo, data: bytes) -> str:
    return f"wheels/{short_hash(data, 12)}/{wheel_name(info)}"
