"""Content Security Policy: every page carries it as a <meta> tag before anything it governs,
`_headers` gives hosts the same policy, the engine starts and scores under it (also when the
host sends it as a header, which is the only way it reaches the engine's worker), and markup
slipped into a page does not run."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from calculator_page import expect_total, field, open_calculator, share_hash, wait_ready
from playwright.sync_api import Page, expect

import calculator
from sitebuild.serve import LocalServer

PROFILE = {"as_of": "2026-11-01", "birth_date": "1988-03-15", "education": {"level": "master"},
           "insurance": [{"from": "2019-01", "to": "2026-10", "base_multiple": 1.5}]}

META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', re.I)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)
DATA_BLOCK = re.compile(r'\btype="application/(?:ld\+)?json"', re.I)
HANDLER_ATTR = re.compile(r"<[a-z][^>]*\s(on[a-z]+|style)\s*=", re.I)

# Collects every CSP violation the page reports, from before the first byte of the page runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push({directive: event.effectiveDirective, blocked: event.blockedURI,
                            sample: event.sample});
});
"""


# ---- _headers -------------------------------------------------------------------------------

def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """The rules of a Netlify / Cloudflare Pages `_headers` file: [(pattern, {name: value})]."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules, path: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for pattern, headers in rules:
        matches = path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern
        if matches:
            found.update(headers)
    return found


def csp_of_headers_file(site_dir: Path) -> str:
    rules = parse_headers_file((site_dir / "_headers").read_text(encoding="utf-8"))
    return headers_for(rules, "/")["Content-Security-Policy"]


class HeadersFileHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site the way a host that reads `_headers` would."""

    extensions_map = {  # noqa: RUF012 (extends the base class's table)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json", ".whl": "application/zip",
    }
    rules: list[tuple[str, dict[str, str]]] = []  # noqa: RUF012 (set per server)

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path.split("?")[0]).items():
            if name.lower() != "content-type":
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        pass


def serve_with_rules(site_dir: Path, rules):
    handler_class = type("Handler", (HeadersFileHandler,), {"rules": rules})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = LocalServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def headers_site_url(site_dir):
    rules = parse_headers_file((site_dir / "_headers").read_text(encoding="utf-8"))
    server, url = serve_with_rules(site_dir, rules)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def meta_only_site_url(site_dir):
    """A host that sends no headers at all: the policy reaches the page only as <meta>."""
    server, url = serve_with_rules(site_dir, [])
    yield url
    server.shutdown()


@pytest.fixture(params=["meta", "meta-and-header"])
def policy_site(request, meta_only_site_url, headers_site_url):
    """(base URL, how the policy is served)."""
    return (meta_only_site_url if request.param == "meta" else headers_site_url), request.param


# ---- the policy as built ----------------------------------------------------------------------

def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def test_the_policy_allows_only_the_sites_own_origin(site_dir: Path):
    policy = directives(csp_of_headers_file(site_dir))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert policy["worker-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["style-src"] == ["'self'"]
    everything = " ".join(word for words in policy.values() for word in words)
    assert "unsafe-inline" not in everything
    assert "'unsafe-eval'" not in everything
    assert "http" not in everything and "*" not in everything


def test_every_page_carries_the_policy_before_anything_it_governs(site_dir: Path):
    policy = csp_of_headers_file(site_dir)
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site_dir).as_posix()
        metas = META_CSP.findall(html)
        assert metas == [policy], name
        meta_at = META_CSP.search(html).start()
        for first in ("<script", "<link", "<style", "<img"):
            at = html.find(first)
            assert at == -1 or at > meta_at, f"{name}: {first} before the CSP <meta>"
        for attributes in SCRIPT_TAG.findall(html):
            assert "src=" in attributes or DATA_BLOCK.search(attributes), (
                f"{name}: inline <script{attributes}>")
        assert not HANDLER_ATTR.search(html), f"{name}: inline handler or style attribute"


# ---- in the browser -------------------------------------------------------------------------

def console_csp_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text)
            if "Content Security Policy" in message.text else None)
    return errors


@pytest.mark.browser
def test_the_engine_starts_and_scores_a_share_link_under_the_policy(page: Page, policy_site):
    base, served_by = policy_site
    page.add_init_script(RECORD_VIOLATIONS)
    csp_errors = console_csp_errors(page)
    response = page.goto(f"{base}/calculator/{share_hash(PROFILE)}")
    if served_by == "meta-and-header":
        assert "wasm-unsafe-eval" in response.headers["content-security-policy"]
    else:
        assert "content-security-policy" not in response.headers
    wait_ready(page)
    expect_total(page, calculator.score(PROFILE)["total"])
    expect(page.locator("#plan")).not_to_be_empty()
    assert page.evaluate("window.__violations") == []
    assert csp_errors == []


@pytest.mark.browser
def test_the_engine_worker_itself_runs_under_the_header_policy(
    page: Page, headers_site_url: str
):
    worker_headers = []

    def remember(response):
        if "/assets/js/engine-worker." in response.url:
            worker_headers.append(response.headers)

    page.on("response", remember)
    open_calculator(page, headers_site_url)
    wait_ready(page)
    assert worker_headers, "the engine worker script was not fetched"
    assert "wasm-unsafe-eval" in worker_headers[0]["content-security-policy"]


INJECTED = (
    '<script>window.__pwned = 1;</script>'
    '<img alt="" src="data:," onerror="window.__pwned_attr = 1">'
    '<p id="styled" style="display: none">x</p>'
)


@pytest.mark.browser
def test_an_inline_script_slipped_into_the_page_does_not_run(page: Page, policy_site):
    base, _ = policy_site
    page.add_init_script(RECORD_VIOLATIONS)

    def inject(route):
        response = route.fetch()
        html = response.text()
        assert "<body>" in html
        route.fulfill(response=response, body=html.replace("<body>", "<body>" + INJECTED, 1))

    page.route(f"{base}/calculator/", inject)
    open_calculator(page, base)
    expect(page.locator("#styled")).to_be_attached()
    wait_ready(page)

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("typeof window.__pwned_attr") == "undefined"
    expect(page.locator("#styled")).to_be_visible()  # the inline style was refused too
    violated = {v["directive"] for v in page.evaluate("window.__violations")}
    assert {"script-src-elem", "script-src-attr", "style-src-attr"} <= violated
    # the page's own scripts still work: it scores
    field(page, "birth_date").fill("1990-01-01")
    field(page, "education.level").select_option("bachelor")
    profile = {"birth_date": "1990-01-01", "education": {"level": "bachelor"}}
    expect_total(page, calculator.score(profile)["total"])
    wait_ready(page)
