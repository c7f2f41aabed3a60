"""While a field is being fixed, the last valid result stays on the card, marked out of date
(`markStale`, the card's data-state="stale"), and no new error appears in a field that is being
typed in."""

from __future__ import annotations

import pytest
from calculator_page import AS_OF, expect_total, field, open_calculator, share_hash, wait_ready
from people import PHONE, field_errors, leave, pause, set_width, type_in
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

START = {
    "version": 2,
    "as_of": AS_OF,
    "birth_date": "1992-03-15",
    "education": {"level": "bachelor"},
    "insurance": [{"from": "2021-01", "base_multiple": 0.7}],
}


def _opened(page: Page, site_url: str, width: int) -> int:
    """The calculator at `width` with START filled and scored; the total it shows."""
    set_width(page, width)
    open_calculator(page, site_url, share_hash(START))
    wait_ready(page)
    total = calculator.score(START)["total"]
    expect_total(page, total)
    return total


@pytest.mark.parametrize("width", PHONE)
def test_an_error_does_not_appear_in_a_field_that_was_fine_while_it_is_retyped(
    page: Page, site_url: str, width: int
):
    before = _opened(page, site_url, width)
    birth = field(page, "birth_date")
    birth.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    page.keyboard.type("1990-0", delay=90)
    pause(page)
    assert field_errors(page) == []
    # The last valid result stays, marked out of date.
    card = page.locator("#result")
    expect(card).to_have_attribute("data-state", "stale")
    expect(page.locator("#total")).to_have_text(str(before))
    page.keyboard.type("5-12", delay=90)
    after = calculator.score({**START, "birth_date": "1990-05-12"})["total"]
    expect_total(page, after)
    expect(card).not_to_have_attribute("data-state", "stale")


@pytest.mark.parametrize("width", PHONE)
def test_the_result_stays_marked_while_a_shown_error_is_fixed(
    page: Page, site_url: str, width: int
):
    before = _opened(page, site_url, width)
    start = field(page, "insurance[0].from")
    type_in(page, start, "99")  # 2021-0199
    leave(page)
    expect(page.locator("#f-insurance-0-from-error")).to_be_visible()
    start.click()
    page.keyboard.press("End")
    page.keyboard.press("Backspace")  # 2021-019: still wrong
    expect(page.locator("#result")).to_have_attribute("data-state", "stale")
    expect(page.locator("#total")).to_have_text(str(before))
    expect(page.locator("#f-insurance-0-from-error")).to_be_visible()
    pause(page, 800)
    page.keyboard.press("Backspace")  # 2021-01
    expect(page.locator("#f-insurance-0-from-error")).to_be_hidden()
    expect(page.locator("#result")).not_to_have_attribute("data-state", "stale")
    expect_total(page, before)


@pytest.mark.parametrize("width", PHONE)
def test_another_persons_link_in_the_same_tab_never_brings_the_old_result_back(
    page: Page, site_url: str, width: int
):
    """A share link opened in a tab that shows someone's result (the address changes, the page
    does not reload): while the new answers are fixed, the card never shows the old total."""
    before = _opened(page, site_url, width)
    other = {**START, "birth_date": "1988-02-30", "education": {"level": "master"}}
    page.evaluate("(hash) => { location.hash = hash; }", share_hash(other))
    birth = field(page, "birth_date")
    expect(birth).to_have_value("1988-02-30")
    card = page.locator("#result")
    expect(card).to_have_attribute("data-state", "error")
    # Another field typed in while the date is still wrong (its start month: 2021-0, on the
    # way to another month): the card must not bring back the last result it showed, which
    # was the previous person's.
    start = field(page, "insurance[0].from")
    start.click()
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    pause(page)
    expect(card).not_to_have_attribute("data-state", "stale")
    assert str(before) not in page.locator("#total").inner_text()
    assert page.locator("#total").inner_text() == "—"
    page.keyboard.type("1", delay=90)
    birth.fill("1988-02-28")
    birth.press("Tab")
    after = calculator.score({**other, "birth_date": "1988-02-28"})["total"]
    expect_total(page, after)
