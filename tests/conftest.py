"""Shared fixtures: one build of the site per test session, served on loopback,
and Playwright pointed at Debian's chromium."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sitebuild.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def build_site(out: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run the real `build.py` into `out`."""
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--out", str(out), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "dist"
    result = build_site(out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def serve_directory(directory: Path):
    """Serve `directory` with the site's own server (MIME types, .br/.gz, 404 page) on a free
    loopback port in a thread; returns (server, base URL)."""
    server = make_server(Path(directory), 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(site_dir):
    server, url = serve_directory(site_dir)
    yield url
    server.shutdown()
