"""Everyday names in Chromium: the site search and the catalogue filter find entries by the
names people type, rank exact names first, and say why a common certificate does not count."""

from __future__ import annotations

import pytest
from people import KEY_DELAY_MS, WIDTHS, alternating, set_width
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.same_tab("pages")]


def typed_search(page, site_url, query, width=1280):
    """The query typed key by key, as a person does, at `width`."""
    set_width(page, width)
    page.goto(f"{site_url}/search/")
    expect(page.locator("form[data-ready]")).to_have_count(1)
    page.locator("#search-q").click()
    page.keyboard.type(query, delay=KEY_DELAY_MS)
    results = page.locator("#search-results li")
    expect(page.locator("#search-status")).to_contain_text("找到")
    return results


def first_href(results) -> str:
    expect(results.first).to_be_visible()
    return results.first.locator("a").get_attribute("href")


@pytest.mark.parametrize(("query", "anchor", "name", "width"), alternating([
    ("中级会计", "/catalogue/qualifications/#qual-20", "会计专业技术资格(中级)"),
    ("CPA", "/catalogue/qualifications/#qual-55", "注册会计师"),
    ("cpa", "/catalogue/qualifications/#qual-55", "注册会计师"),
    ("一建", "/catalogue/qualifications/#qual-8", "建造师(一级)"),
    ("维修电工", "/catalogue/skills/#skill-31", "电工"),
]))
def test_everyday_name_finds_its_entry_first(page, site_url, query, anchor, name, width):
    results = typed_search(page, site_url, query, width)
    assert first_href(results) == anchor
    expect(results.first.locator("a")).to_have_text(name)


@pytest.mark.parametrize("width", WIDTHS)
def test_electrician_comes_first_and_hydropower_engineer_later(page, site_url, width):
    results = typed_search(page, site_url, "电工", width)
    assert first_href(results) == "/catalogue/skills/#skill-31"
    titles = results.locator("a").all_inner_texts()
    assert titles[0] == "电工"
    hydro = "注册土木工程师(水利水电工程)"
    assert hydro not in titles[:2]
    if hydro in titles:
        assert titles.index(hydro) > titles.index("电工证（特种作业操作证）")


@pytest.mark.parametrize(("query", "reason"), [
    ("电工证", "不是职业技能等级证书"),
    ("二级建造师", "目录中只有建造师(一级)"),
])
def test_not_counted_name_shows_the_reason(page, site_url, query, reason):
    results = typed_search(page, site_url, query)
    first = results.first
    expect(first.locator("a")).to_contain_text(query)
    expect(first).to_contain_text("常见但不在目录中的证书")
    expect(first.locator(".snippet")).to_contain_text(reason)
    href = first.locator("a").get_attribute("href")
    first.locator("a").click()
    page.wait_for_url(f"{site_url}{href}")
    target = page.locator(f"[id='{href.split('#', 1)[1]}']")
    expect(target).to_be_visible()
    expect(target).to_contain_text(reason)


def test_catalogue_filter_matches_everyday_names(page, site_url):
    page.goto(f"{site_url}/catalogue/skills/")
    page.fill("#catalogue-q", "维修电工")
    expect(page.locator("#catalogue-count")).to_have_text("找到 1 项（共 62 项）")
    names = page.locator("#catalogue-table tbody tr:not([hidden]) th .entry-name")
    expect(names).to_have_text(["电工"])
    page.goto(f"{site_url}/catalogue/qualifications/")
    page.fill("#catalogue-q", "CPA")
    expect(page.locator("#catalogue-count")).to_have_text("找到 1 项（共 56 项）")
    expect(names).to_have_text(["注册会计师"])


def test_catalogue_filter_explains_a_not_counted_certificate(page, site_url):
    page.goto(f"{site_url}/catalogue/skills/")
    section = page.locator("[data-not-counted]")
    expect(section).to_be_visible()
    page.fill("#catalogue-q", "电工证")
    expect(page.locator("#catalogue-count")).to_have_text("找到 0 项（共 62 项）")
    expect(page.locator("[data-no-match]")).to_be_hidden()
    expect(page.locator("[data-not-counted-match]")).to_be_visible()
    shown = section.locator("[data-search]:not([hidden])")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("不是职业技能等级证书")
    page.fill("#catalogue-q", "不存在的证书名")
    expect(page.locator("[data-no-match]")).to_be_visible()
    expect(section).to_be_hidden()
    page.fill("#catalogue-q", "")
    expect(section).to_be_visible()
    expect(page.locator("[data-not-counted-match]")).to_be_hidden()
