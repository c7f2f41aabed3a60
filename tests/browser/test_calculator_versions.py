"""The profile format's version on the calculator page: a share link or saved copy made by the
release before format 2 (no "version") fills the form and gives the total that release gave;
the page writes version 3; a newer version says so instead of filling the form."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from calculator_page import expect_total, field, open_calculator, share_hash, wait_ready
from playwright.sync_api import Page, expect

import calculator
from calculator.profile import NEWER_VERSION_ZH, PROFILE_VERSION

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

FIXTURES = Path(__file__).parents[1] / "engine/cases/v1_profiles/release_48d1dbb.json"
OLD_LINK_CASE = next(
    case
    for case in json.loads(FIXTURES.read_text(encoding="utf-8"))["cases"]
    if "old_share_link" in case
)
STORAGE_KEY = "sh-points:profile"


def shared_profile(link: str) -> dict:
    text = link.split("#profile=", 1)[1]
    return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def expect_old_form_filled(page: Page) -> None:
    profile = OLD_LINK_CASE["profile"]
    expect(field(page, "birth_date")).to_have_value(profile["birth_date"])
    expect(field(page, "education.level")).to_have_value("bachelor_with_degree")
    expect(field(page, "credentials[0].type")).to_have_value("qualification")
    expect(field(page, "credentials[0].name")).to_have_value("会计专业技术资格(中级)")
    expect(field(page, "credentials[1].type")).to_have_value("skill")
    expect(field(page, "credentials[1].occupation")).to_have_value("焊工")
    expect(field(page, "insurance[1].base_cny")).to_have_value("12500")
    expect(field(page, "insurance[2].base_multiple")).to_have_value("1.1")
    expect(field(page, "award")).to_have_value("municipal_special")
    expect(page.locator("#f-investment-share")).to_have_value("60")
    expect(page.locator("#f-false_materials")).to_have_value("2024-05-06")


def test_a_link_made_before_format_2_fills_the_form_and_gives_that_releases_total(
    page: Page, site_url: str
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    assert "version" not in shared_profile(OLD_LINK_CASE["old_share_link"])
    open_calculator(page, site_url, OLD_LINK_CASE["old_share_link"])
    wait_ready(page)
    expect_total(page, OLD_LINK_CASE["total"], passes=OLD_LINK_CASE["passes"])
    expect_old_form_filled(page)
    expect(page.locator("#link-message")).to_be_empty()
    expect(page.locator("#error-summary")).to_be_hidden()

    # Shared again, the link is of today's format and reopens to the same total.
    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    again = shared_profile(link)
    assert again["version"] == PROFILE_VERSION == 3
    assert calculator.score(again)["total"] == OLD_LINK_CASE["total"]
    other = page.context.new_page()
    other.goto(link)
    wait_ready(other)
    expect_total(other, OLD_LINK_CASE["total"])
    expect(other.locator("#link-message")).to_be_empty()
    other.close()


def test_a_copy_saved_before_format_2_fills_the_form_and_is_saved_again_as_version_3(
    page: Page, site_url: str
):
    open_calculator(page, site_url)
    record = {"saved_at": "2026-10-30T08:00:00.000Z", "profile": OLD_LINK_CASE["profile"]}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [STORAGE_KEY, json.dumps(record, ensure_ascii=False)])
    page.reload()
    wait_ready(page)
    expect(page.locator("#calc-notice")).to_contain_text("保存")
    expect_total(page, OLD_LINK_CASE["total"])
    expect_old_form_filled(page)
    expect(page.locator("#link-message")).to_be_empty()

    page.get_by_role("button", name="保存在本机").click()
    expect(page.locator("#keep-status")).to_contain_text("已保存")
    saved = json.loads(page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY))
    assert saved["profile"]["version"] == 3
    assert calculator.score(saved["profile"])["total"] == OLD_LINK_CASE["total"]


def test_the_form_writes_version_3_even_when_empty(page: Page, site_url: str):
    open_calculator(page, site_url)
    wait_ready(page)
    field(page, "birth_date").fill("1990-05-12")
    page.get_by_role("button", name="复制分享链接").click()
    profile = shared_profile(page.locator("#share-output").input_value())
    assert profile["version"] == 3
    assert profile["birth_date"] == "1990-05-12"


def test_a_link_of_a_newer_version_says_so_and_fills_nothing(page: Page, site_url: str):
    profile = {**OLD_LINK_CASE["profile"], "version": 99, "a_field_of_the_future": True}
    open_calculator(page, site_url, share_hash(profile))
    wait_ready(page)
    alert = page.locator("#link-message")
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_have_text(NEWER_VERSION_ZH.format(version=99))
    expect(alert).to_contain_text("格式第99版")
    expect(field(page, "birth_date")).to_have_value("")
    expect(field(page, "credentials[0].type")).to_have_value("")
    expect(page.locator("#calc-notice")).to_be_hidden()
    expect(page.locator("#error-summary")).to_be_hidden()
    # The form still works.
    field(page, "birth_date").fill("1990-01-01")
    expect_total(page, calculator.score({"birth_date": "1990-01-01"})["total"])


def test_a_saved_copy_of_a_newer_version_says_so_and_is_kept(page: Page, site_url: str):
    open_calculator(page, site_url)
    record = {"saved_at": "2027-01-01T00:00:00.000Z",
              "profile": {"version": 4, "birth_date": "1990-01-01"}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [STORAGE_KEY, json.dumps(record)])
    page.reload()
    wait_ready(page)
    expect(page.locator("#link-message")).to_have_text(NEWER_VERSION_ZH.format(version=4))
    expect(field(page, "birth_date")).to_have_value("")
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) is not None


def test_an_unreadable_version_says_so(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash({"version": "二", "birth_date": "1990-01-01"}))
    wait_ready(page)
    expect(page.locator("#link-message")).to_contain_text("格式版本“二”无法识别")
    expect(field(page, "birth_date")).to_have_value("")


V2_FIXTURES = Path(__file__).parents[1] / "engine/cases/v2_profiles/format_2.json"
V2_CASES = json.loads(V2_FIXTURES.read_text(encoding="utf-8"))["cases"]


def test_links_in_todays_format_keep_giving_the_totals_they_gave(page: Page, site_url: str):
    """Every frozen version-2 share link (tests/engine/cases/v2_profiles) shows the total frozen
    with it, with nothing said about the link: the first as a page opens it, the others one
    after another in the same tab, as a person opens the next link."""
    for case in V2_CASES:
        open_calculator(page, site_url, case["share_link"])
        wait_ready(page)
        expect_total(page, case["total"], passes=case["passes"])
        expect(page.locator("#link-message")).to_be_empty()
