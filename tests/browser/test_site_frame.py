"""The frame in Chromium: no request leaves 127.0.0.1, 404, phones and desktops, screenshots."""

from __future__ import annotations

import pytest
from calculator_page import look_at
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.same_tab("pages")]

PAGES = ["/", "/indicators/", "/titles-skills/", "/catalogue/", "/catalogue/skills/",
         "/catalogue/qualifications/", "/faq/", "/apply/", "/schooling/", "/about/",
         "/search/#q=社保",
         "/404.html"]


def _name(url: str) -> str:
    return url.strip("/").replace("/", "_").replace("#q=", "-") or "home"


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_render_without_outside_requests(page, site_url, width):
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_viewport_size({"width": width, "height": 800})
    for url in PAGES:
        page.goto(site_url + url)
        page.wait_for_load_state("networkidle")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{url} scrolls sideways at {width}px"
        look_at(page, f"{_name(url)}-{width}", full_page=True)
    outside = [u for u in requests if not u.startswith(site_url)]
    assert outside == []
    assert [e for e in errors if "404" not in e] == []
    assert not any("pyodide" in u for u in requests)


def test_unknown_path_shows_the_404_page(page, site_url):
    response = page.goto(f"{site_url}/no-such-page/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("没有找到这个页面")


@pytest.mark.own_tab  # the headers of the server itself, not of the service worker's copy
def test_local_server_sends_brotli_and_cache_headers(page, site_url):
    response = page.goto(f"{site_url}/faq/")
    assert response.headers["content-encoding"] == "br"
    assert response.headers["cache-control"] == "no-cache"
    css = page.locator("link[rel=stylesheet]").get_attribute("href")
    asset = page.request.get(site_url + css)
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert asset.headers["content-type"].startswith("text/css")


def test_nav_shows_where_you_are(page, site_url):
    page.goto(f"{site_url}/faq/")
    current = page.locator("nav a[aria-current='page']")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("href", "/faq/")


def test_skip_link_moves_focus_to_main(page, site_url):
    page.goto(f"{site_url}/faq/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_phone_header_shows_a_search_link(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site_url}/")
    expect(page.locator(".search-link")).to_be_visible()
    expect(page.locator(".header-search")).to_be_hidden()


def test_dark_theme_follows_the_system(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{site_url}/faq/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(21, 25, 29)"
    context.close()


@pytest.mark.parametrize("width", [1024, 1280])
def test_the_navigation_is_one_row_on_a_laptop(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site_url}/")
    tops = page.locator(".site-nav a").evaluate_all(
        "links => links.map(a => Math.round(a.getBoundingClientRect().top))")
    assert len(tops) > 8 and len(set(tops)) == 1, tops
