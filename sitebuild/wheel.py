"""Builds the engine's py3-none-any wheel with flit_core, the backend pyproject.toml declares.

The wheel is written in memory by flit_core's own WheelBuilder, with SOURCE_DATE_EPOCH fixed for
the call, so the same sources give the same bytes on every build and every machine. flit_core
puts every file under calculator/ into the wheel except __pycache__ folders and .pyc files; it
cannot exclude others, so nothing else may live in the package (maintenance scripts are in
tools/).
"""

from __future__ import annotations

import io
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from flit_core.common import ProblemInModule
from flit_core.config import ConfigError
from flit_core.wheel import WheelBuilder

from .config import PackageInfo
from .errors import BuildError
from .hashing import short_hash
from .paths import PYPROJECT, relative

# 1980-01-01 00:00:00 UTC, the earliest date a zip member can carry.
SOURCE_DATE_EPOCH = "315532800"

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


def wheel_name(info: PackageInfo) -> str:
    return f"{info.name}-{info.version}-py3-none-any.whl"


def build_wheel(info: PackageInfo, pyproject: Path = PYPROJECT) -> bytes:
    buffer = io.BytesIO()
    try:
        with _source_date_epoch():
            # WheelBuilder reads SOURCE_DATE_EPOCH when it is created.
            builder = WheelBuilder.from_ini_path(pyproject, buffer)
            builder.build()
    except (ConfigError, ProblemInModule, OSError) as e:
        raise BuildError(relative(pyproject), f"flit_core could not build the wheel: {e}") from e
    if builder.wheel_filename != wheel_name(info):
        raise BuildError(
            relative(pyproject),
            f"flit_core named the wheel {builder.wheel_filename}, expected {wheel_name(info)}",
        )
    return buffer.getvalue()


def wheel_output_path(info: PackageInfo, data: bytes) -> str:
    return f"wheels/{short_hash(data, 12)}/{wheel_name(info)}"
