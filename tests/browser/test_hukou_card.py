"""The 居转户 questions and card on the calculator page: a person types their permit start,
insurance, title and its appointment key by key on a phone and sees the month their employer
can file, the same the engine gives; the answers go into the share link (format 3) and come
back; axe finds nothing on the page with the card."""

from __future__ import annotations

import json

import pytest
from axe_check import violations
from calculator_page import expect_total, field, open_calculator, open_empty, share_hash, wait_ready
from people import leave, set_width, shared_profile, type_in
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

PROFILE = {
    "version": 3,
    "as_of": "2026-11-01",
    "birth_date": "1990-05-12",
    "credentials": [{"type": "title", "level": "intermediate", "job_match": True,
                     "appointed": True}],
    "insurance": [{"from": "2020-03", "base_multiple": "1.5"}],
    "permit": [{"from": "2020-03"}],
    "children": [{"birth_date": "2015-09-01"}],
}


def month_words(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:])}月"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # axe is injected as a script tag


def test_typing_the_hukou_questions_on_a_phone_shows_the_month_the_employer_can_file(
    page: Page, site_url: str
):
    expected = calculator.hukou(PROFILE)
    month = expected["earliest"]["month"]
    assert expected["earliest"]["route"] == "title" and month > "2026-11"

    set_width(page, 360)
    open_empty(page, site_url)
    wait_ready(page)
    card = page.locator("#hukou-card")
    page.get_by_text("按其他日期计算").click()
    type_in(page, field(page, "as_of"), PROFILE["as_of"])
    leave(page)
    type_in(page, field(page, "birth_date"), PROFILE["birth_date"])
    leave(page)
    field(page, "credentials[0].type").select_option("title")
    field(page, "credentials[0].level").select_option("intermediate")
    page.locator("label[for='f-credentials-0-job_match']").click()
    page.locator("label[for='f-credentials-0-appointed']").click()
    type_in(page, field(page, "insurance[0].from"), "202003")
    leave(page)
    type_in(page, field(page, "insurance[0].base_multiple"), "1.5")
    leave(page)
    expect_total(page, calculator.score(PROFILE)["total"])
    # Without a permit period nothing counts for 居转户 yet: the card says when it cannot.
    expect(card).to_be_visible()
    expect(card).not_to_have_attribute("data-month", month)

    page.get_by_text("居转户（可选）").click()
    type_in(page, field(page, "permit[0].from"), "2020年3月")
    leave(page)
    type_in(page, field(page, "children[0].birth_date"), "20150901")
    leave(page)
    expect(card).to_have_attribute("data-month", month, timeout=10_000)
    expect(page.locator("#hukou-headline")).to_have_text(expected["headline"])
    assert month_words(month) in expected["headline"]
    expect(page.locator("#hukou-family-list li").first).to_have_text(
        expected["children"][0]["explanation"])
    expect(page.locator("#hukou-documents [data-document='hukou_title']")).to_be_visible()
    expect(page.locator("#hukou-status")).to_have_text(expected["status"]["text"])
    # Beside the plan: the same month, before or after the day the plan must reach 120 by.
    type_in(page, page.locator("#plan-target"), "20290301")
    leave(page)
    expect(page.locator("#plan-hukou")).to_have_text(
        f"居转户：最早{month_words(month)}可由单位申报（{expected['earliest']['name']}），"
        "早于你填的日期2029-03-01。", timeout=10_000)
    # The card fits the phone's width.
    box = card.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360

    # The share link is format 3 with the answers, and reopens to the same month.
    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    shared = shared_profile(link)
    assert shared["version"] == 3 and shared["permit"] == [{"from": "2020年3月"}]
    assert shared["credentials"][0]["appointed"] is True
    assert calculator.hukou(shared)["earliest"]["month"] == month
    other = page.context.new_page()
    other.set_viewport_size({"width": 360, "height": 740})
    other.goto(link)
    wait_ready(other)
    expect(other.locator("#hukou-card")).to_have_attribute("data-month", month, timeout=10_000)
    expect(other.locator("#print-hukou")).to_contain_text(month_words(month))
    expect(other.locator("#group-hukou")).to_have_attribute("open", "")
    other.close()


def test_a_share_link_without_hukou_answers_keeps_its_points_and_the_card_says_why_not(
    page: Page, site_url: str
):
    v2 = {k: v for k, v in PROFILE.items() if k not in ("permit", "children")} | {"version": 2}
    v2["credentials"] = [{"type": "title", "level": "intermediate", "job_match": True}]
    open_calculator(page, site_url, share_hash(v2))
    wait_ready(page)
    expect_total(page, calculator.score(v2)["total"])
    expect(page.locator("#hukou-headline")).to_have_text(calculator.hukou(v2)["headline"])
    expect(page.locator("#group-hukou")).not_to_have_attribute("open", "")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_page_with_the_card_has_no_axe_violations(page: Page, site_url: str, width: int):
    set_width(page, width)
    open_calculator(page, site_url, share_hash(PROFILE))
    wait_ready(page)
    expect(page.locator("#hukou-card")).to_have_attribute(
        "data-month", calculator.hukou(PROFILE)["earliest"]["month"], timeout=10_000)
    page.evaluate("document.querySelectorAll('#calculator details').forEach(d => d.open = true)")
    found = violations(page)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("query", ["居转户", "落户", "七年", "1.3倍"])
def test_the_site_search_finds_the_hukou_page(page: Page, site_url: str, query: str):
    page.goto(f"{site_url}/search/#q={query}")
    expect(page.locator("form[data-ready]")).to_have_count(1)
    results = page.locator("#search-results li")
    expect(results.first).to_be_visible()
    hrefs = [a.get_attribute("href") for a in results.locator("a").all()][:5]
    assert any(h.startswith("/hukou/") for h in hrefs), hrefs
