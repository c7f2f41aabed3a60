"""Helpers shared by the calculator's browser tests."""

from __future__ import annotations

import base64
import json

import pytest
from playwright.sync_api import Page, expect

READY_MS = 30_000
AS_OF = "2026-11-01"


def share_hash(profile, *, padding: bool = False) -> str:
    raw = json.dumps(profile, ensure_ascii=False).encode("utf-8")
    text = base64.urlsafe_b64encode(raw).decode("ascii")
    return "#profile=" + (text if padding else text.rstrip("="))


def open_calculator(page: Page, site_url: str, fragment: str = "") -> None:
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


def wait_until(page: Page, script: str, arg=None, attempts: int = 240):
    """Poll `script` in the page until it returns something truthy (60 s at most)."""
    for _ in range(attempts):
        value = page.evaluate(script, arg)
        if value:
            return value
        page.wait_for_timeout(250)
    pytest.fail(f"never became true: {script[:80]}")


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
