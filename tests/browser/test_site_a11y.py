"""axe-core finds no violations on any page of the site but the calculator and the batch page
(their own tests fill them in first), on a phone and on a laptop."""

from __future__ import annotations

import json

import pytest
from axe_check import violations
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.same_tab("pages")]

SKIPPED = {"calculator", "batch"}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}


def page_paths(site_dir) -> list[str]:
    found = []
    for html in sorted(site_dir.rglob("index.html")):
        parts = html.relative_to(site_dir).parent.parts
        if not parts or parts[0] not in SKIPPED:
            found.append("/" + "".join(f"{part}/" for part in parts))
    return found


@pytest.mark.parametrize("width", [360, 1280])
def test_every_page_has_no_axe_violations(page: Page, site_url: str, site_dir, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    paths = page_paths(site_dir)
    assert "/" in paths and "/search/" in paths and "/hukou/" in paths
    found = {}
    for path in paths:
        page.goto(f"{site_url}{path}")
        if path == "/search/":
            page.fill("#search-q", "电工")
            page.locator("#search-results li").first.wait_for()
        if broken := violations(page):
            found[path] = broken
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
