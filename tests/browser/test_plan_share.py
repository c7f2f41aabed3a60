"""「用手机扫码打开」: a QR code of the share link, made on the device by the vendored library,
fetched only when asked for; it decodes (zbar) to the very share link, on screen at the size
drawn and on the printed summary. And the plan section, open, is axe-clean at 360 and 1280 px."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from axe_check import violations
from calculator_page import open_calculator, share_hash, wait_ready, wait_until
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ZBARIMG = shutil.which("zbarimg")
needs_zbar = pytest.mark.skipif(
    ZBARIMG is None, reason="zbarimg (Debian zbar-tools) is not installed; ./dev test installs it")

# A typical filled profile of someone short of 120 (81 points): a certificate, three insurance
# periods, a deadline, an expected date and two compared routes; its share link is about 790
# characters on this test server.
FILLED = {
    "version": 2,
    "as_of": "2026-11-28",
    "birth_date": "1984-07-20",
    "education": {"level": "junior_college", "full_time": False, "study_place_consistent": False},
    "credentials": [{"type": "skill", "level": 4, "occupation": "电工", "job_match": True}],
    "insurance": [
        {"from": "2019-03", "to": "2021-06", "base_multiple": 0.6},
        {"from": "2021-07", "to": "2023-12", "base_multiple": 0.7},
        {"from": "2024-01", "base_cny": 8000},
    ],
    "plan": {"target_date": "2029-03-01", "expected": {"title_intermediate": "2027-09-01"},
             "compare": ["three_places", "title_intermediate"]},
}


def profile_in(link: str) -> dict:
    text = link.split("#profile=", 1)[1]
    return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def decode(png: Path) -> str:
    done = subprocess.run([ZBARIMG, "--raw", "-q", str(png)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, f"zbarimg found no code: {done.stderr}"
    return done.stdout.rstrip("\n")


@needs_zbar
@pytest.mark.parametrize("width", [360, 1280])
def test_the_qr_code_decodes_to_the_share_link_and_loads_only_when_asked(
    page: Page, site_url: str, tmp_path: Path, width: int
):
    page.set_viewport_size({"width": width, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    open_calculator(page, site_url, share_hash(FILLED))
    wait_ready(page)
    expect(page.locator("#plan .plan-target")).to_be_visible()
    assert not [u for u in fetched if "/assets/js/qr." in u], "the QR library came with the page"

    page.locator("#share-button").click()
    link = page.locator("#share-output").input_value()
    assert 600 < len(link) < 1000, len(link)
    button = page.get_by_role("button", name="用手机扫码打开")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    code = page.locator("#qr-code svg")
    expect(code).to_be_visible()
    assert [u for u in fetched if "/assets/js/qr." in u], "the QR library was not fetched"
    expect(page.locator("#qr-status")).to_contain_text("扫描")
    assert code.get_attribute("role") == "img"
    # a long link makes a dense code (here about 100 modules with the quiet zone): it still gets
    # over 2.3 CSS pixels a module on a 360 px phone and about 3 in the desktop's result
    # column, and zbar reads it from a screenshot at that size (device pixel ratio 1)
    box = code.bounding_box()
    modules = int(code.get_attribute("data-modules"))
    assert box["width"] / modules >= (2.3 if width < 400 else 2.9), (box["width"], modules)
    png = tmp_path / "qr.png"
    code.screenshot(path=str(png))
    assert decode(png) == link

    # the code follows the answers while it is shown
    page.locator("#plan-target").fill("2030-09-01")
    page.locator("#plan-target").press("Tab")
    expect(page.locator("#plan .plan-target h3")).to_contain_text("2030-09-01")
    expect(code).not_to_have_attribute("data-text", link)
    page.locator("#share-button").click()
    again = page.locator("#share-output").input_value()
    assert profile_in(again)["plan"]["target_date"] == "2030-09-01"
    expect(page.locator("#qr-code svg")).to_have_attribute("data-text", again)
    page.wait_for_timeout(400)  # a redraw the last click asked for has come (it keeps this code)
    page.locator("#qr-code svg").screenshot(path=str(png))
    assert decode(png) == again

    page.get_by_role("button", name="收起二维码").click()
    expect(page.locator("#qr-panel")).to_be_hidden()
    expect(button).to_be_focused()


@needs_zbar
def test_the_printed_summary_carries_the_code_of_its_link(browser, site_url: str, tmp_path: Path):
    # printed at 6 cm; read at about a printer's resolution (3 device pixels a CSS pixel)
    context = browser.new_context(device_scale_factor=3)
    page = context.new_page()
    open_calculator(page, site_url, share_hash(FILLED))
    wait_ready(page)
    expect(page.locator("#plan .plan-target")).to_be_visible()
    # the print button loads the library and draws the code before the print dialog opens;
    # a print from the browser's menu redraws it (beforeprint) once the library is here
    page.evaluate("() => { window.__printed = 0; window.print = () => window.__printed++; }")
    page.locator("#print-button").click()
    # polled from outside the page: the site's CSP forbids the eval wait_for_function uses
    wait_until(page, "() => window.__printed === 1")
    printed = page.locator(".print-qr svg")
    expect(printed).to_have_count(1)
    link = printed.get_attribute("data-text")
    assert profile_in(link)["plan"] == FILLED["plan"]
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".print-qr svg")).to_be_visible()
    png = tmp_path / "print-qr.png"
    page.locator(".print-qr svg").screenshot(path=str(png))
    assert decode(png) == link
    box = page.locator(".print-qr svg").bounding_box()
    assert abs(box["width"] - 6 / 2.54 * 96) < 2  # 6 cm
    if page.locator("#print-share").count():  # a summary that prints the link as text: the same
        assert page.locator("#print-share").get_attribute("data-url") == link
    # 清除我的数据 leaves no code of the answers behind, printed or on screen
    page.emulate_media(media="screen")
    page.get_by_role("button", name="用手机扫码打开").click()
    expect(page.locator("#qr-code svg")).to_be_visible()
    page.get_by_role("button", name="清除我的数据").click()
    expect(page.locator(".print-qr, #qr-code svg")).to_have_count(0)
    expect(page.locator("#qr-panel")).to_be_hidden()
    context.close()


@pytest.fixture
def browser_context_args(browser_context_args):
    # axe is injected as a script tag, which the page's CSP would otherwise refuse.
    return {**browser_context_args, "bypass_csp": True}


@pytest.mark.same_tab
@pytest.mark.parametrize("width", [360, 1280])
def test_the_plan_open_with_a_deadline_chart_table_and_qr_code_has_no_axe_violations(
    page: Page, site_url: str, width: int
):
    page.set_viewport_size({"width": width, "height": 900})
    open_calculator(page, site_url, share_hash(FILLED))
    wait_ready(page)
    expect(page.locator("#plan .plan-target")).to_be_visible()
    expect(page.locator("#plan .plan-compare")).to_be_visible()
    page.evaluate("document.querySelectorAll('#plan details').forEach((d) => d.open = true)")
    page.get_by_role("button", name="用手机扫码打开").click()
    expect(page.locator("#qr-code svg")).to_be_visible()
    # an answer that is not a date, shown at its field
    page.locator("#plan-target").fill("2029-13-01")
    page.locator("#plan-target").press("Tab")
    expect(page.locator("#plan-target-error")).to_be_visible()
    found = violations(page, within="#calculator")
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
