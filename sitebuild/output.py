"""Writes the build into a temporary folder beside the output and swaps it into place."""

from __future__ import annotations

import os
import shutil
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


def write_tree(tree: OutputTree, folder: Path, compress: bool = True) -> None:
    for path, data in tree.data.items():
        _write(folder / path, data)
        if compress:
            for suffix, packed in compressed_variants(path, data):
                _write(folder / (path + suffix), packed)
    for path, source in tree.copies.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        if compress:
            for suffix, packed in compressed_variants(path, source.read_bytes()):
                _write(folder / (path + suffix), packed)


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
