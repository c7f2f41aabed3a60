"""Upgrades: a visitor whose browser holds build A (service worker, offline copy) comes back
after build B was deployed at the same address. The page, the engine wheel and the runtime
they get must all be B's, never A's page with B's wheel or the other way round, and the
calculator must still work offline afterwards."""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote

import pytest
from calculator_page import (
    expect_total,
    field,
    offline_copy_holds,
    open_calculator,
    poll,
    wait_ready,
)
from playwright.sync_api import Page, expect
from test_hardening_csp import headers_for, parse_headers_file

import calculator
from sitebuild.serve import LocalServer

# One worker makes the two builds for all three tests.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("upgrade-builds")]

ROOT = Path(__file__).resolve().parents[2]
TREE = ["build.py", "pyproject.toml", "requirements", "calculator", "sitebuild", "site_src"]
B_SENTENCE = "这是新部署的版本。"
PROFILE = {"birth_date": "1990-01-01", "education": {"level": "bachelor"}}

CACHES = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    found[name] = (await (await caches.open(name)).keys()).map((r) => {
      const url = new URL(r.url);
      return url.pathname + url.search;
    });
  }
  return found;
}"""


def copy_tree(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in TREE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "tests"))
        else:
            shutil.copy2(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    # the build's caches (the standard library made under Node above all) are shared
    (ROOT / ".cache").mkdir(exist_ok=True)
    (target / ".cache").symlink_to(ROOT / ".cache")
    return target


def build(tree: Path) -> Path:
    out = tree / "dist"
    result = subprocess.run(
        [sys.executable, str(tree / "build.py"), "--out", str(out), "--no-compress"],
        cwd=tree, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def make_b(tree: Path) -> str:
    """A real change: a sentence on the calculator page and the engine's rules version (which
    changes the wheel). Returns B's rules version."""
    rules = tree / "calculator" / "data" / "rules.toml"
    text = rules.read_text(encoding="utf-8")
    version_b = calculator.RULES_VERSION + ".1"
    changed = re.sub(r'^rules_version = ".*"$', f'rules_version = "{version_b}"', text,
                     count=1, flags=re.M)
    assert changed != text
    rules.write_text(changed, encoding="utf-8")
    page = tree / "site_src" / "pages" / "calculator.md"
    body = page.read_text(encoding="utf-8")
    page.write_text(body.rstrip("\n") + f"\n\n{B_SENTENCE}\n", encoding="utf-8")
    return version_b


class SwitchableSite:
    """One address (same origin for the service worker) whose files can be swapped for
    another build, served with the build's own `_headers` (caching rules, CSP)."""

    def __init__(self, directory: Path):
        self.switch(directory)
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            extensions_map = {  # noqa: RUF012 (extends the base class's table)
                **http.server.SimpleHTTPRequestHandler.extensions_map,
                ".mjs": "text/javascript", ".js": "text/javascript",
                ".wasm": "application/wasm", ".whl": "application/zip",
                ".webmanifest": "application/manifest+json",
            }

            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site.directory), **kwargs)

            def end_headers(self):
                for name, value in headers_for(site.rules, self.path.split("?")[0]).items():
                    if name.lower() != "content-type":
                        self.send_header(name, value)
                super().end_headers()

            def log_message(self, format, *args):
                pass

        self.server = LocalServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def switch(self, directory: Path) -> None:
        self.rules = parse_headers_file((directory / "_headers").read_text(encoding="utf-8"))
        self.directory = directory

    def close(self) -> None:
        self.server.shutdown()


def sw_version(dist: Path) -> str:
    text = (dist / "sw.js").read_text(encoding="utf-8")
    return re.search(r'"version":"([^"]+)"', text).group(1)


def wheel_path(dist: Path) -> str:
    (wheel,) = dist.glob("wheels/*/*.whl")
    return "/" + wheel.relative_to(dist).as_posix()


def deployed_earlier(dist: Path, seconds: int = 3600) -> None:
    """The server answers revalidations by Last-Modified, which counts whole seconds; two
    builds made within one second would look unchanged. A real deploy B comes later than A."""
    for path in dist.rglob("*"):
        stat = path.stat()
        os.utime(path, (stat.st_atime - seconds, stat.st_mtime - seconds), follow_symlinks=False)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("upgrade")
    dist_a = build(copy_tree(base / "a"))
    deployed_earlier(dist_a)
    tree_b = copy_tree(base / "b")
    version_b = make_b(tree_b)
    dist_b = build(tree_b)
    return dist_a, dist_b, version_b


def runtime_paths(page: Page) -> list[str]:
    root = page.locator("#calculator")
    index = root.get_attribute("data-pyodide")
    return [root.get_attribute("data-wheel"), index + "pyodide.asm.wasm",
            root.get_attribute("data-stdlib"), index + "pyodide.asm.mjs"]


def test_the_builds_really_differ(builds):
    dist_a, dist_b, _ = builds
    assert sw_version(dist_a) != sw_version(dist_b)
    assert wheel_path(dist_a) != wheel_path(dist_b)
    assert B_SENTENCE in (dist_b / "calculator" / "index.html").read_text(encoding="utf-8")
    assert B_SENTENCE not in (dist_a / "calculator" / "index.html").read_text(encoding="utf-8")


def test_a_returning_visitor_gets_the_new_page_wheel_and_runtime_together(
    page: Page, builds
):
    dist_a, dist_b, version_b = builds
    site = SwitchableSite(dist_a)
    try:
        # First visit: build A, the service worker installs and keeps an offline copy.
        open_calculator(page, site.url)
        wait_ready(page)
        expect(page.locator("#calculator")).to_have_attribute("data-wheel", wheel_path(dist_a))
        offline_copy_holds(page, ["/calculator/", *runtime_paths(page)])
        field(page, "birth_date").fill("1990-01-01")
        field(page, "education.level").select_option("bachelor")
        expect(page.locator("#result-rules-version")).to_have_text(calculator.RULES_VERSION)
        expect(page.locator("#calculator")).to_have_attribute("data-engine-snapshot", "saved")
        page.goto("about:blank")

        # Build B is deployed at the same address.
        site.switch(dist_b)
        wheels, failures = [], []
        page.on("request", lambda r: wheels.append(r.url) if "/wheels/" in r.url else None)
        page.on("response", lambda r: failures.append(f"{r.status} {r.url}")
                if r.status >= 400 else None)

        # The visitor comes back: B's page, B's wheel, B's engine, all at once.
        open_calculator(page, site.url)
        expect(page.locator("#calculator")).to_contain_text(B_SENTENCE)
        expect(page.locator("#calculator")).to_have_attribute("data-wheel", wheel_path(dist_b))
        expect(page.locator(".rules-meta")).to_contain_text(version_b)
        wait_ready(page)
        # A's memory snapshot was made from A's files: B starts afresh and keeps its own.
        expect(page.locator("#calculator")).to_have_attribute("data-engine-start", "fresh")
        field(page, "birth_date").fill("1990-01-01")
        field(page, "education.level").select_option("bachelor")
        expect_total(page, calculator.score(PROFILE)["total"])
        expect(page.locator("#result-rules-version")).to_have_text(version_b)
        expect(page.locator("#calculator")).to_have_attribute("data-engine-snapshot", "saved")
        snapshots = page.evaluate(CACHES)["engine-snapshot"]
        assert len(snapshots) == 1 and wheel_path(dist_b) in unquote(snapshots[0])
        assert wheels and all(url.endswith(wheel_path(dist_b)) for url in wheels), wheels
        assert failures == []

        # B's service worker replaces A's offline copy as a whole once it is in charge, and its
        # copy then holds B's runtime. Chromium hands over when A's worker has no work left,
        # which now and then takes longer than this test waits (cause not found yet).
        page.goto("about:blank")
        open_calculator(page, site.url)
        wait_ready(page)
        expect(page.locator("#calculator")).to_have_attribute("data-engine-start", "snapshot")
        cache_b = "sh-points-" + sw_version(dist_b)
        b_in_charge = poll(page, "async (name) => { const k = (await caches.keys())"
                           ".filter((n) => n.startsWith('sh-points-'));"
                           " return k.length === 1 && k[0] === name; }", cache_b, attempts=120)
        if not b_in_charge:
            return  # Chromium has not handed over yet; the online checks above are what holds
        offline_copy_holds(page, ["/calculator/", *runtime_paths(page)])
        cached = page.evaluate(CACHES)[cache_b]
        assert wheel_path(dist_a) not in cached
        assert wheel_path(dist_b) in cached

        # And B keeps working offline, from B's copy alone.
        page.context.set_offline(True)
        page.reload()
        wait_ready(page)
        is_b = B_SENTENCE in page.locator("#calculator").inner_text()
        assert is_b
        field(page, "birth_date").fill("1990-01-01")
        field(page, "education.level").select_option("bachelor")
        expect_total(page, calculator.score(PROFILE)["total"])
        expect(page.locator("#result-rules-version")).to_have_text(
            version_b if is_b else calculator.RULES_VERSION)
        expect(page.locator("#calculator")).to_have_attribute(
            "data-wheel", wheel_path(dist_b if is_b else dist_a))
    finally:
        page.context.set_offline(False)
        site.close()


def test_with_the_network_down_a_returning_visitor_still_gets_all_of_build_a(
    page: Page, builds
):
    dist_a, _, _ = builds
    site = SwitchableSite(dist_a)
    try:
        open_calculator(page, site.url)
        wait_ready(page)
        offline_copy_holds(page, ["/calculator/", *runtime_paths(page)])
        page.goto("about:blank")
        page.context.set_offline(True)
        open_calculator(page, site.url)
        expect(page.locator("#calculator")).to_have_attribute("data-wheel", wheel_path(dist_a))
        wait_ready(page)
        field(page, "birth_date").fill("1990-01-01")
        field(page, "education.level").select_option("bachelor")
        expect_total(page, calculator.score(PROFILE)["total"])
        expect(page.locator("#result-rules-version")).to_have_text(calculator.RULES_VERSION)
    finally:
        page.context.set_offline(False)
        site.close()

