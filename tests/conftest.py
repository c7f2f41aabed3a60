"""Shared fixtures: one build of the site per test session, served on loopback,
and Playwright pointed at Debian's chromium; and `--quick`, the engine and build unit tests
without a browser, a site build or Pyodide (docs/development.md)."""

from __future__ import annotations

import fcntl
import os
import random
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sitebuild.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
# The tests' browser: Chromium's headless shell (Debian's chromium-headless-shell, built from the
# same source as its chromium), the headless browser Playwright itself runs for tests. It spends
# about a third less CPU than the full browser run headless (docs/benchmarks.md); the
# benchmarks (bench/common.py) measure the full browser, as people have it. The full browser
# stands in where the shell cannot be installed.
SHELL, FULL = "/usr/bin/chromium-headless-shell", "/usr/bin/chromium"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or next(
    (path for path in (SHELL, FULL) if os.path.exists(path)), SHELL)
# A test that asks for one of these runs the real build.py (the last two: tests/build/conftest.py);
# it is marked "build" here, as the tests that run build.py themselves are by hand.
BUILDS = {"site_dir", "site_url", "project", "built_project"}
# Not even collected in the quick run: they need chromium, or the engine inside Pyodide.
NOT_QUICK = (ROOT / "tests" / "browser", ROOT / "tests" / "test_engine_in_pyodide.py")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The tests only: WebAssembly compiled once by V8's baseline compiler, never again in the
# background by its optimizing one. A first visit then costs about a quarter less CPU (the
# browser tests are several hundred first visits on two cores); the page and the engine behave
# the same. The benchmarks (bench/common.py) keep the browser as people have it.
TEST_ONLY_ARGS = ["--js-flags=--liftoff-only"]


def pytest_addoption(parser):
    parser.addoption(
        "--quick", action="store_true",
        help="the engine and build unit tests only: no browser, no site build, no Pyodide, "
        "nothing marked slow, a tenth of the hypothesis examples",
    )
    parser.addoption(
        "--shuffle", type=int, metavar="SEED",
        help="run the tests in the order this seed shuffles them into, to find a test that "
        "depends on the one before it (docs/development.md)",
    )


def pytest_configure(config):
    try:
        from hypothesis import settings
    except ImportError:  # the engine tests inside Pyodide run without hypothesis
        return
    settings.register_profile("quick")  # tests/engine/profile_strategies.examples() reads it
    if config.getoption("quick"):
        settings.load_profile("quick")


def pytest_ignore_collect(collection_path, config):
    if config.getoption("quick") and collection_path in NOT_QUICK:
        return True
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BUILDS.intersection(getattr(item, "fixturenames", ())):
            item.add_marker("build")
    if not config.getoption("quick"):
        # The long tests (the engine inside Pyodide, a thousand rows) first, so that on workers
        # they run beside the many short ones instead of after them. The workers take the
        # first tests in turn: the second long one that needs the site starts its build (a
        # minute in a fresh clone) while the other workers run tests that need none, and the
        # browser tests, last, find the site built.
        items.sort(key=lambda item: (item.get_closest_marker("slow") is None,
                                     item.get_closest_marker("build") is not None))
        if config.getoption("shuffle") is not None:
            random.Random(config.getoption("shuffle")).shuffle(items)
        return
    quick, left_out = [], []
    for item in items:
        heavy = any(item.get_closest_marker(name) for name in ("build", "browser", "slow"))
        (left_out if heavy else quick).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = quick


def pytest_xdist_make_scheduler(config, log):
    """Tests marked `xdist_group` (sharing an expensive module fixture, such as two builds) run
    on one worker; the others go one by one to whichever worker is free."""
    from xdist.scheduler import LoadGroupScheduling

    return LoadGroupScheduling(config, log)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": [*CHROMIUM_ARGS, *TEST_ONLY_ARGS]}


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
    """One build for the whole run. Under pytest-xdist each worker is a session of its own:
    the first to ask builds into the folder the workers share, the others wait and use it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    out = shared / "site" / "dist"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "site" / "built").is_file():
            shutil.rmtree(out.parent, ignore_errors=True)
            out.parent.mkdir()
            result = build_site(out)
            assert result.returncode == 0, result.stdout + result.stderr
            (shared / "site" / "built").touch()
    return out


@pytest.fixture(scope="session")
def site_url(site_dir):
    """The build served by the site's own server (MIME types, .br/.gz, 404 page) on loopback."""
    server = make_server(site_dir, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
