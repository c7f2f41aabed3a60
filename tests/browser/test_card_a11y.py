"""axe-core finds no violations on the result card in each of its states: loading, input
errors, out of date, vetoed, cleared (with 撤销清除 on offer) and the engine unavailable (with
its folded technical detail open)."""

from __future__ import annotations

import json

import pytest
from axe_check import violations
from calculator_page import AS_OF, expect_total, field, open_calculator, share_hash, wait_ready
from playwright.sync_api import Page, expect

import calculator

pytestmark = pytest.mark.browser

PROFILE = {
    "as_of": AS_OF,
    "birth_date": "1990-04-02",
    "education": {"level": "master"},
    "insurance": [{"from": "2019-01", "base_multiple": 1}],
}


@pytest.fixture
def browser_context_args(browser_context_args):
    # axe is injected as a script tag, which the page's CSP would otherwise refuse; requests
    # must reach page.route, not the offline cache.
    return {**browser_context_args, "bypass_csp": True, "service_workers": "block"}


def state(page: Page, name: str) -> None:
    expect(page.locator("#result")).to_have_attribute("data-state", name, timeout=15_000)


def no_violations(page: Page) -> None:
    found = violations(page)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("width", [360, 1280])
def test_every_state_of_the_card_has_no_axe_violations(page: Page, site_url: str, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    open_calculator(page, site_url, share_hash(PROFILE))
    state(page, "loading")
    no_violations(page)
    for route in held:
        route.continue_()
    page.unroute("**/pyodide.asm.wasm")
    wait_ready(page)
    expect_total(page, calculator.score(PROFILE)["total"])

    box = field(page, "insurance[0].from")
    box.click()
    box.fill("2019-")
    state(page, "stale")
    no_violations(page)
    box.press("Tab")
    state(page, "error")
    no_violations(page)
    box.fill("2019-01")
    field(page, "serious_crime").check()
    state(page, "vetoed")
    no_violations(page)

    page.get_by_role("button", name="清除我的数据").click()
    state(page, "cleared")
    expect(page.get_by_role("button", name="撤销清除")).to_be_visible()
    no_violations(page)


def test_the_engine_unavailable_has_no_axe_violations(page: Page, site_url: str):
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body=b""))
    open_calculator(page, site_url)
    state(page, "unavailable")
    page.locator("#engine-error-detail summary").click()
    no_violations(page)
