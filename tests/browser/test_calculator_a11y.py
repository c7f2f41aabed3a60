"""axe-core (from node_modules) finds no violations on the calculator, empty and filled in."""

from __future__ import annotations

import json

import pytest
from axe_check import violations
from calculator_page import expect_total, open_calculator, share_hash, wait_ready
from playwright.sync_api import Page

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

FILLED = {
    "as_of": "2026-11-01",
    "birth_date": "1988-07-20",
    "education": {"level": "junior_college"},
    "credentials": [{"type": "qualification", "name": "注册会计师"}],
    "insurance": [{"from": "2019-07", "base_multiple": 1.2}],
    "spouse": {"married_on": "2015-10-01"},
}


@pytest.fixture
def browser_context_args(browser_context_args):
    # axe is injected as a script tag, which the page's CSP would otherwise refuse.
    return {**browser_context_args, "bypass_csp": True}


@pytest.mark.parametrize("width", [360, 1280])
def test_empty_calculator_has_no_axe_violations(page: Page, site_url: str, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    open_calculator(page, site_url)
    wait_ready(page)
    found = violations(page)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


def test_filled_calculator_with_lines_open_and_errors_has_no_axe_violations(
    page: Page, site_url: str
):
    open_calculator(page, site_url, share_hash(FILLED))
    wait_ready(page)
    expect_total(page, calculator.score(FILLED)["total"])
    page.evaluate("document.querySelectorAll('#calculator details').forEach(d => d.open = true)")
    found = violations(page)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
    page.locator('[name="insurance[0].from"]').fill("2019-99")
    page.locator('[name="insurance[0].from"]').press("Tab")  # checked when the person leaves it
    page.locator("#error-summary").wait_for(state="visible")
    found = violations(page)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
