"""Privacy: a whole calculator session (load, fill the form, results, plan, share link, save,
clear) makes only GET requests for the site's own static files, sets no cookies, and stores
answers in localStorage only between pressing 保存在本机 and 清除我的数据."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from calculator_page import (
    SNAPSHOT_CONTENTS,
    expect_total,
    field,
    offline_copy_holds,
    open_calculator,
    wait_ready,
)
from playwright.sync_api import BrowserContext, Page, expect

import calculator

pytestmark = pytest.mark.browser

STORAGE_KEY = "sh-points:profile"
TYPED = {
    "birth_date": "1987-06-30",
    "education": {"level": "master"},
    "insurance": [{"from": "2018-03", "base_multiple": 1.5}],
    "spouse": {"married_on": "2016-10-01"},
}
SECRET_BITS = ["1987-06-30", "1987", "2016-10-01", "2018-03"]

CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    if (name === "engine-snapshot") continue;
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""

STORED_ELSEWHERE = """async () => ({
  cookie: document.cookie,
  session: Object.keys(sessionStorage),
  databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
})"""


class RequestLog:
    """Every request of the context: its pages (with their workers) and the service worker."""

    def __init__(self, context: BrowserContext, page: Page):
        self.requests = []
        self.websockets = []
        seen = set()

        def add(request):
            if id(request) not in seen:
                seen.add(id(request))
                self.requests.append(request)

        context.on("request", add)
        page.on("request", add)
        page.on("websocket", lambda socket: self.websockets.append(socket.url))


def local_storage(page: Page) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage)"
                         ".map((k) => [k, localStorage.getItem(k)]))")


def dist_file(site_dir: Path, path: str) -> Path:
    target = site_dir / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def fill_the_form(page: Page) -> None:
    field(page, "birth_date").fill(TYPED["birth_date"])
    field(page, "education.level").select_option("master")
    field(page, "insurance[0].from").fill("2018-03")
    field(page, "insurance[0].base_multiple").fill("1.5")
    field(page, "spouse.married_on").fill("2016-10-01")


def test_a_full_session_requests_only_the_sites_own_static_files_and_keeps_no_data_unasked(
    page: Page, site_url: str, site_dir: Path
):
    context = page.context
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    log = RequestLog(context, page)

    open_calculator(page, site_url)
    wait_ready(page)
    assert local_storage(page) == {}

    fill_the_form(page)
    expect_total(page, calculator.score(TYPED)["total"])
    expect(page.locator("#plan")).not_to_be_empty()
    assert local_storage(page) == {}, "typing alone must store nothing"

    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    assert link.startswith(f"{site_url}/calculator/#profile=")
    shared = json.loads(base64.urlsafe_b64decode(link.split("=", 1)[1] + "=="))
    assert shared["birth_date"] == TYPED["birth_date"]
    assert local_storage(page) == {}, "sharing must store nothing"

    page.get_by_role("button", name="保存在本机").click()
    expect(page.locator("#keep-status")).to_contain_text("已保存")
    stored = local_storage(page)
    assert list(stored) == [STORAGE_KEY]
    record = json.loads(stored[STORAGE_KEY])
    assert set(record) == {"saved_at", "profile"}
    assert record["profile"]["birth_date"] == TYPED["birth_date"]

    page.reload()
    expect(field(page, "birth_date")).to_have_value(TYPED["birth_date"])
    wait_ready(page)
    expect_total(page, calculator.score(TYPED)["total"])

    page.get_by_role("button", name="清除我的数据").click()
    expect(field(page, "birth_date")).to_have_value("")
    assert local_storage(page) == {}
    assert "#" not in page.url

    # let the service worker finish its own downloads so they are in the log too
    root = page.locator("#calculator")
    runtime = [root.get_attribute("data-wheel"),
               root.get_attribute("data-pyodide") + "pyodide.asm.wasm"]
    offline_copy_holds(page, runtime)
    page.wait_for_load_state("networkidle")

    assert context.cookies() == []
    elsewhere = page.evaluate(STORED_ELSEWHERE)
    assert elsewhere == {"cookie": "", "session": [], "databases": []}
    for url in page.evaluate(CACHED_URLS):
        parts = urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}" == site_url and not parts.query, url
        assert dist_file(site_dir, parts.path).is_file(), url
    # whole dates only: a bare year such as "1987" occurs in the interpreter's own memory
    (snapshot,) = page.evaluate(SNAPSHOT_CONTENTS, [bit for bit in SECRET_BITS if "-" in bit])
    assert snapshot["found"] == [], f"the engine snapshot must hold nothing typed: {snapshot}"
    made_from = urlsplit(snapshot["url"])
    assert made_from.path == "/engine-snapshot"
    for name, (path,) in parse_qs(made_from.query).items():
        assert (site_dir / path.lstrip("/")).exists(), (name, path)

    assert log.websockets == []
    assert len(log.requests) > 10
    assert any(r.service_worker for r in log.requests), "service-worker requests not recorded"
    assert any("/wheels/" in r.url for r in log.requests)
    for request in log.requests:
        url = request.url
        if url.startswith(("data:", "blob:")):
            continue  # never leaves the device
        parts = urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}" == site_url, f"other host: {url}"
        assert request.method == "GET", f"{request.method} {url}"
        assert request.post_data is None, url
        assert not parts.query, f"query string: {url}"
        assert dist_file(site_dir, parts.path).is_file(), f"not a file in dist/: {url}"
        headers = " ".join(f"{k}: {v}" for k, v in request.headers.items())
        assert "cookie" not in {k.lower() for k in request.headers}, url
        assert "profile=" not in headers, f"answers in a header of {url}"
        for bit in SECRET_BITS:
            assert bit not in parts.path, f"typed data in {url}"
