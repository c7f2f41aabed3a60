"""Shared pieces of the benchmarks: a fresh build, a server that serves it like a real host
(pre-compressed .br/.gz, cache headers, CSP) and counts what it sends, the bare Pyodide page,
Chromium launched as the browser tests launch it, and the median (min–max) summary."""

from __future__ import annotations

import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BARE_DIR = Path(__file__).resolve().parent / "bare"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

sys.path.insert(0, str(ROOT))
from sitebuild.compress import compressed_variants, stored_zip  # noqa: E402
from sitebuild.paths import PYODIDE_PACKAGE  # noqa: E402
from sitebuild.runtime import pyodide_version  # noqa: E402
from sitebuild.serve import LocalServer, make_handler  # noqa: E402


def _conftest_chromium_args() -> list[str]:
    """The launch args the browser tests use (tests/conftest.py), so both see the same browser."""
    spec = importlib.util.spec_from_file_location("_bench_conftest", ROOT / "tests" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.CHROMIUM_ARGS)


CHROMIUM_ARGS = _conftest_chromium_args()


# ---- numbers ------------------------------------------------------------------------------
def spread(values: list[float], unit: str = "ms", digits: int = 0) -> str:
    """'median (min–max) unit' over the runs."""
    if not values:
        return "n/a"
    fmt = f"{{:.{digits}f}}"
    med, low, high = statistics.median(values), min(values), max(values)
    return f"{fmt.format(med)} ({fmt.format(low)}–{fmt.format(high)}) {unit}".rstrip()


# Decimal units, as the targets are written (5.0 MB = 5,000,000 bytes).
def kb(n: float) -> str:
    return f"{n / 1000:.1f} kB"


def mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB"


# ---- the build ----------------------------------------------------------------------------
def build_site(out: Path, *extra: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--out", str(out), *extra],
        cwd=ROOT, capture_output=True, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"build.py failed:\n{result.stdout}{result.stderr}")


def add_stock_stdlib(out: Path) -> None:
    """The bare pages call loadPyodide() without a stdLibURL, so Pyodide asks for the stock
    python_stdlib.zip next to its other files. The site no longer ships it (the calculator has
    its own, see sitebuild/stdlib.py): it is added from node_modules/pyodide, in the form the
    site served it before (members stored, brotli 11 and gzip copies), so the bare side's
    figures stay comparable with the earlier ones."""
    path = f"pyodide/{pyodide_version()}/python_stdlib.zip"
    data = stored_zip((PYODIDE_PACKAGE / "python_stdlib.zip").read_bytes())
    (out / path).write_bytes(data)
    for suffix, packed in compressed_variants(path, data):
        (out / (path + suffix)).write_bytes(packed)


def fresh_site() -> Path:
    """Builds the real site into bench/results/dist and adds the bare Pyodide pages with the
    stock standard library they load."""
    out = RESULTS / "dist"
    build_site(out)
    add_stock_stdlib(out)
    for name in ("bare", "bare-worker"):
        target = out / f"bench-{name}"
        target.mkdir(exist_ok=True)
        for source in BARE_DIR.iterdir():
            shutil.copy(source, target)
        html = (BARE_DIR / "index.html").read_text(encoding="utf-8")
        html = html.replace("{{index_url}}", f"/pyodide/{pyodide_version()}/")
        html = html.replace("{{mode}}", "worker" if name == "bare-worker" else "main")
        (target / "index.html").write_text(html, encoding="utf-8")
    return out


# ---- the server ---------------------------------------------------------------------------
@dataclass
class Sent:
    path: str
    status: int
    bytes: int
    encoding: str | None
    at: float = 0.0  # time.monotonic() when the request arrived


@dataclass
class Link:
    """A slow link, modelled in the server so that every request is slowed alike: the page's,
    its workers' and the service worker's (a DevTools throttle set on the page leaves the last
    two alone). Each response waits `rtt` seconds before its headers (as Chrome's
    Network.emulateNetworkConditions latency does; connection set-up is not modelled), and all
    bodies share `down_bps` bits per second, in the order their chunks come."""

    down_bps: float
    rtt: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    free_at: float = 0.0

    def send(self, size: int) -> None:
        with self.lock:
            now = time.monotonic()
            self.free_at = max(now, self.free_at) + size * 8 / self.down_bps
            wait = self.free_at - now
        if wait > 0:
            time.sleep(wait)

    def describe(self) -> str:
        return f"{self.down_bps / 1e6:g} Mbit/s down, {self.rtt * 1000:.0f} ms per request"


@dataclass
class Transfer:
    """One response as the server sent it: when its request came and its last byte left."""

    path: str
    bytes: int
    started: float
    seconds: float


CHUNK = 16 * 1024


@dataclass
class CountingServer:
    root: Path
    log: list[Sent] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    link: Link | None = None  # set to throttle every response (see Link)
    transfers: list[Transfer] = field(default_factory=list)

    def start(self) -> str:
        base = make_handler(self.root)
        server_self = self

        class Counting(base):
            def handle_one_request(self):
                self._started = time.monotonic()
                self._sent_bytes = 0
                super().handle_one_request()
                link = server_self.link
                if link is not None and getattr(self, "_bench", None):
                    with server_self.lock:
                        server_self.transfers.append(Transfer(
                            self.path.split("?")[0], self._sent_bytes, self._started,
                            time.monotonic() - self._started))

            def send_head(self):
                link = server_self.link
                if link is not None:
                    time.sleep(link.rtt)
                return super().send_head()

            def copyfile(self, source, outputfile):
                link = server_self.link
                if link is None:
                    return super().copyfile(source, outputfile)
                while chunk := source.read(CHUNK):
                    link.send(len(chunk))
                    outputfile.write(chunk)
                    self._sent_bytes += len(chunk)
                return None

            def send_response(self, code, message=None):
                self._bench = {"status": code, "length": 0, "encoding": None,
                               "at": getattr(self, "_started", time.monotonic())}
                super().send_response(code, message)

            def send_header(self, keyword, value):
                if keyword == "Content-Length":
                    self._bench["length"] = int(value)
                elif keyword == "Content-Encoding":
                    self._bench["encoding"] = value
                super().send_header(keyword, value)

            def end_headers(self):
                super().end_headers()
                info = getattr(self, "_bench", None)
                if info:
                    with server_self.lock:
                        server_self.log.append(Sent(self.path.split("?")[0], info["status"],
                                                    info["length"], info["encoding"],
                                                    info["at"]))

        self.httpd = LocalServer(("127.0.0.1", 0), Counting)  # quiet about dropped connections
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def throttle(self, link: Link | None) -> None:
        """Every response from now on goes through `link` (None: full speed again)."""
        self.link = link

    def mark(self) -> int:
        with self.lock:
            return len(self.log)

    def since(self, mark: int) -> list[Sent]:
        with self.lock:
            return list(self.log[mark:])

    def raw_size(self, path: str) -> int:
        """The uncompressed size of what a URL path names (directories -> index.html)."""
        file = self.root / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        return file.stat().st_size if file.is_file() else 0


@contextmanager
def serving(root: Path):
    server = CountingServer(root)
    url = server.start()
    try:
        yield server, url
    finally:
        server.stop()


# ---- the browser --------------------------------------------------------------------------
@contextmanager
def fresh_profile(playwright, **options):
    """A persistent context in a new, empty profile folder (cold HTTP cache, no service worker)."""
    folder = tempfile.mkdtemp(prefix="bench-profile-")
    context = playwright.chromium.launch_persistent_context(
        folder, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, **options)
    try:
        yield context
    finally:
        context.close()
        shutil.rmtree(folder, ignore_errors=True)


def chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    except OSError:
        return "unknown"
    return out.strip()


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1048576:.1f} GB"
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({cpu}), {memory} RAM; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; {chromium_version()}; "
            f"Pyodide {pyodide_version()}")


def settle(server, mark, quiet_seconds: float, limit: float, poll: float = 0.2):
    """Waits until the server has seen no request for `quiet_seconds` (at most `limit` s);
    returns every request since `mark`."""
    deadline = time.monotonic() + limit
    count, last_change = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = len(server.since(mark))
        if now != count:
            count, last_change = now, time.monotonic()
        elif time.monotonic() - last_change >= quiet_seconds:
            break
        time.sleep(poll)
    return server.since(mark)
