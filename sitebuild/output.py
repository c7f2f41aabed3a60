"""Writes the build into a temporary folder beside the output and swaps it into place."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .compress import compressed_variants, prune_cache
from .errors import BuildError


class OutputTree:
    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}  # output path -> bytes
        self.copies: dict[str, Path] = {}  # output path -> source file (large, copied as is)

    def add(self, path: str, data: bytes) -> None:
        self.data[path] = data

    def copy(self, path: str, source: Path) -> None:
        self.copies[path] = source

    def paths(self) -> set[str]:
        return set(self.data) | set(self.copies)

    def bytes_of(self, path: str) -> bytes:
        return self.data[path] if path in self.data else self.copies[path].read_bytes()

    def total_bytes(self) -> int:
        copied = sum(p.stat().st_size for p in self.copies.values())
        return sum(map(len, self.data.values())) + copied


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _write_one(folder: Path, path: str, data: bytes | None, source: Path | None,
               compress: bool) -> None:
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if source is not None:
        shutil.copyfile(source, target)
    else:
        target.write_bytes(data)
    if compress:
        for suffix, packed in compressed_variants(path, data if source is None
                                                  else source.read_bytes()):
            _write(folder / (path + suffix), packed)


def write_tree(tree: OutputTree, folder: Path, compress: bool = True) -> None:
    """Writes files in threads: brotli, zlib and file writes release the GIL, so compressing
    a thousand changed pages uses every CPU."""
    jobs = [(path, data, None) for path, data in tree.data.items()]
    jobs += [(path, None, source) for path, source in tree.copies.items()]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        futures = [pool.submit(_write_one, folder, path, data, source, compress)
                   for path, data, source in jobs]
        for future in futures:
            future.result()


def atomic_write(tree: OutputTree, out: Path, compress: bool = True) -> None:
    """Builds into `.<name>.tmp-<pid>` next to `out`; replaces `out` only when all was written."""
    out = out.resolve()
    if out.exists() and not out.is_dir():
        raise BuildError(str(out), "output path exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    try:
        write_tree(tree, temp, compress)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    if out.exists():
        os.rename(out, old)
    os.rename(temp, out)
    shutil.rmtree(old, ignore_errors=True)
    if compress:
        prune_cache()
