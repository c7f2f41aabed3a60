"""Share links that cannot be trusted: broken encodings, the wrong shapes, markup in values,
unknown fields. Each one gives a clear message, inserts nothing and leaves the form usable."""

from __future__ import annotations

import base64
import json

import pytest
from calculator_page import expect_total, field, open_calculator, share_hash, wait_ready
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

GOOD = {"as_of": "2026-11-01", "birth_date": "1990-01-01", "education": {"level": "bachelor"}}


def encoded(text: str) -> str:
    return "#profile=" + base64.urlsafe_b64encode(text.encode("utf-8")).decode().rstrip("=")


def expect_form_still_works(page: Page) -> None:
    wait_ready(page)
    field(page, "birth_date").fill("1990-01-01")
    field(page, "education.level").select_option("bachelor")
    profile = {"birth_date": "1990-01-01", "education": {"level": "bachelor"}}
    expect_total(page, calculator.score(profile)["total"])


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("#profile=@@@not*base64!!", "已损坏"),
        ("#profile=A", "已损坏"),
        (encoded("this is not json {"), "已损坏"),
        (encoded("[1, 2, 3]"), "没有可读取"),
        (encoded('"just a string"'), "没有可读取"),
        ("#profile=" + base64.urlsafe_b64encode(b"\xff\xfe\xfd").decode(), "已损坏"),
        (share_hash(GOOD)[:-12], "已损坏"),
        (encoded(json.dumps({"birth_date": "1990-01-01", "x": "y" * 30_000})), "过长"),
    ],
    ids=["bad-alphabet", "bad-length", "not-json", "array", "string", "not-utf8", "truncated",
         "oversized"],
)
def test_unreadable_links_show_an_alert_and_leave_the_form_usable(
    page: Page, site_url: str, fragment: str, message: str
):
    open_calculator(page, site_url, fragment)
    alert = page.locator("#link-message")
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text(message)
    expect_form_still_works(page)
    expect(page.locator("#calculator")).to_have_attribute("data-engine", "ready")


def test_markup_in_values_is_shown_as_text_and_never_runs(page: Page, site_url: str):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    payload = {
        "birth_date": '<img src=x onerror="window.__pwned=1">',
        "education": {"level": "<script>window.__pwned=1</script>"},
        "credentials": [{"type": "qualification", "name": "<b onmouseover=alert(1)>x</b>"}],
        "detentions": ["<svg onload=alert(1)>"],
    }
    open_calculator(page, site_url, share_hash(payload))
    wait_ready(page)
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#error-summary")).to_contain_text("出生日期")
    expect(page.locator("#error-summary")).to_contain_text("最高学历")
    expect(field(page, "birth_date")).to_have_value(payload["birth_date"])
    inserted = "#calculator img, #calculator svg, #calculator b, #calculator script:not([type])"
    assert page.locator(inserted).count() == 0
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    expect(page.locator("#calculator")).to_have_attribute("data-engine", "ready")


def test_wrong_types_fill_what_they_can_and_name_the_bad_fields(page: Page, site_url: str):
    profile = {
        "as_of": "2026-11-01",
        "birth_date": "1990-01-01",
        "education": {"level": "bachelor", "full_time": "yes"},
        "insurance": [{"from": "2020-01", "base_multiple": "lots"}],
        "award": 5,
    }
    open_calculator(page, site_url, share_hash(profile))
    wait_ready(page)
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("全日制")
    expect(summary).to_contain_text("倍数")
    expect(summary).to_contain_text("表彰")
    expect(field(page, "birth_date")).to_have_value("1990-01-01")
    expect(field(page, "insurance[0].from")).to_have_value("2020-01")


def test_unknown_fields_are_counted_in_words_and_the_rest_is_scored(page: Page, site_url: str):
    profile = {**GOOD, "favourite_colour": "blue", "education": {"level": "bachelor", "gpa": 4}}
    open_calculator(page, site_url, share_hash(profile))
    wait_ready(page)
    alert = page.locator("#link-message")
    expect(alert).to_contain_text("链接中有 2 项内容本计算器不认识")
    expect(alert).not_to_contain_text("favourite_colour")  # never a key name
    expect(alert).not_to_contain_text("gpa")
    expect_total(page, calculator.score(GOOD)["total"])


def test_missing_fields_are_shown_as_errors_for_a_link(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash({"education": {"level": "master"}}))
    wait_ready(page)
    expect(page.locator("#error-summary")).to_contain_text("出生日期")
    expect(field(page, "education.level")).to_have_value("master")
