"""Printing the calculator: a one-page A4 summary first (the total, the lines that scored, the
evaluation date, the rules version, the share link as text), then the details as they are on
screen: a closed <details> prints its summary line only."""

from __future__ import annotations

import base64
import json
import re

import pytest
from calculator_page import AS_OF, expect_total, open_calculator, share_hash, wait_ready
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

# Many lines that score, so the summary is as long as it gets in practice.
PROFILE = {
    "as_of": AS_OF,
    "birth_date": "1990-04-02",
    "education": {"level": "master"},
    "credentials": [{"type": "title", "level": "intermediate", "job_match": True}],
    "insurance": [{"from": "2016-01", "base_multiple": 2}],
    "spouse": {"married_on": "2015-10-01"},
    "key_area": {"area": "lingang", "years": 4},
    "shortage_major": True,
    "award": "municipal_special",
}

MM = 96 / 25.4  # CSS px per millimetre
# A4 less the page margins of calculator.css (@page: 14 mm sides and top, 16 mm bottom).
PRINTABLE_WIDTH = round((210 - 28) * MM)
PRINTABLE_HEIGHT = (297 - 30) * MM


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def open_result(page: Page, site_url: str) -> dict:
    result = calculator.score(PROFILE)
    open_calculator(page, site_url, share_hash(PROFILE))
    wait_ready(page)
    expect_total(page, result["total"])
    return result


def test_the_printed_summary_holds_what_a_reader_needs(page: Page, site_url: str):
    result = open_result(page, site_url)
    scored = [line for line in result["lines"] if line["points"]]
    assert len(scored) >= 7
    page.emulate_media(media="print")
    summary = page.locator("#print-summary")
    expect(summary).to_be_visible()
    expect(page.locator("form.calc-form")).to_be_hidden()
    expect(page.locator(".keep")).to_be_hidden()
    expect(page.locator("#total-bar")).to_be_hidden()
    expect(summary.locator("#print-total")).to_contain_text(f"{result['total']} 分")
    rows = summary.locator("#print-lines tr")
    expect(rows).to_have_count(len(scored) + 1)  # and the sum
    for line in scored:
        expect(summary).to_contain_text(line["label"])
    expect(summary.locator("#print-as-of")).to_have_text(AS_OF)
    expect(summary.locator("#print-rules-version")).to_have_text(calculator.RULES_VERSION)
    expect(summary.locator("#print-summary-date")).not_to_be_empty()
    link = summary.locator("#print-share-url").inner_text()
    assert link.startswith(f"{site_url}/calculator/#profile=")
    assert page.locator("#print-share").get_attribute("data-url") == link
    shared = json.loads(base64.urlsafe_b64decode(link.split("=", 1)[1] + "=="))
    assert shared["birth_date"] == PROFILE["birth_date"]
    # the card's own total and headline are not printed twice
    expect(page.locator("#result .score")).to_be_hidden()
    expect(page.locator("#headline")).to_be_hidden()
    assert summary.evaluate("s => getComputedStyle(s).breakAfter") == "page"
    page.emulate_media(media="screen")
    expect(summary).to_be_hidden()


@pytest.mark.own_tab  # hides the rest of the card for good
def test_the_summary_fits_one_a4_page(page: Page, site_url: str):
    open_result(page, site_url)
    # with the share link's QR code in its slot, as the print button draws it
    page.get_by_role("button", name="用手机扫码打开").click()
    expect(page.locator("#qr-code svg")).to_be_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("#print-figures .print-qr svg")).to_have_count(1)
    # measured in print media at the printable width of an A4 page
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    bottom = page.locator("#print-summary").evaluate(
        "s => s.getBoundingClientRect().bottom + window.scrollY")
    assert bottom <= PRINTABLE_HEIGHT, (bottom, PRINTABLE_HEIGHT)
    # and printed: everything after the summary left out, one page
    page.evaluate("""() => {
      for (const node of document.querySelectorAll('#result > :not(#print-summary), .site-footer'))
        node.style.display = 'none';
    }""")
    alone = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf_pages(alone) == 1


def test_details_print_only_when_opened(page: Page, site_url: str):
    open_result(page, site_url)
    whole = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
    assert whole >= 2  # the summary has a page of its own
    page.emulate_media(media="print")
    age = page.locator('#breakdown [data-line="age"]')
    expect(age.locator("summary")).to_be_visible()
    expect(age.locator(".line-body")).to_be_hidden()
    expect(page.locator("#breakdown details.zero-lines").first.locator(".lines")).to_be_hidden()
    page.emulate_media(media="screen")
    age.locator("summary").click()
    page.emulate_media(media="print")
    expect(age.locator(".line-body")).to_be_visible()
    # nothing is opened for printing behind the person's back (page.pdf prints in the media
    # emulated last: print)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    closed = page.locator("#result details:not([open])")
    assert closed.count() > 0
    opened = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
    page.evaluate("document.querySelectorAll('#result details').forEach(d => d.open = true)")
    everything = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
    assert opened < everything


def test_without_a_result_no_summary_is_printed(page: Page, site_url: str):
    open_calculator(page, site_url)
    wait_ready(page)
    page.emulate_media(media="print")
    expect(page.locator("#print-summary")).to_be_hidden()
