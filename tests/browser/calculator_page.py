"""Helpers shared by the calculator's browser tests."""

from __future__ import annotations

import base64
import json
import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitebuild.serve import make_server

READY_MS = 30_000
# A folder for the screenshots the browser tests take for a person to look at
# (`SCREENSHOTS=/tmp/shots ./dev test tests/browser`, docs/development.md); unset, none is taken.
SCREENSHOTS = os.environ.get("SCREENSHOTS")
AS_OF = "2026-11-01"


def share_hash(profile, *, padding: bool = False) -> str:
    raw = json.dumps(profile, ensure_ascii=False).encode("utf-8")
    text = base64.urlsafe_b64encode(raw).decode("ascii")
    return "#profile=" + (text if padding else text.rstrip("="))


def serve_directory(directory: Path):
    """Serve `directory` with the site's own server (MIME types, .br/.gz, 404 page) on a free
    loopback port in a thread; returns (server, base URL)."""
    server = make_server(Path(directory), 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# The tabs browser tests keep from one test to the next (tests/browser/conftest.py).
_KEPT_TABS: set = set()


def keep_tab(page: Page) -> None:
    _KEPT_TABS.add(page)


def forget_kept_tab(page: Page) -> None:
    _KEPT_TABS.discard(page)


def is_kept(page: Page) -> bool:
    return page in _KEPT_TABS


# In a kept tab whose engine is ready: 清除我的数据 (the form, the card, the plan, this tab's and
# this device's copies), storage emptied, then the share link (if any) opened as a person opens
# another link in the same tab; returns once the page has read it (its own hashchange listener
# runs before this one), or false when the tab cannot be used this way.
_OPEN_IN_KEPT_TAB = """async (fragment) => {
  const root = document.getElementById("calculator");
  if (!root || root.dataset.engine !== "ready") return false;
  document.getElementById("clear-button").click();
  for (const section of root.querySelectorAll("details[open]")) section.open = false; // as served
  localStorage.clear();
  sessionStorage.clear();
  document.activeElement?.blur();
  window.scrollTo(0, 0);
  if (fragment) {
    await new Promise((resolve) => {
      window.addEventListener("hashchange", resolve, { once: true });
      location.hash = fragment;
    });
  }
  return true;
}"""


def look_at(target, name: str, **options) -> None:
    """A screenshot of `target` (a page or a locator) into SCREENSHOTS as `name`.png."""
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        target.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), **options)


def _opened_in_kept_tab(page: Page, site_url: str, fragment: str) -> bool:
    return (
        page in _KEPT_TABS
        and page.url.split("#", 1)[0] == f"{site_url}/calculator/"
        and page.evaluate(_OPEN_IN_KEPT_TAB, fragment)
    )


def open_empty(page: Page, site_url: str) -> None:
    """The calculator with nothing filled in, its engine ready. A kept tab already on it starts
    over with 清除我的数据 (its card then says 已清除 rather than what to fill first, and 撤销 is
    offered for a while); anything else opens the page."""
    if not _opened_in_kept_tab(page, site_url, ""):
        open_calculator(page, site_url)
        wait_ready(page)


def open_calculator(page: Page, site_url: str, fragment: str = "") -> None:
    """The calculator at `fragment` (a share link's #profile=… or nothing). A kept tab already on
    the calculator with its engine ready opens a share link in place; anything else is a page
    load."""
    if page in _KEPT_TABS:
        if fragment.startswith("#profile=") and _opened_in_kept_tab(page, site_url, fragment):
            return
        if page.url.startswith(site_url):  # the last test's copies must not fill this page
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        page.goto("about:blank")  # what follows is a page load, never a change of #fragment
    page.goto(f"{site_url}/calculator/{fragment}")


def wait_ready(page: Page) -> None:
    expect(page.locator("#calculator")).to_have_attribute("data-engine", "ready", timeout=READY_MS)


def expect_total(page: Page, total: int, passes: bool | None = None) -> None:
    expect(page.locator("#total")).to_have_text(str(total), timeout=10_000)
    if passes is not None:
        expect(page.locator("#total")).to_have_attribute(
            "data-passes", "true" if passes else "false"
        )


def field(page: Page, name: str):
    """The visible control whose name is the profile path `name`."""
    return page.locator(f'#calculator [name="{name}"]:visible').first


# The engine snapshots the browser keeps: for each, its key, its size, which of `bits` occur in
# its bytes (read as Latin-1, so every byte is one character), and whether a name the engine
# certainly holds ("RULES_VERSION") is found, which shows the search can see inside.
SNAPSHOT_CONTENTS = """async (bits) => {
  const cache = await caches.open("engine-snapshot");
  const found = [];
  for (const request of await cache.keys()) {
    const bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
    const text = new TextDecoder("latin1").decode(bytes);
    found.push({ url: request.url, size: bytes.byteLength,
                 found: bits.filter((bit) => text.includes(bit)),
                 knows: text.includes("RULES_VERSION") });
  }
  return found;
}"""


def poll(page: Page, script: str, arg=None, attempts: int = 240):
    """Evaluate `script` in the page every 250 ms until it returns something truthy (60 s at
    most); returns that value, or None."""
    for _ in range(attempts):
        value = page.evaluate(script, arg)
        if value:
            return value
        page.wait_for_timeout(250)
    return None


def wait_until(page: Page, script: str, arg=None, attempts: int = 240):
    """Like poll, but a test failure when it never becomes true."""
    value = poll(page, script, arg, attempts)
    if not value:
        pytest.fail(f"never became true: {script[:80]}")
    return value


def offline_copy_holds(page: Page, paths: list[str]) -> None:
    """Wait until the page is controlled by the service worker and one cache holds all `paths`."""
    wait_until(page, """async (paths) => {
      if (!navigator.serviceWorker.controller) return false;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        if ((await Promise.all(paths.map((p) => cache.match(p)))).every(Boolean)) return true;
      }
      return false;
    }""", paths)


# The person of the plan issue: 85 points, non-full-time 大专 without 三地一致, insured since
# 2016-01 at 0.8x, no certificate; time alone never brings her to 120, eleven routes do.
EIGHTY_FIVE = {
    "version": 2,
    "as_of": "2026-11-28",
    "birth_date": "1983-11-20",
    "education": {"level": "junior_college", "full_time": False, "study_place_consistent": False},
    "insurance": [{"from": "2016-01", "base_multiple": 0.8}],
}
