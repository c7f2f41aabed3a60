"""The engine's memory snapshot, made once per test process and handed to the tests that ask
for it with `pytest.mark.engine_snapshot_kept` (a test in a marked module opts out with
`engine_snapshot_kept(False)`).

Every test gets a new browser context, so the engine starts as on a first visit: Pyodide's
start-up, the engine's import, then a memory snapshot made and stored (about 4.5 CPU-seconds
on the 2-core test machine). A test marked `engine_snapshot_kept` starts with that snapshot
already in the context's Cache Storage, as a second visit does (about 2 CPU-seconds): made by
the page itself on the run's first visit and copied byte for byte with its headers, so the page
checks it as any other (its key, its length, its wheel's digest). Tests about how the engine
starts, fails, goes offline or keeps its snapshot stay unmarked; test_engine_snapshot.py proves
a snapshot start scores as a fresh one.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from calculator_page import wait_ready, wait_until
from playwright.sync_api import Page

# A blank page of the site's origin (Cache Storage is per origin), answered by a route, to which
# the first visit's snapshot is posted.
BLANK = "/__engine-snapshot-seed/"

READ = """async () => {
  const cache = await caches.open("engine-snapshot");
  const [request] = await cache.keys();
  const response = await cache.match(request);
  const headers = Object.fromEntries(response.headers.entries());
  const length = Number(headers["x-snapshot-bytes"]);
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength !== length) throw new Error("the kept snapshot is truncated");
  return { key: request.url, headers };
}"""

COPY_OUT = """async () => {
  const cache = await caches.open("engine-snapshot");
  const [request] = await cache.keys();
  const body = await (await cache.match(request)).arrayBuffer();
  await fetch("snapshot", { method: "POST", body });
}"""

PUT = """async ({ key, headers, source }) => {
  const body = await (await fetch(source)).arrayBuffer();
  const cache = await caches.open("engine-snapshot");
  await cache.put(key, new Response(body, { headers }));
}"""

PAGE = "<!doctype html><title>-</title>"


@dataclass
class Snapshot:
    site_url: str
    source: str  # its path on the site's server (tests/conftest.py's test_files)
    key: str
    headers: dict

    def put(self, page: Page) -> None:
        """Store the snapshot in `page`'s context, as the page itself had stored it."""
        page.goto(self.site_url + "/robots.txt")  # any document of the site's origin
        page.evaluate(PUT, {"key": self.key, "headers": self.headers, "source": self.source})


@pytest.fixture(scope="session")
def engine_snapshot(browser, site_server, site_url, tmp_path_factory):
    """The snapshot the calculator page makes on a first visit, with its key and headers."""
    file = tmp_path_factory.mktemp("engine-snapshot") / "snapshot.bin"
    blank = site_url + BLANK

    def receive(route):
        file.write_bytes(route.request.post_data_buffer)
        route.fulfill(status=204)

    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{site_url}/calculator/")
        wait_ready(page)
        wait_until(page, """async () => (await (await caches.open("engine-snapshot")).keys())
          .length === 1""")
        kept = page.evaluate(READ)
        context.route(blank, lambda route: route.fulfill(body=PAGE, content_type="text/html"))
        context.route(blank + "snapshot", receive)
        page.goto(blank)
        page.evaluate(COPY_OUT)
        assert file.stat().st_size == int(kept["headers"]["x-snapshot-bytes"])
    finally:
        context.close()
    source = site_server.add_test_file("engine-snapshot", file)
    return Snapshot(site_url, source, kept["key"], kept["headers"])


@pytest.fixture
def page(page: Page, request) -> Page:
    marker = request.node.get_closest_marker("engine_snapshot_kept")  # the test's own first
    if marker and marker.args != (False,):
        request.getfixturevalue("engine_snapshot").put(page)
    return page
