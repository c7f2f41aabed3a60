"""The calculator's standard library: Pyodide's python_stdlib.zip trimmed to what the runtime
and the engine import, byte-compiled by Pyodide's own CPython 3.14 (the host's Python cannot
make bytecode the runtime loads), served at a content-hashed path.

The work is done by `stdlib.mjs` under Node: it starts Pyodide on the stock archive, runs the
engine the way the page's worker does, records every module imported from the archive, adds
the import closure of the engine's own modules, writes the new archive (compiled modules as
unchecked hash-based `.pyc`, the `encodings` package's other codecs as source, the data
files; members stored, fixed dates, sorted) and checks it by running the engine again on a
Pyodide started from it. That takes seconds, so its output is cached in `.cache/build/stdlib/`
under a hash of everything that decides it.

Given the batch's wheels too (its own and openpyxl's), the archive is /batch/'s: the same run,
then the batch as /batch/'s worker runs it, its modules added to the closure
(sitebuild/batch.py)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .compress import prune_cache
from .errors import BuildError
from .hashing import sha256_hex, short_hash
from .paths import CACHE, PYODIDE_PACKAGE, relative
from .runtime import pyodide_version

SCRIPT = Path(__file__).with_name("stdlib.mjs")
FOLDER = CACHE / "stdlib"
NODE_TIMEOUT = 600
NODE_MISSING = (
    "`node` was not found on PATH; it runs Pyodide to byte-compile the calculator's "
    "standard library. Install Node.js 18 or newer (Debian: `apt-get install nodejs npm`), "
    "then run `npm ci`"
)


@dataclass(frozen=True)
class Stdlib:
    path: str  # output path, e.g. pyodide/314.0.7/stdlib-0123456789ab.zip
    file: Path  # the archive in the cache
    size: int
    modules: int  # .pyc members
    sources: int  # .py members (codecs of the encodings package)
    data_files: int  # every other file
    node_seconds: float | None  # None when it came from the cache

    def summary(self, brotli_size: int | None = None, path: str | None = None) -> str:
        """path: where the build writes it, when not self.path (/batch/'s archive)."""
        served = f", {brotli_size / 1e6:.2f} MB brotli" if brotli_size is not None else ""
        made = ("from cache" if self.node_seconds is None
                else f"made by Node in {self.node_seconds:.1f} s")
        return (f"stdlib: {path or self.path}: {self.modules} modules as bytecode, "
                f"{self.sources} codec sources, {self.data_files} data files; "
                f"{self.size / 1e6:.2f} MB raw{served} "
                f"({made})")


def code_hash(wheel: bytes) -> str:
    """The hash of a wheel's Python files, which alone decide what the archive holds: every
    module their code can import is in it (stdlib.mjs, step 2), whatever the engine's data say.
    A change of the rules data alone (the yearly figures) needs no new archive."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        for name in sorted(n for n in archive.namelist() if n.endswith(".py")):
            data = archive.read(name)
            parts.append(f"{name}\n{len(data)}\n".encode() + data)
    return sha256_hex(b"".join(parts))


def cache_key(wheel: bytes, package: Path = PYODIDE_PACKAGE, batch_wheels=()) -> str:
    stock = package / "python_stdlib.zip"
    try:
        stock_hash = sha256_hex(stock.read_bytes())
    except FileNotFoundError:
        raise BuildError(relative(stock), "Pyodide runtime file missing: run `npm ci`") from None
    parts = [
        "pyodide " + pyodide_version(package),
        "stock " + stock_hash,
        "wheel " + code_hash(wheel),
        *("batch wheel " + code_hash(data) for data in batch_wheels),
        "script " + sha256_hex(SCRIPT.read_bytes()),
        "step " + sha256_hex(Path(__file__).read_bytes()),
    ]
    return sha256_hex("\n".join(parts).encode())


def _run_node(wheel: bytes, target: Path, package: Path, batch_wheels=()) -> None:
    node = shutil.which("node")
    if node is None:
        raise BuildError(relative(SCRIPT), NODE_MISSING)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    wheel_file = target.with_name(f"{target.name}.{os.getpid()}.whl")
    wheel_file.write_bytes(wheel)
    batch_files = []
    for index, data in enumerate(batch_wheels):
        batch_files.append(target.with_name(f"{target.name}.{os.getpid()}.{index}.whl"))
        batch_files[-1].write_bytes(data)
    try:
        done = subprocess.run(
            [node, str(SCRIPT), str(package), str(wheel_file), str(partial),
             *map(str, batch_files)],
            capture_output=True, text=True, timeout=NODE_TIMEOUT,
        )
        if done.returncode != 0 or not partial.is_file():
            detail = (done.stderr.strip() or done.stdout.strip())[-3000:]
            raise BuildError(
                relative(SCRIPT),
                f"making the calculator's standard library under Node failed "
                f"(exit {done.returncode}); `npm ci` reinstalls Pyodide:\n{detail}",
            )
        partial.replace(target)
    except subprocess.TimeoutExpired:
        raise BuildError(relative(SCRIPT), f"Node did not finish in {NODE_TIMEOUT} s") from None
    finally:
        for file in (wheel_file, partial, *batch_files):
            file.unlink(missing_ok=True)


def build_stdlib(wheel: bytes, package: Path = PYODIDE_PACKAGE,
                 folder: Path = FOLDER, batch_wheels: tuple[bytes, ...] = ()) -> Stdlib:
    """The trimmed archive for this wheel and this Pyodide (with batch_wheels: /batch/'s),
    from the cache when it has it."""
    cached = folder / f"{cache_key(wheel, package, batch_wheels)}.zip"
    seconds = None
    if cached.is_file():
        os.utime(cached)  # recently used: kept by prune_cache()
    else:
        started = time.perf_counter()
        _run_node(wheel, cached, package, batch_wheels)
        seconds = time.perf_counter() - started
        prune_cache(folder)
    data = cached.read_bytes()
    with zipfile.ZipFile(cached) as archive:
        files = [n for n in archive.namelist() if not n.endswith("/")]
    modules = sum(n.endswith(".pyc") for n in files)
    sources = sum(n.endswith(".py") for n in files)
    return Stdlib(
        path=f"pyodide/{pyodide_version(package)}/stdlib-{short_hash(data, 12)}.zip",
        file=cached,
        size=len(data),
        modules=modules,
        sources=sources,
        data_files=len(files) - modules - sources,
        node_seconds=seconds,
    )
