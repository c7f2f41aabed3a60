"""Validation at the right moment, typed as a person types: a field is checked when the person
leaves it or presses 检查并计算 / Enter, never while typing; a message stays until the field is
valid and goes the moment it is; a problem about a whole period is shown at the field that must
change, and only once the person has left that answer (the card while a field is fixed:
test_people_stale.py)."""

from __future__ import annotations

import pytest
from calculator_page import expect_total, field, open_empty, wait_ready
from people import PHONE, WIDTHS, field_errors, leave, pause, set_width, type_in
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]


def engine_message(profile: dict, path: str, about: str = "") -> str:
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score(profile)
    return next(p["zh"] for p in caught.value.problems if p["path"] == path and about in p["en"])


def fresh(page: Page, site_url: str, width: int) -> None:
    set_width(page, width)
    open_empty(page, site_url)
    wait_ready(page)


@pytest.mark.parametrize("width", PHONE)
def test_a_date_is_checked_when_left_never_while_typing(page: Page, site_url: str, width: int):
    fresh(page, site_url, width)
    birth = field(page, "birth_date")
    type_in(page, birth, "1995-0")
    pause(page)
    assert field_errors(page) == []
    expect(page.locator("#error-summary")).to_be_hidden()
    expect(birth).not_to_have_attribute("aria-invalid", "true")

    leave(page)
    error = page.locator("#f-birth_date-error")
    expect(error).to_have_text(engine_message({"birth_date": "1995-0"}, "birth_date"))
    expect(birth).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#error-summary")).to_contain_text("出生日期")

    # Fixing it: still wrong, the message stays as it was; valid, it goes at once.
    type_in(page, birth, "3-0")
    pause(page, 800)
    expect(error).to_be_visible()
    expect(error).to_contain_text("“1995-0”")
    page.keyboard.type("8")
    expect(error).to_be_hidden()
    expect(birth).to_be_focused()
    expect(birth).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#error-summary")).to_be_hidden()


@pytest.mark.parametrize("width", PHONE)
def test_the_base_choice_is_asked_at_the_base_field_only_after_the_person_left_it(
    page: Page, site_url: str, width: int
):
    fresh(page, site_url, width)
    type_in(page, field(page, "birth_date"), "1990-05-12")
    leave(page)
    start = field(page, "insurance[0].from")
    type_in(page, start, "2019")
    pause(page)
    assert field_errors(page) == []  # not while typing, not the base question either
    page.keyboard.type("-07", delay=90)
    leave(page)  # to 结束月份
    pause(page)
    assert field_errors(page) == []
    expect(page.locator("#result-missing")).to_contain_text("缴费基数")
    leave(page)  # to the multiple
    leave(page)  # to the yuan field
    leave(page)  # and on: neither base typed in, so it is still "to fill", not an error
    pause(page, 800)
    assert field_errors(page) == []

    # Both bases typed: moving from one to the other is still the same answer.
    type_in(page, field(page, "insurance[0].base_multiple"), "1")
    leave(page)
    expect(field(page, "insurance[0].base_cny")).to_be_focused()
    page.keyboard.type("12000", delay=90)
    pause(page)
    assert field_errors(page) == []
    leave(page)
    error = page.locator("#f-insurance-0-base_cny-error")
    expect(error).to_have_text(
        engine_message({"birth_date": "1990-05-12", "insurance": [
            {"from": "2019-07", "base_multiple": 1, "base_cny": 12000}]}, "insurance[0].base_cny")
    )
    assert len(field_errors(page)) == 1
    # Emptying the yuan field fixes it at once.
    cny = field(page, "insurance[0].base_cny")
    cny.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    expect(error).to_be_hidden()
    fixed = {"birth_date": "1990-05-12", "insurance": [{"from": "2019-07", "base_multiple": 1}]}
    expect_total(page, calculator.score(fixed)["total"])


def test_an_overlapping_period_is_shown_at_its_start_month(page: Page, site_url: str):
    fresh(page, site_url, 1280)
    type_in(page, field(page, "birth_date"), "1990-05-12")
    type_in(page, field(page, "insurance[0].from"), "2019-01")
    type_in(page, field(page, "insurance[0].base_multiple"), "1")
    page.get_by_role("button", name="再添加一段").click()
    second = field(page, "insurance[1].from")
    type_in(page, second, "2020-01")
    pause(page)
    assert field_errors(page) == []
    type_in(page, field(page, "insurance[1].to"), "2020-06")
    type_in(page, field(page, "insurance[1].base_multiple"), "1")
    leave(page)
    message = engine_message({"birth_date": "1990-05-12", "insurance": [
        {"from": "2019-01", "base_multiple": 1},
        {"from": "2020-01", "to": "2020-06", "base_multiple": 1}]}, "insurance[1]", "overlaps")
    expect(page.locator("#f-insurance-1-from-error")).to_have_text(message)


@pytest.mark.parametrize("width", WIDTHS)
def test_check_and_calculate_checks_every_field_and_goes_to_the_list(
    page: Page, site_url: str, width: int
):
    fresh(page, site_url, width)
    expect(page.locator("#error-summary")).to_be_hidden()
    page.get_by_role("button", name="检查并计算").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("出生日期：必须填写")
    expect(summary).to_be_focused()
    summary.get_by_role("link").first.click()
    birth = field(page, "birth_date")
    expect(birth).to_be_focused()
    page.keyboard.type("1990-05-", delay=90)
    pause(page, 800)
    # Still wrong: the message stays as it was.
    expect(page.locator("#f-birth_date-error")).to_have_text("必须填写。")
    page.keyboard.type("12", delay=90)
    expect(page.locator("#f-birth_date-error")).to_be_hidden()
    expect_total(page, calculator.score({"birth_date": "1990-05-12"})["total"])


def test_enter_in_a_field_checks_it(page: Page, site_url: str):
    fresh(page, site_url, 360)
    type_in(page, field(page, "birth_date"), "1990-13-01")
    pause(page)
    assert field_errors(page) == []
    page.keyboard.press("Enter")
    expect(page.locator("#f-birth_date-error")).to_have_text(
        engine_message({"birth_date": "1990-13-01"}, "birth_date"))
    expect(page.locator("#error-summary")).to_be_focused()


def test_a_choice_is_checked_when_it_changes_and_an_empty_field_left_untouched_is_not_an_error(
    page: Page, site_url: str
):
    fresh(page, site_url, 1280)
    birth = field(page, "birth_date")
    birth.click()
    leave(page)  # passing through without typing
    pause(page, 800)
    assert field_errors(page) == []
    expect(page.locator("#result-missing")).to_contain_text("出生日期")
    type_in(page, birth, "1990-05-12")
    leave(page)
    field(page, "credentials[0].type").select_option("skill")
    field(page, "credentials[0].level").select_option("3")
    pause(page, 800)
    # The occupation is asked for, not shown as an error: the person has not got to it yet.
    assert field_errors(page) == []
    expect(page.locator("#result-missing")).to_contain_text("职业（工种）名称")
