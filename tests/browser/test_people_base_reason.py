"""Never frozen without a reason: a base typed is shown in the other unit (倍数⇄元) with the
yardstick of the month typed, from the engine's data; an unreadable value is named at its
field when the field is left; the out-of-date card names the cause and links to the field."""

from __future__ import annotations

import datetime as dt

import pytest
from calculator_page import AS_OF, expect_total, field, look_at
from people import leave, open_shared, type_in
from playwright.sync_api import Page, expect

import calculator
from calculator import yardstick
from calculator.dates import month_of

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

PROFILE = {
    "version": 2,
    "as_of": AS_OF,
    "birth_date": "1990-05-12",
    "education": {"level": "bachelor_with_degree"},
    "insurance": [{"from": "2021-03", "base_multiple": 1}],
}


def test_the_base_line_and_the_reason_a_result_is_out_of_date(page: Page, site_url: str):
    open_shared(page, site_url, PROFILE)
    expect_total(page, calculator.score(PROFILE)["total"])
    stick = yardstick.yardstick_for(month_of(dt.date(2021, 3, 1))).year
    line = page.locator("#insurance-field .base-line").first
    expect(line).to_contain_text(f"{stick.average_cny:,} 元/月")

    multiple = field(page, "insurance[0].base_multiple")
    multiple.fill("")
    type_in(page, multiple, "0.6")
    expect(line).to_contain_text(f"0.6 倍约为 {round(0.6 * stick.average_cny):,} 元/月")
    multiple.fill("")
    type_in(page, multiple, "最低")
    expect(line).to_contain_text(f"下限为 {stick.floor_cny:,} 元/月")

    # Something unreadable: while typing the card is out of date and says which field; once
    # the field is left, the message is at the field, in words.
    multiple.fill("")
    type_in(page, multiple, "很多")
    stale = page.locator("#result-stale")
    expect(stale).to_contain_text("尚未更新")
    expect(stale.locator("a")).to_contain_text("缴费基数")
    look_at(page.locator("#result"), "stale-reason-360")
    leave(page)
    expect(page.locator("#f-insurance-0-base_multiple-error")).to_contain_text("缴费基数")
    expect(page.locator("#error-summary")).to_contain_text("缴费基数")
