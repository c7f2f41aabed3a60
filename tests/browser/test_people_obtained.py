"""在上海工作期间取得 is a question with no answer until the person gives one (是 / 否): while
unanswered the certificate counts for nothing, the result asks at that question with what "yes"
would give, and the how-to for checking and verifying a certificate from elsewhere is linked
beside it. Links and saved copies that left the answer out fill 是, as the engine scored them."""

from __future__ import annotations

import pytest
from calculator_page import expect_total, open_calculator, share_hash, wait_ready
from people import ELECTRICIAN_START, open_with_skill_certificate
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

START = ELECTRICIAN_START
ELECTRICIAN = {"type": "skill", "level": 3, "occupation": "电工", "job_match": True}


def with_skill(**answers) -> dict:
    return {**START, "credentials": [{**ELECTRICIAN, **answers}]}


def test_obtained_in_shanghai_starts_unanswered_and_links_the_how_to(page: Page, site_url: str):
    open_with_skill_certificate(page, site_url, START, "3")
    page.locator("#f-credentials-0-job_match").check()
    yes = page.locator("#f-credentials-0-obtained_in_shanghai")
    no = page.locator("#f-credentials-0-obtained_in_shanghai-no")
    expect(yes).not_to_be_checked()
    expect(no).not_to_be_checked()
    how = page.locator("#f-credentials-0-obtained_in_shanghai-hint a")
    expect(how).to_have_attribute("href", "/titles-skills/#verify-skill")

    # Unanswered: nothing counts yet, and the result asks where the certificate was obtained.
    unanswered = calculator.score(with_skill(obtained_in_shanghai=False))
    [asked] = unanswered["to_confirm"]
    expect_total(page, unanswered["total"])
    item = page.locator("#to-confirm li")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("这张证书是在上海工作期间取得的吗？")
    expect(item).to_contain_text(f"总分{asked['if_yes']['total']}分")
    item.locator("button").click()
    expect(yes).to_be_focused()

    page.keyboard.press("Space")
    in_shanghai = calculator.score(with_skill(obtained_in_shanghai=True))
    expect_total(page, in_shanghai["total"])
    assert in_shanghai["total"] == asked["if_yes"]["total"]
    expect(page.locator("#to-confirm")).to_be_hidden()

    # 否: the verification question appears, the how-to still beside the first one.
    no.check()
    expect(page.locator("#f-credentials-0-verified_in_shanghai-group")).to_be_visible()
    expect_total(page, unanswered["total"])


def test_a_link_without_the_answer_fills_yes_as_it_was_scored(page: Page, site_url: str):
    profile = {**START, "credentials": [ELECTRICIAN]}
    open_calculator(page, site_url, share_hash(profile))
    wait_ready(page)
    expect(page.locator("#f-credentials-0-obtained_in_shanghai")).to_be_checked()
    expect_total(page, calculator.score(profile)["total"])
