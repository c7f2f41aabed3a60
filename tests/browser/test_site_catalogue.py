"""The catalogue pages in Chromium: the instant filter and its live count."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.same_tab("pages")]


def visible_names(page) -> list[str]:
    return page.locator("#catalogue-table tbody tr:not([hidden]) th .entry-name").all_inner_texts()


def test_skill_filter_by_name_and_count(page, site_url):
    page.goto(f"{site_url}/catalogue/skills/")
    count = page.locator("#catalogue-count")
    expect(count).to_have_text("共 62 项")
    page.fill("#catalogue-q", "焊工")
    expect(count).to_have_text("找到 1 项（共 62 项）")
    assert visible_names(page) == ["焊工"]


def test_skill_filter_by_alternative_name(page, site_url):
    page.goto(f"{site_url}/catalogue/skills/")
    page.fill("#catalogue-q", "热处理工")
    expect(page.locator("#catalogue-count")).to_have_text("找到 1 项（共 62 项）")
    assert visible_names(page) == ["金属热处理工"]


def test_qualification_filter_by_equivalent_title(page, site_url):
    page.goto(f"{site_url}/catalogue/qualifications/")
    page.fill("#catalogue-q", "会计师")
    expect(page.locator("#catalogue-count")).to_contain_text("找到")
    rows = page.locator("#catalogue-table tbody tr:not([hidden])")
    assert rows.count() >= 1
    for text in rows.all_inner_texts():
        assert "会计师" in text


def test_no_match_message_and_reset(page, site_url):
    page.goto(f"{site_url}/catalogue/qualifications/")
    page.fill("#catalogue-q", "不存在的证书名")
    expect(page.locator("#catalogue-count")).to_have_text("找到 0 项（共 56 项）")
    expect(page.locator("[data-no-match]")).to_be_visible()
    page.fill("#catalogue-q", "")
    expect(page.locator("#catalogue-count")).to_have_text("共 56 项")
    assert len(visible_names(page)) == 56


def test_full_table_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/catalogue/skills/")
    assert page.locator("#catalogue-table tbody tr").count() == 62
    assert not page.locator("#catalogue-q").is_visible()
    context.close()


def test_entry_link_opens_prefilled_calculator_link(page, site_url):
    page.goto(f"{site_url}/catalogue/skills/#skill-36")
    link = page.locator("#skill-36 a")
    href = link.get_attribute("href")
    assert href.startswith("/calculator/#profile=")
