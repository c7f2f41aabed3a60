"""Offline use through the service worker: after one visit the calculator scores with the
network off; other pages never request the runtime themselves (the service worker warms it
once they are idle, except with save-data or on 2G: test_card_warmup.py); a new deploy
replaces the old cache."""

from __future__ import annotations

import shutil

import pytest
from calculator_page import (
    expect_total,
    field,
    offline_copy_holds,
    open_calculator,
    serve_directory,
    share_hash,
    wait_ready,
    wait_until,
)
from playwright.sync_api import Page, expect

import calculator

pytestmark = pytest.mark.browser

PROFILE = {"as_of": "2026-11-01", "birth_date": "1990-01-01", "education": {"level": "master"}}


def wait_for_offline_copy(page: Page) -> None:
    root = page.locator("#calculator")
    paths = [
        "/calculator/",
        root.get_attribute("data-wheel"),
        root.get_attribute("data-pyodide") + "pyodide.asm.wasm",
        root.get_attribute("data-stdlib"),
    ]
    offline_copy_holds(page, paths)


def test_after_one_visit_the_calculator_works_with_the_network_off(page: Page, site_url: str):
    open_calculator(page, site_url)
    wait_ready(page)
    wait_for_offline_copy(page)

    page.context.set_offline(True)
    page.goto(f"{site_url}/calculator/{share_hash(PROFILE)}")
    page.reload()
    wait_ready(page)
    expect_total(page, calculator.score(PROFILE)["total"])
    field(page, "education.level").select_option("bachelor")
    changed = {**PROFILE, "education": {"level": "bachelor"}}
    expect_total(page, calculator.score(changed)["total"])
    page.goto(f"{site_url}/")
    expect(page.locator("main h1")).to_be_visible()


def test_other_pages_never_download_the_runtime(page: Page, site_url: str):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/")
    wait_until(page, "async () => !!(await navigator.serviceWorker.ready).active")
    page.goto(f"{site_url}/faq/")
    page.wait_for_load_state("networkidle")
    heavy = [url for url in requested if "/pyodide/" in url or "/wheels/" in url]
    assert heavy == []


def test_a_new_deploy_replaces_the_old_cache(page: Page, site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    server, url = serve_directory(copy)
    try:
        page.goto(f"{url}/calculator/")
        wait_ready(page)
        wait_for_offline_copy(page)
        old = [name for name in page.evaluate("caches.keys()") if name.startswith("sh-points-")]
        assert len(old) == 1

        worker = copy / "sw.js"
        text = worker.read_text(encoding="utf-8")
        worker.write_text(text.replace('"version":"', '"version":"next-', 1), encoding="utf-8")
        calc_page = copy / "calculator" / "index.html"
        html = calc_page.read_text(encoding="utf-8")
        calc_page.write_text(html.replace("<h1>", '<h1 data-deploy="next">', 1), encoding="utf-8")
        for changed in (worker, calc_page):  # the server would prefer their stale .br/.gz copies
            for suffix in (".br", ".gz"):
                changed.with_name(changed.name + suffix).unlink(missing_ok=True)

        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        wait_until(
            page,
            "async () => { const k = (await caches.keys())"
            ".filter((n) => n.startsWith('sh-points-'));"
            " return k.length === 1 && k[0].startsWith('sh-points-next-'); }",
        )
        page.reload()
        expect(page.locator('h1[data-deploy="next"]')).to_be_visible()
        wait_ready(page)
        # the runtime was carried over, not downloaded again
        wait_for_offline_copy(page)
    finally:
        server.shutdown()
