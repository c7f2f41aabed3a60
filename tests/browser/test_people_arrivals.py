"""Arriving from a catalogue page's 用此证书计算: the calculator opens with the certificate filled,
says where it came from, and shows no error (not even 出生日期：必须填写) until the person has had
a chance to type: until they leave a field or press 检查并计算. A real share link keeps its own
notice."""

from __future__ import annotations

import pytest
from calculator_page import expect_total, field, open_calculator, share_hash, wait_ready
from people import PHONE, WIDTHS, field_errors, leave, pause, set_width, type_in
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]


def arrive(page: Page, site_url: str, catalogue: str, anchor: str) -> None:
    page.goto(f"{site_url}/catalogue/{catalogue}/#{anchor}")
    link = page.locator(f"#{anchor} a[href^='/calculator/']")
    assert link.get_attribute("href").endswith("&from=catalogue")
    link.click()
    page.wait_for_url("**/calculator/**")
    wait_ready(page)


@pytest.mark.parametrize("width", PHONE)
def test_a_catalogue_link_fills_the_certificate_and_waits_for_the_person(
    page: Page, site_url: str, width: int
):
    set_width(page, width)
    arrive(page, site_url, "qualifications", "qual-55")  # 注册会计师
    notice = page.locator("#calc-notice")
    expect(notice).to_have_text("已按你在证书目录中选的证书（注册会计师）填好，请补充出生日期等信息。")
    expect(notice).not_to_contain_text("分享链接")
    expect(field(page, "credentials[0].type")).to_have_value("qualification")
    expect(field(page, "credentials[0].name")).to_have_value("注册会计师")
    pause(page)
    assert field_errors(page) == []
    expect(page.locator("#error-summary")).to_be_hidden()
    expect(page.locator("#result-missing")).to_contain_text("出生日期")
    # Nothing assumed: the questions about the certificate wait for the person too.
    expect(page.locator("#f-credentials-0-job_match")).not_to_be_checked()
    expect(page.locator("#f-credentials-0-job_match-no")).not_to_be_checked()

    birth = field(page, "birth_date")
    type_in(page, birth, "1990-05-12")
    pause(page, 800)
    assert field_errors(page) == []
    leave(page)
    profile = {"version": 2, "birth_date": "1990-05-12",
               "credentials": [{"type": "qualification", "name": "注册会计师"}]}
    result = calculator.score(profile)
    expect_total(page, result["total"])
    assert field_errors(page) == []
    expect(page.locator("#to-confirm li")).to_have_count(len(result["to_confirm"]))


@pytest.mark.parametrize("width", WIDTHS)
def test_check_and_calculate_after_arriving_shows_what_is_missing(
    page: Page, site_url: str, width: int
):
    set_width(page, width)
    arrive(page, site_url, "skills", "skill-31")  # 电工, level 3
    expect(page.locator("#calc-notice")).to_contain_text("已按你在证书目录中选的证书（电工）填好")
    expect(field(page, "credentials[0].occupation")).to_have_value("电工")
    pause(page)
    assert field_errors(page) == []
    page.get_by_role("button", name="检查并计算").click()
    expect(page.locator("#f-birth_date-error")).to_have_text("必须填写。")
    expect(page.locator("#error-summary")).to_be_focused()


def test_leaving_another_field_checks_only_that_field(page: Page, site_url: str):
    arrive(page, site_url, "qualifications", "qual-20")
    field(page, "education.level").select_option("bachelor")
    pause(page, 800)
    assert field_errors(page) == []  # the birth date is still only "to fill"
    expect(page.locator("#result-missing")).to_contain_text("出生日期")


def test_a_share_link_still_says_it_is_a_share_link(page: Page, site_url: str):
    profile = {"version": 2, "credentials": [{"type": "qualification", "name": "注册会计师"}]}
    open_calculator(page, site_url, share_hash(profile))
    wait_ready(page)
    expect(page.locator("#calc-notice")).to_have_text("已按分享链接填入内容。请核对后再看结果。")
    # Someone's answers: what is missing in them is shown as such.
    expect(page.locator("#error-summary")).to_contain_text("出生日期")
