"""axe-core finds no violations in what the form added for people: the picker's list open with
entries, a title and a certificate not in the catalogues; the 是/否 questions; the questions
still to confirm beside the result; a field error placed in a question's fieldset."""

from __future__ import annotations

import json

import pytest
from axe_check import violations
from calculator_page import AS_OF, expect_total, field, open_calculator, share_hash, wait_ready
from people import leave, set_width, type_in
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

START = {
    "version": 2,
    "as_of": AS_OF,
    "birth_date": "1990-05-12",
    "education": {"level": "bachelor", "full_time": False},
    "credentials": [{"type": "qualification", "name": "注册会计师"}],
    "insurance": [{"from": "2019-01", "base_multiple": 1.2}],
}


@pytest.fixture
def browser_context_args(browser_context_args):
    # axe is injected as a script tag, which the page's CSP would otherwise refuse.
    return {**browser_context_args, "bypass_csp": True}


# On a phone the pinned total bar covers whichever control is at the bottom of the screen (the
# card's own tests look at the bar); here it is set aside so axe judges the form.
BAR = "#total-bar"


@pytest.mark.parametrize("width", [360, 1280])
def test_questions_confirmations_picker_and_errors_have_no_axe_violations(
    page: Page, site_url: str, width: int
):
    set_width(page, width)
    open_calculator(page, site_url, share_hash(START))
    wait_ready(page)
    expect_total(page, calculator.score(START)["total"])
    expect(page.locator("#to-confirm li")).to_have_count(len(calculator.score(START)["to_confirm"]))
    found = violations(page, set_aside=BAR)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)

    # The picker open: an entry, a title and a certificate in neither catalogue.
    page.get_by_role("button", name="再添加一个证书").click()
    field(page, "credentials[1].type").select_option("qualification")
    type_in(page, field(page, "credentials[1].name"), "会计")
    kinds = page.eval_on_selector_all(
        "#f-credentials-1-name-options [role=option]", "els => els.map(e => e.dataset.kind)")
    assert {"qualification", "title", "not_counted"} <= set(kinds), kinds
    page.keyboard.press("ArrowDown")
    found = violations(page, set_aside=BAR)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)

    # An error at a field of a row, next to the questions.
    page.keyboard.press("Escape")
    type_in(page, field(page, "insurance[0].from"), "9")
    leave(page)
    expect(page.locator("#f-insurance-0-from-error")).to_be_visible()
    found = violations(page, set_aside=BAR)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
