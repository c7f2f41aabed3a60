"""Pre-compressed `.br` and `.gz` copies, cached by content hash so unchanged files
(the Pyodide runtime above all) are compressed once, not at every build."""

from __future__ import annotations

import gzip
import io
import os
import threading
import time
import zipfile
from pathlib import Path, PurePosixPath

import brotli

from .hashing import sha256_hex
from .paths import CACHE

COMPRESSIBLE = {
    ".wasm", ".mjs", ".zip", ".json", ".js", ".css", ".html", ".whl",
    ".svg", ".xml", ".txt", ".webmanifest",
}
MIN_SIZE = 512
# Brotli 11 takes ~3 ms per KB; 9 is ~10x faster and within ~8 % of its size. Pages and the
# search index change at every content edit, so only small files get 11.
SMALL = 16 * 1024
FOLDER = CACHE / "compressed"
KEEP_SECONDS = 7 * 24 * 3600


# The runtime never changes between builds (it is pinned), so its slow best quality is paid
# once per Pyodide version (about 2 minutes on 2 cores) and then read from the cache. It is
# what keeps the calculator's first visit under 5 MB as served (docs/benchmarks.md). The
# calculator's standard library (stdlib-<hash>.zip, see stdlib.py) changes only when the
# modules it holds do; python_stdlib.zip is the stock one, served by the benchmarks only;
# stdlib.zip is /batch/'s (sitebuild/batch.py). The wheels change only with the engine's code or
# data (their members are stored, so brotli 11 gains about a tenth over 9: 13 kB on the engine's).
BEST_QUALITY_NAMES = {"python_stdlib.zip", "pyodide.asm.mjs", "pyodide.asm.wasm", "stdlib.zip"}


def _best_quality(name: str) -> bool:
    return (name in BEST_QUALITY_NAMES or name.endswith(".whl")
            or (name.startswith("stdlib-") and name.endswith(".zip")))


def _brotli_quality(path: str, size: int) -> int:
    return 11 if size <= SMALL or _best_quality(PurePosixPath(path).name) else 9


def _cached(kind: str, data: bytes, make) -> bytes:
    key = FOLDER / f"{sha256_hex(data)}.{kind}"
    try:
        packed = key.read_bytes()
        os.utime(key)  # recently used: kept by prune_cache()
        return packed
    except FileNotFoundError:
        pass
    packed = make(data)
    key.parent.mkdir(parents=True, exist_ok=True)
    # unique per writer: threads and concurrent builds may compress the same bytes at once
    partial = key.with_suffix(f".{kind}.{os.getpid()}-{threading.get_ident()}.partial")
    partial.write_bytes(packed)
    partial.replace(key)
    return packed


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def stored_zip(data: bytes) -> bytes:
    """The same zip archive with every member stored, not deflated. Brotli then compresses
    across members: Pyodide's python_stdlib.zip goes from 2.49 MB to 1.59 MB as served."""

    def repack(original: bytes) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(original)) as source, \
                zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
            for info in source.infolist():
                info_copy = zipfile.ZipInfo(info.filename, info.date_time)
                info_copy.external_attr = info.external_attr
                target.writestr(info_copy, source.read(info), zipfile.ZIP_STORED)
        return out.getvalue()

    return _cached("stored.zip", data, repack)


def compressed_variants(path: str, data: bytes) -> list[tuple[str, bytes]]:
    if PurePosixPath(path).suffix not in COMPRESSIBLE or len(data) < MIN_SIZE:
        return []
    out = []
    quality = _brotli_quality(path, len(data))

    def _brotli(data: bytes) -> bytes:
        return brotli.compress(data, quality=quality)

    for suffix, kind, make in ((".br", f"br{quality}", _brotli), (".gz", "gz9", _gzip)):
        packed = _cached(kind, data, make)
        if len(packed) < len(data):
            out.append((suffix, packed))
    return out


def prune_cache(folder: Path = FOLDER) -> None:
    """Drops compressed copies unused for a week (old page versions pile up otherwise)."""
    cutoff = time.time() - KEEP_SECONDS
    for path in folder.glob("*"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            pass
