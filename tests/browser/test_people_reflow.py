"""Reflow (WCAG 1.4.10): the calculator with a filled profile, its plan and every section of it
open, never scrolls sideways at 320 px wide, nor at 360 px with the browser's default font at
200 % (Chromium's own font-size setting, as a person sets it)."""

from __future__ import annotations

import pytest
from calculator_page import expect_total, look_at, open_calculator, share_hash, wait_ready
from people import set_width
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

PROFILE = {
    "version": 2,
    "as_of": "2026-11-01",
    "birth_date": "1981-03-10",
    "education": {"level": "junior_college", "full_time": False},
    "credentials": [{"type": "skill", "level": 3, "occupation": "电工", "job_match": True,
                     "obtained_in_shanghai": False}],
    "insurance": [{"from": "2018-03", "to": "2022-06", "base_multiple": 0.6},
                  {"from": "2022-07", "base_cny": "最低"}],
    "plan": {"target_date": "2029-03-01"},
}

OPEN_ALL = """() => {
  for (const d of document.querySelectorAll('#calculator details')) d.open = true;
}"""

# Elements reaching past the page's right edge (for the failure message).
WIDER = """() => {
  const width = document.documentElement.clientWidth;
  return {
    scroll: document.documentElement.scrollWidth,
    width,
    wider: [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && e.getClientRects().length)
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
  };
}"""


@pytest.mark.own_tab  # the browser's font size, set for good
@pytest.mark.parametrize(("width", "font"), [(320, 16), (360, 32)])
def test_no_sideways_scrolling(page: Page, site_url: str, width: int, font: int):
    set_width(page, width)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font}})
    open_calculator(page, site_url, share_hash(PROFILE))
    wait_ready(page)
    expect_total(page, calculator.score(PROFILE)["total"])
    expect(page.locator("#plan")).not_to_be_empty()
    assert page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)") >= font
    page.evaluate(OPEN_ALL)
    page.wait_for_timeout(300)
    found = page.evaluate(WIDER)
    look_at(page, f"reflow-{width}-{font}", full_page=True)
    assert found["scroll"] <= found["width"], found
