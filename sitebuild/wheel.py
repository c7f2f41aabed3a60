"""Builds the engine's two py3-none-any wheels with flit_core, the backend pyproject.toml declares:
the engine (`calculator`, every calculator visit downloads it) and the batch
(`calculator_batch`: the `calculator/batch/` subpackage, which only /batch/ loads, beside the
engine's wheel).

Each wheel is written in memory by flit_core's own WheelBuilder, with SOURCE_DATE_EPOCH fixed for
the call, so the same sources give the same bytes on every build and every machine. flit_core
puts every file under a package into its wheel except __pycache__ folders and .pyc files, and
has no setting to leave a folder out: the engine's wheel is given flit_core's module with the
batch folder left out of its files, the batch wheel flit_core's module of `calculator.batch`.
Nothing else may live in the package (maintenance scripts are in tools/).

flit_core compresses every member; the build then stores them uncompressed, same names, order,
dates and bytes (RECORD hashes the uncompressed files, so it still holds). The site serves the
wheel brotli-compressed, and brotli over the stored files, which compresses across them, is
about two thirds of brotli over per-file deflate.
"""

from __future__ import annotations

import io
import os
import threading
import zipfile
from contextlib import contextmanager
from pathlib import Path

from flit_core.common import Metadata, Module, ProblemInModule, make_metadata
from flit_core.config import ConfigError, read_flit_config
from flit_core.wheel import WheelBuilder

from .config import PackageInfo
from .errors import BuildError
from .hashing import short_hash
from .paths import PYPROJECT, relative

# 1980-01-01 00:00:00 UTC, the earliest date a zip member can carry.
SOURCE_DATE_EPOCH = "315532800"
BATCH = "batch"  # calculator/batch/: in the batch wheel only
BATCH_DIST = "calculator_batch"
BATCH_SUMMARY = ("Many people at once for the calculator engine (calculator.batch): the "
                 "template, reading CSV, .xlsx and JSON Lines files, writing the results")

_environ_lock = threading.Lock()


@contextmanager
def _source_date_epoch():
    """SOURCE_DATE_EPOCH set for the duration of the call, then restored as it was."""
    with _environ_lock:
        previous = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
        try:
            yield
        finally:
            if previous is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = previous


class _WithoutFolder(Module):
    """flit_core's module with one subfolder's files left out."""

    def __init__(self, name: str, directory: Path, left_out: str):
        super().__init__(name, directory)
        self.left_out = self.path / left_out

    def iter_files(self):
        for path in super().iter_files():
            if not Path(path).is_relative_to(self.left_out):
                yield path


def wheel_name(info: PackageInfo) -> str:
    return f"{info.name}-{info.version}-py3-none-any.whl"


def batch_wheel_name(info: PackageInfo) -> str:
    return f"{BATCH_DIST}-{info.version}-py3-none-any.whl"


def _stored(wheel: bytes) -> bytes:
    """The same wheel with its members stored, not deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(wheel)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            copy.compress_type = zipfile.ZIP_STORED
            target.writestr(copy, source.read(info))
    return out.getvalue()


def _build(pyproject: Path, expected: str, make) -> bytes:
    """make(ini_info, directory, buffer) -> a WheelBuilder; its wheel, stored."""
    buffer = io.BytesIO()
    try:
        with _source_date_epoch():
            # WheelBuilder reads SOURCE_DATE_EPOCH when it is created.
            builder = make(read_flit_config(pyproject), pyproject.parent, buffer)
            builder.build()
    except (ConfigError, ProblemInModule, ValueError, OSError) as e:
        raise BuildError(relative(pyproject), f"flit_core could not build the wheel: {e}") from e
    if builder.wheel_filename != expected:
        raise BuildError(
            relative(pyproject),
            f"flit_core named the wheel {builder.wheel_filename}, expected {expected}",
        )
    return _stored(buffer.getvalue())


def build_wheel(info: PackageInfo, pyproject: Path = PYPROJECT) -> bytes:
    """The engine: the package without calculator/batch/."""

    def make(ini, directory, buffer):
        module = _WithoutFolder(ini.module, directory, BATCH)
        return WheelBuilder(directory, module, make_metadata(module, ini), ini.entrypoints,
                            buffer, ini.data_directory)

    return _build(pyproject, wheel_name(info), make)


def build_batch_wheel(info: PackageInfo, pyproject: Path = PYPROJECT) -> bytes:
    """calculator/batch/ alone, as the distribution calculator_batch, which needs the engine's
    wheel of the same version (and openpyxl for .xlsx, as the project's `xlsx` extra)."""

    def make(ini, directory, buffer):
        module = Module(f"{ini.module}.{BATCH}", directory)
        metadata = Metadata({
            **ini.metadata,
            "name": BATCH_DIST,
            "summary": BATCH_SUMMARY,
            "requires_dist": [f"{ini.metadata['name']}=={ini.metadata['version']}",
                              *ini.metadata.get("requires_dist", [])],
        })
        return WheelBuilder(directory, module, metadata, {}, buffer, ini.data_directory)

    return _build(pyproject, batch_wheel_name(info), make)


def wheel_output_path(info: PackageInfo, data: bytes) -> str:
    return f"wheels/{short_hash(data, 12)}/{wheel_name(info)}"


def batch_wheel_output_path(info: PackageInfo, data: bytes) -> str:
    return f"batch/{short_hash(data, 12)}/{batch_wheel_name(info)}"
