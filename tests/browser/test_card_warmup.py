"""A faster first visit to the calculator: once another page has loaded and the browser is
idle, the engine's files go into the service worker's cache, so the calculator then starts
without downloading them. Never when the person asked to save data, never on 2G, never while
the page itself loads."""

from __future__ import annotations

import re

import pytest
from calculator_page import poll, wait_ready, wait_until
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def connection(save_data: bool = False, effective_type: str = "4g") -> str:
    """An init script giving the page a navigator.connection with these values."""
    return f"""Object.defineProperty(Navigator.prototype, "connection", {{
      configurable: true,
      get() {{ return {{ saveData: {str(save_data).lower()}, effectiveType: "{effective_type}",
                         addEventListener() {{}}, removeEventListener() {{}} }}; }},
    }});"""


@pytest.fixture
def runtime_paths(site_dir) -> list[str]:
    """What the calculator loads: the runtime's files, its standard library and the wheel."""
    html = (site_dir / "calculator" / "index.html").read_text(encoding="utf-8")
    attr = {name: re.search(rf'data-{name}="([^"]+)"', html).group(1)
            for name in ("pyodide", "wheel", "stdlib")}
    base = attr["pyodide"]
    return [base + "pyodide.mjs", base + "pyodide.asm.mjs", base + "pyodide.asm.wasm",
            base + "pyodide-lock.json", attr["stdlib"], attr["wheel"]]


CACHED = """async (paths) => {
  const found = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith("sh-points-")) continue;
    const cache = await caches.open(name);
    for (const path of paths) if (await cache.match(path)) found.push(path);
  }
  return found;
}"""


def log_requests(page: Page) -> list[tuple[str, str]]:
    """Every request of the context (the page's and the service worker's) and the page's load
    event, in order."""
    seen: list[tuple[str, str]] = []
    page.context.on("request", lambda request: seen.append(("request", request.url)))
    page.on("load", lambda: seen.append(("load", page.url)))
    return seen


def settle_service_worker(page: Page) -> None:
    wait_until(page, "async () => !!(await navigator.serviceWorker.ready).active")


def test_an_idle_page_puts_the_engines_files_in_the_cache(page: Page, site_url, runtime_paths):
    page.add_init_script(connection(save_data=False))
    seen = log_requests(page)
    page.goto(f"{site_url}/faq/")
    settle_service_worker(page)
    cached = poll(page, f"async (paths) => ({CACHED})(paths).then(f => f.length === paths.length)",
                  runtime_paths)
    assert cached, page.evaluate(CACHED, runtime_paths)
    # nothing of it while the page itself loaded
    load = next(i for i, (kind, _) in enumerate(seen) if kind == "load")
    early = [url for kind, url in seen[:load] if "/pyodide/" in url or "/wheels/" in url]
    assert early == []

    # the calculator then starts with every engine file from that cache
    from_network = []
    page.on("response", lambda response: from_network.append(response.url)
            if ("/pyodide/" in response.url or "/wheels/" in response.url)
            and not response.from_service_worker else None)
    page.goto(f"{site_url}/calculator/")
    wait_ready(page)
    assert from_network == []


@pytest.mark.parametrize(
    "script",
    [connection(save_data=True), connection(effective_type="2g"),
     connection(effective_type="slow-2g")],
    ids=["save-data", "2g", "slow-2g"],
)
def test_with_save_data_or_on_2g_nothing_is_warmed(page: Page, site_url, runtime_paths, script):
    page.add_init_script(script)
    seen = log_requests(page)
    page.goto(f"{site_url}/")
    settle_service_worker(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(3000)  # well past the idle callback
    heavy = [url for kind, url in seen if "/pyodide/" in url or "/wheels/" in url]
    assert heavy == []
    assert page.evaluate(CACHED, runtime_paths) == []


def test_the_calculator_page_does_not_warm_before_its_engine_is_ready(page: Page, site_url):
    """The calculator downloads the files itself; its service-worker copy is asked for only
    once the engine is ready (from the browser's cache, not the network again)."""
    page.add_init_script(connection(save_data=False))
    page.add_init_script("""(() => {
      const post = ServiceWorker.prototype.postMessage;
      ServiceWorker.prototype.postMessage = function (message, ...rest) {
        const root = document.getElementById("calculator");
        (window.__warm = window.__warm || []).push([message.type, root && root.dataset.engine]);
        return post.call(this, message, ...rest);
      };
    })()""")
    page.goto(f"{site_url}/calculator/")
    wait_ready(page)
    warmed = poll(page, "window.__warm || null", attempts=40)
    assert warmed, "the calculator asked for no offline copy"
    assert all(engine == "ready" for kind, engine in warmed if kind == "warm-runtime"), warmed


def test_a_first_visit_to_the_calculator_downloads_no_other_page_before_its_engine_is_ready(
    page: Page, site_url, runtime_paths
):
    """The service worker's first install keeps only what the visit has loaded; the site's
    other pages and assets follow once the calculator is ready and idle."""
    page.add_init_script(connection(save_data=False))
    page.add_init_script("""new MutationObserver(() => {
      const root = document.getElementById("calculator");
      if (root && root.dataset.engine === "ready" && !window.__readyAt)
        window.__readyAt = performance.timeOrigin + performance.now();
    }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-engine"]});""")
    others = ["/faq/", "/about/", "/search/"]
    arrived: list[tuple[float, str]] = []
    page.context.on("requestfinished", lambda request: arrived.append(
        (request.timing["startTime"], request.url)))
    page.goto(f"{site_url}/calculator/")
    wait_ready(page)
    ready_at = page.evaluate("window.__readyAt")
    cached = poll(page, f"async (paths) => ({CACHED})(paths).then(f => f.length === paths.length)",
                  [*others, "/calculator/", *runtime_paths])
    assert cached, page.evaluate(CACHED, [*others, "/calculator/", *runtime_paths])
    fetched = [(at, url) for at, url in arrived if any(url.endswith(path) for path in others)]
    assert fetched, "the other pages were never fetched"
    early = [url for at, url in fetched if at < ready_at]
    assert early == []


def test_the_calculator_with_save_data_keeps_its_engine_offline_but_fetches_no_other_page(
    page: Page, site_url, runtime_paths
):
    """With save-data the calculator's offline copy holds the engine the visit has just loaded
    (from the browser's cache), and none of the site's other pages is downloaded for it."""
    page.add_init_script(connection(save_data=True))
    # Downloads that happened: the first install's look-ups of what the visit has loaded
    # (only-if-cached) fail without going anywhere and are not counted.
    finished: list[str] = []
    page.context.on("requestfinished", lambda request: finished.append(request.url))
    page.goto(f"{site_url}/calculator/")
    wait_ready(page)
    settle_service_worker(page)
    cached = poll(page, f"async (paths) => ({CACHED})(paths).then(f => f.length === paths.length)",
                  runtime_paths)
    assert cached, page.evaluate(CACHED, runtime_paths)
    page.wait_for_timeout(3000)  # well past the idle callback
    others = ["/faq/", "/about/", "/search/", "/indicators/"]
    fetched = [url for url in finished if any(url.endswith(path) for path in others)]
    assert fetched == []
