"""「孩子参加中考（某年）」 beside the deadline field fills the day calculator.schooling suggests
(the latest day when the suggested one has passed), which the person can change, with a link to
the schooling page; the plan is made for that day."""

from __future__ import annotations

import datetime as dt

import pytest
from calculator_page import AS_OF, look_at
from people import open_shared, type_in
from playwright.sync_api import Page, expect

from calculator import schooling

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

PROFILE = {
    "version": 2,
    "as_of": AS_OF,
    "birth_date": "1985-04-02",
    "education": {"level": "bachelor_with_degree"},
    "insurance": [{"from": "2019-01", "base_multiple": 1}],
}


def test_the_zhongkao_year_fills_a_deadline_the_person_can_change(page: Page, site_url: str):
    open_shared(page, site_url, PROFILE)
    expect(page.locator("#plan")).not_to_be_empty()
    year = dt.date.today().year + 3
    facts = schooling.zhongkao_deadline(year)
    page.locator("#plan-purpose").select_option(str(year))
    target = page.locator("#plan-target")
    expect(target).to_have_value(facts["recommended"].isoformat())
    note = page.locator("#plan-purpose-note")
    expect(note).to_contain_text(facts["words"])
    expect(note.locator("a")).to_have_attribute("href", "/schooling/#zhongkao-when")
    expect(page.locator("#plan")).to_contain_text("最迟")
    look_at(page.locator("#plan-section"), "zhongkao-360")

    # The person's own day replaces the suggestion.
    target.fill("")
    type_in(page, target, f"{year - 1}0301")
    page.keyboard.press("Tab")
    expect(target).to_have_value(f"{year - 1}0301")
    expect(page.locator("#plan")).to_contain_text(f"{year - 1}")
