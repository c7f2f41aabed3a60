"""Pre-compressed `.br` and `.gz` copies, cached by content hash so unchanged files
(the 13 MB Pyodide runtime above all) are compressed once, not at every build."""

from __future__ import annotations

import gzip
import os
import time
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


def _brotli_quality(size: int) -> int:
    return 11 if size <= SMALL else 9


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
    partial = key.with_suffix(f".{kind}.partial")
    partial.write_bytes(packed)
    partial.replace(key)
    return packed


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _brotli(data: bytes) -> bytes:
    return brotli.compress(data, quality=_brotli_quality(len(data)))


def compressed_variants(path: str, data: bytes) -> list[tuple[str, bytes]]:
    if PurePosixPath(path).suffix not in COMPRESSIBLE or len(data) < MIN_SIZE:
        return []
    out = []
    for suffix, kind, make in ((".br", f"br{_brotli_quality(len(data))}", _brotli),
                               (".gz", "gz9", _gzip)):
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
