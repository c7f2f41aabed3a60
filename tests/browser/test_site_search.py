"""Site search in Chromium: Chinese queries find page sections and catalogue entries."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.same_tab("pages")]
HYDROPOWER = 37  # 注册土木工程师(水利水电工程) in the qualifications catalogue


def search(page, site_url, query):
    page.goto(f"{site_url}/search/#q={query}")
    expect(page.locator("form[data-ready]")).to_have_count(1)
    return page.locator("#search-results li")


def test_finds_a_catalogue_entry_by_alternative_name(page, site_url):
    results = search(page, site_url, "热处理工")
    expect(results.first).to_be_visible()
    hrefs = [a.get_attribute("href") for a in results.locator("a").all()]
    assert hrefs[0] == "/catalogue/skills/#skill-36"


def test_finds_a_page_section(page, site_url):
    results = search(page, site_url, "缴费基数")
    expect(results.first).to_be_visible()
    hrefs = [a.get_attribute("href") for a in results.locator("a").all()]
    assert any("#" in h and not h.startswith("/catalogue/") for h in hrefs)
    expect(results.first.locator("mark").first).to_be_visible()


def test_result_link_lands_on_the_anchor(page, site_url):
    results = search(page, site_url, "会计")
    link = results.locator("a", has_text="会计").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"{site_url}{target}")
    anchor = target.split("#", 1)[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_visible()


def test_typing_updates_results_and_url_form(page, site_url):
    search(page, site_url, "")
    page.fill("#search-q", "临港")
    expect(page.locator("#search-status")).to_contain_text("找到")
    page.fill("#search-q", "qqxzzj")
    expect(page.locator("#search-status")).to_contain_text("没有找到")
    page.fill("#search-q", "临港焊工")  # no section holds both: partial matches, said so
    expect(page.locator("#search-status")).to_contain_text("部分相符")
    expect(page.locator("#search-results li").first).to_be_visible()


def test_header_search_box_leads_to_results(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/faq/")
    page.fill("#header-q", "焊工")
    page.press("#header-q", "Enter")
    page.wait_for_url("**/search/#q=*")
    expect(page.locator("#search-results li").first).to_contain_text("焊工")
    assert "?" not in page.url  # the query stays on the device


def test_no_script_fallback_query_still_works(page, site_url):
    page.goto(f"{site_url}/search/?q=焊工")
    expect(page.locator("#search-results li").first).to_contain_text("焊工")


def test_header_search_on_the_search_page_updates_results(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    search(page, site_url, "焊工")
    page.fill("#header-q", "临港")
    page.press("#header-q", "Enter")
    expect(page.locator("#search-q")).to_have_value("临港")
    expect(page.locator("#search-results li").first).to_contain_text("临港")


def test_an_occupation_comes_first_and_never_matches_across_a_word(page, site_url):
    results = search(page, site_url, "电工")
    expect(results.first).to_be_visible()
    hrefs = [a.get_attribute("href") for a in results.locator("a").all()]
    assert hrefs[0] == "/catalogue/skills/#skill-31"
    # 电工 straddles 水电|工程 in this name: not a result
    hydropower = f"/catalogue/qualifications/#qual-{HYDROPOWER}"
    assert hydropower not in hrefs
    # the name's own words still find it
    results = search(page, site_url, "水电")
    expect(results.first).to_be_visible()
    assert hydropower in [a.get_attribute("href") for a in results.locator("a").all()]
