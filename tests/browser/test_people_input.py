"""Forgiving input: the form sends what people type (1995年3月8日, 201907, 1.5万, 15,000) and the
engine reads it in one place; the phone keyboard can type 万 in a yuan field; a date without its
day gets the engine's question at the field; share links and saved copies give back what was
typed."""

from __future__ import annotations

import json

import pytest
from calculator_page import expect_total, field, open_empty, wait_ready
from people import (
    PHONE,
    alternating,
    field_errors,
    leave,
    pause,
    set_width,
    shared_profile,
    type_in,
)
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

TYPED = {
    "as_of": "2026年11月1日",
    "birth_date": "1995年3月8日",
    "insurance": [
        {"from": "201907", "to": "2022年6月", "base_multiple": "0.8"},
        {"from": "2022/7", "base_cny": "1.5万"},
    ],
}


def type_the_profile(page: Page) -> None:
    page.get_by_text("按其他日期计算").click()
    type_in(page, field(page, "as_of"), TYPED["as_of"])
    leave(page)
    type_in(page, field(page, "birth_date"), TYPED["birth_date"])
    leave(page)
    first, second = TYPED["insurance"]
    type_in(page, field(page, "insurance[0].from"), first["from"])
    leave(page)
    page.keyboard.type(first["to"], delay=90)
    leave(page)
    page.keyboard.type(first["base_multiple"], delay=90)
    leave(page)
    page.get_by_role("button", name="再添加一段").click()
    type_in(page, field(page, "insurance[1].from"), second["from"])
    type_in(page, field(page, "insurance[1].base_cny"), second["base_cny"])
    leave(page)


@pytest.mark.parametrize("width", PHONE)
def test_dates_months_and_yuan_as_people_type_them(page: Page, site_url: str, width: int):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    set_width(page, width)
    open_empty(page, site_url)
    wait_ready(page)
    type_the_profile(page)
    pause(page, 800)
    assert field_errors(page) == []
    expect_total(page, calculator.score(TYPED)["total"])

    # The share link holds what was typed and gives it back.
    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    shared = shared_profile(link)
    assert shared["birth_date"] == "1995年3月8日"
    assert shared["insurance"][1] == {"from": "2022/7", "base_cny": "1.5万"}
    other = page.context.new_page()
    other.goto(link)
    wait_ready(other)
    expect(field(other, "birth_date")).to_have_value("1995年3月8日")
    expect(field(other, "insurance[0].from")).to_have_value("201907")
    expect(field(other, "insurance[1].base_cny")).to_have_value("1.5万")
    expect_total(other, calculator.score(TYPED)["total"])
    assert other.locator("#calculator .field-error").count() == 0


def _typing_a_yuan_base(page: Page, site_url: str, width: int, typed: str) -> None:
    """At `width`: a birth date, a start month and `typed` in the yuan field, key by key; the
    yuan field is still focused."""
    set_width(page, width)
    open_empty(page, site_url)
    wait_ready(page)
    type_in(page, field(page, "birth_date"), "19900512")
    leave(page)
    type_in(page, field(page, "insurance[0].from"), "2020-01")
    type_in(page, field(page, "insurance[0].base_cny"), typed)


@pytest.mark.parametrize(
    ("typed", "width"), alternating([("15000",), ("15,000",), ("1.5万",), ("15000元",)]))
def test_a_yuan_base_in_any_of_its_forms(page: Page, site_url: str, typed: str, width: int):
    _typing_a_yuan_base(page, site_url, width, typed)
    leave(page)
    profile = {"birth_date": "19900512", "insurance": [{"from": "2020-01", "base_cny": typed}]}
    expect_total(page, calculator.score(profile)["total"])
    assert field_errors(page) == []


@pytest.mark.parametrize("width", PHONE)
def test_a_comma_that_is_not_a_thousands_separator_is_asked_about_at_the_field(
    page: Page, site_url: str, width: int
):
    _typing_a_yuan_base(page, site_url, width, "1,5万")
    pause(page)
    assert field_errors(page) == []  # never while typing
    leave(page)
    error = page.locator("#f-insurance-0-base_cny-error")
    expect(error).to_contain_text("逗号只能用来分隔千位")
    expect(field(page, "insurance[0].base_cny")).to_have_value("1,5万")  # nothing typed is lost


def test_the_keyboards_fit_what_each_field_takes(page: Page, site_url: str):
    open_empty(page, site_url)
    # A yuan field needs 万 (a text keyboard); a multiple only digits and a point.
    for name in ("insurance[0].base_cny", "investment.avg_annual_tax_cny"):
        assert page.locator(f'[name="{name}"]').get_attribute("inputmode") in (None, "text"), name
    multiple = page.locator('[name="insurance[0].base_multiple"]')
    expect(multiple).to_have_attribute("inputmode", "decimal")
    expect(page.locator("#f-birth_date-hint")).to_contain_text("1990年5月12日")
    expect(page.locator("#f-insurance-0-from-hint")).to_contain_text("201907")
    expect(page.locator("#f-insurance-0-base_cny-hint")).to_contain_text("万")


@pytest.mark.parametrize("width", PHONE)
def test_a_marriage_date_without_its_day_asks_for_the_day_at_the_field(
    page: Page, site_url: str, width: int
):
    set_width(page, width)
    open_empty(page, site_url)
    wait_ready(page)
    type_in(page, field(page, "birth_date"), "1990-05-12")
    leave(page)
    married = field(page, "spouse.married_on")
    type_in(page, married, "2015-10")
    pause(page)
    assert field_errors(page) == []
    leave(page)
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score({"birth_date": "1990-05-12", "spouse": {"married_on": "2015-10"}})
    [message] = [p["zh"] for p in caught.value.problems if p["path"] == "spouse.married_on"]
    assert "几日" in message
    expect(page.locator("#f-spouse-married_on-error")).to_have_text(message)
    type_in(page, married, "-01")
    expect(page.locator("#f-spouse-married_on-error")).to_be_hidden()


def test_a_saved_copy_gives_back_what_was_typed(page: Page, site_url: str):
    open_empty(page, site_url)
    wait_ready(page)
    type_the_profile(page)
    expect_total(page, calculator.score(TYPED)["total"])
    page.get_by_role("button", name="保存在本机").click()
    saved = json.loads(page.evaluate("() => localStorage.getItem('sh-points:profile')"))
    assert saved["profile"]["insurance"][0]["to"] == "2022年6月"
    page.reload()
    wait_ready(page)
    expect(field(page, "insurance[0].to")).to_have_value("2022年6月")
    expect(field(page, "insurance[1].base_cny")).to_have_value("1.5万")
    expect_total(page, calculator.score(TYPED)["total"])
