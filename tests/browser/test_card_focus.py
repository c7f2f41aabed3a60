"""Focus is never hidden (WCAG 2.4.11): on a phone the total bar is pinned to the bottom of
the screen; going through the whole form with Tab, or from field to field as a phone keyboard's
"next" does, no focused control is ever under it. On a wide screen there is no pinned bar."""

from __future__ import annotations

import pytest
from calculator_page import AS_OF, expect_total, open_calculator, share_hash, wait_ready
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

# Two periods (so each has 删除这段) and a credential, so every kind of row field is there.
PROFILE = {
    "as_of": AS_OF,
    "birth_date": "1991-06-01",
    "education": {"level": "bachelor"},
    "credentials": [{"type": "skill", "level": 3, "occupation": "电工"}],
    "insurance": [
        {"from": "2015-01", "to": "2019-12", "base_multiple": 0.8},
        {"from": "2020-01", "base_multiple": 1},
    ],
}

# Where the focused element is, against the bar (when the bar is shown at all).
WHERE = """() => {
  const a = document.activeElement;
  const bar = document.getElementById('total-bar');
  const r = a.getBoundingClientRect();
  const b = bar.getBoundingClientRect();
  const shown = !bar.hidden && getComputedStyle(bar).display !== 'none' && b.height > 0;
  const hit = shown && a !== bar && !bar.contains(a)
    && r.bottom > b.top && r.top < b.bottom && r.right > b.left && r.left < b.right;
  return {name: a.name || a.id || a.textContent.trim().slice(0, 20), tag: a.tagName,
          top: Math.round(r.top), bottom: Math.round(r.bottom), barTop: Math.round(b.top),
          shown, hit, inForm: !!a.closest('form.calc-form'), id: a.id};
}"""


def open_everything(page: Page, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_calculator(page, site_url=page.context.site_url, fragment=share_hash(PROFILE))
    wait_ready(page)
    expect_total(page, calculator.score(PROFILE)["total"])
    # every folded group of the form open, so all its controls are in the tab order
    page.evaluate("document.querySelectorAll('form.calc-form details').forEach(d => d.open = true)")
    page.evaluate("window.scrollTo(0, 0)")


@pytest.fixture
def site(page: Page, site_url: str):
    page.context.site_url = site_url
    return page


@pytest.mark.parametrize(("width", "height"), [(360, 640), (1280, 800)])
def test_tabbing_through_the_whole_form_never_puts_focus_under_the_bar(site: Page, width, height):
    page = site
    open_everything(page, width, height)
    page.locator('[name="birth_date"]').focus()
    seen, covered, bar_shown = [], [], False
    for _ in range(400):
        page.keyboard.press("Tab")
        page.wait_for_timeout(30)  # the scroll that follows a focus move
        where = page.evaluate(WHERE)
        seen.append(where["name"])
        bar_shown |= where["shown"]
        if where["hit"]:
            covered.append(where)
        if where["id"] == "clear-button":
            break
    else:
        pytest.fail("Tab never reached the clear button")
    assert covered == [], covered
    for name in ("education.level", "credentials[0].type", "insurance[1].from", "shortage_major"):
        assert name in seen, name
    assert "删除这段" in seen
    assert bar_shown == (width < 960), "the bar is pinned on phones only"


def test_moving_from_field_to_field_like_a_phone_keyboard_never_hides_the_field(site: Page):
    page = site
    open_everything(page, 360, 640)
    controls = page.locator("form.calc-form input:visible, form.calc-form select:visible")
    count = controls.count()
    assert count > 20
    covered = []
    for i in range(count):
        controls.nth(i).evaluate("c => c.focus()")  # what "next" on the keyboard does
        page.wait_for_timeout(30)
        where = page.evaluate(WHERE)
        if where["hit"]:
            covered.append(where)
    assert covered == [], covered


# The bar's height, once the space the page keeps free below the content has followed it (the
# page measures the bar whenever its size changes).
SPACE_FOLLOWS_BAR = """() => {
  const height = Math.ceil(document.getElementById('total-bar').getBoundingClientRect().height);
  const kept = getComputedStyle(document.documentElement).getPropertyValue('--total-bar-height');
  return kept.trim() === `${height}px` && height;
}"""


def test_the_space_kept_free_follows_the_bars_real_height(site: Page):
    page = site
    open_everything(page, 360, 640)
    expect(page.locator("#total-bar")).to_be_visible()
    height = page.wait_for_function(SPACE_FOLLOWS_BAR, timeout=5_000).json_value()
    padding = page.evaluate("parseFloat(getComputedStyle(document.documentElement)"
                            ".scrollPaddingBottom)")
    assert padding >= height
    # a narrower screen: the space follows the bar again (the bar measured anew)
    page.set_viewport_size({"width": 250, "height": 640})
    page.wait_for_function(SPACE_FOLLOWS_BAR, timeout=5_000)


def test_pressing_on_an_answer_leaves_the_page_where_it_is_until_the_finger_lifts(site: Page):
    # Pressing on a label focuses the nearest focusable ancestor (the page's <main>), which is
    # under the bar too: the page must not scroll away from the answer being pressed.
    page = site
    open_everything(page, 360, 640)
    answer = page.locator("label[for='f-credentials-0-job_match']")
    answer.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    box = answer.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_timeout(500)
    assert page.evaluate("scrollY") == before
    page.mouse.up()
    expect(page.locator("#f-credentials-0-job_match")).to_be_checked()
