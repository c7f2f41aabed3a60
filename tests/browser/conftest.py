"""The tab a browser test runs in.

Most tests get a new browser context, as a first visit does. A test marked `same_tab` runs in
the tab its worker keeps instead: the engine there has started once, and each such test opens
its share link in that tab as a person opens another person's link, after 清除我的数据 has
cleared the last test's answers (calculator_page.open_calculator). That saves the engine's
start (about 5 CPU-seconds of the machine's two cores) for every test that begins with a share
link and needs nothing else of a first visit. A test that fails takes the kept tab with it, so
the next one starts afresh.
"""

from __future__ import annotations

import pytest
from calculator_page import forget_kept_tab, keep_tab
from playwright.sync_api import expect

# How long an expectation waits before it fails (Playwright's default is 5 s). The full run
# keeps both cores busy, with one worker more than cores; a plan takes about a second on an
# idle machine and several on a loaded one. Nothing here measures speed.
expect.set_options(timeout=15_000)

KEPT: dict = {}
FAILED = pytest.StashKey[bool]()
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # Playwright's, which a new context has
# same_tab(PAGES): the site's pages without the calculator, in a tab of their own
PAGES = "pages"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed:
        item.stash[FAILED] = True
    return report


@pytest.fixture
def page(request, browser, browser_context_args):
    node = request.node
    if node.get_closest_marker("same_tab") is None or node.get_closest_marker("own_tab"):
        yield request.getfixturevalue("context").new_page()
        return
    # One kept tab for each place and set of context options (a module may ask for its own,
    # bypass_csp): the calculator's, /batch/'s and the other pages' tabs never load each other's
    # pages, so each engine starts once.
    place = (node.get_closest_marker("same_tab").args or ("calculator",))[0]
    key = (place, repr(sorted(browser_context_args.items())))
    tab = KEPT.get(key)
    if tab is None or tab.is_closed():
        tab = browser.new_context(**browser_context_args).new_page()
        KEPT[key] = tab
        keep_tab(tab)
    else:  # what the last test may have changed of the tab itself
        tab.set_viewport_size(browser_context_args.get("viewport") or DEFAULT_VIEWPORT)
        tab.emulate_media(media="null")
        if place == PAGES:  # each test's first page is a page load, never a jump within one
            tab.goto("about:blank")
    yield tab
    if node.stash.get(FAILED, False):
        KEPT.pop(key, None)
        forget_kept_tab(tab)
        tab.context.close()
