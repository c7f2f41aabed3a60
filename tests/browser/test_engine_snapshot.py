"""The engine's memory snapshot: a first visit keeps one, a later visit starts from it and
scores exactly as a fresh start does; a damaged one is dropped and replaced; it never holds
anything the person typed."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from calculator_page import (
    SNAPSHOT_CONTENTS,
    expect_total,
    open_calculator,
    share_hash,
    wait_ready,
    wait_until,
)
from playwright.sync_api import Page, expect

import calculator

pytestmark = pytest.mark.browser

PROFILE = {
    "as_of": "2026-11-01",
    "birth_date": "1987-06-30",
    "education": {"level": "master"},
    "insurance": [{"from": "2018-03", "base_multiple": 1.5}],
    # matched against the catalogue, which the engine reads from its data files
    "credentials": [{"type": "qualification", "name": "监理工程师"}],
}
SECRET_BITS = ["1987-06-30", "2018-03", "2026-11-01"]

SNAPSHOTS = """async () => {
  if (!(await caches.has("engine-snapshot"))) return [];
  const cache = await caches.open("engine-snapshot");
  return (await cache.keys()).map((request) => request.url);
}"""

DAMAGE = """async () => {
  const cache = await caches.open("engine-snapshot");
  const [request] = await cache.keys();
  const junk = new Uint8Array(4 * 1024 * 1024).fill(7);
  await cache.put(request, new Response(junk, {
    headers: { "x-snapshot-bytes": String(junk.byteLength) } }));
}"""


def root(page: Page):
    return page.locator("#calculator")


def first_visit(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, share_hash(PROFILE))
    wait_ready(page)
    expect(root(page)).to_have_attribute("data-engine-start", "fresh")
    expect(root(page)).to_have_attribute("data-engine-snapshot", "saved", timeout=20_000)
    expect_total(page, calculator.score(PROFILE)["total"])


def come_back(page: Page, site_url: str) -> None:
    """A later visit with the same answers, in the same browser."""
    page.goto("about:blank")
    open_calculator(page, site_url, share_hash(PROFILE))
    wait_ready(page)


def test_a_later_visit_starts_from_the_snapshot_and_scores_the_same(page: Page, site_url):
    first_visit(page, site_url)
    (key,) = page.evaluate(SNAPSHOTS)
    made_from = parse_qs(urlsplit(key).query)
    assert made_from["wheel"] == [root(page).get_attribute("data-wheel")]

    come_back(page, site_url)
    expect(root(page)).to_have_attribute("data-engine-start", "snapshot")
    expected = calculator.score(PROFILE)
    expect_total(page, expected["total"], expected["total"] >= 120)
    expect(page.locator("#result-rules-version")).to_have_text(calculator.RULES_VERSION)
    expect(root(page)).not_to_have_attribute("data-engine-snapshot", "saved")  # none made again
    assert page.evaluate(SNAPSHOTS) == [key]


def test_a_damaged_snapshot_is_dropped_and_the_engine_starts_anyway(page: Page, site_url):
    first_visit(page, site_url)
    page.evaluate(DAMAGE)

    come_back(page, site_url)
    expect(root(page)).to_have_attribute("data-engine-start", "fresh")
    expect_total(page, calculator.score(PROFILE)["total"])
    # and a good one took its place
    expect(root(page)).to_have_attribute("data-engine-snapshot", "saved", timeout=20_000)
    assert page.evaluate(SNAPSHOT_CONTENTS, [])[0]["size"] > 4 * 1024 * 1024

    come_back(page, site_url)
    expect(root(page)).to_have_attribute("data-engine-start", "snapshot")


# Rewrites the stored snapshot: its bytes cut to `keep` of their length, its headers changed.
REWRITE = """async ({ keep, headers }) => {
  const cache = await caches.open("engine-snapshot");
  const [request] = await cache.keys();
  const stored = await cache.match(request);
  const bytes = await stored.arrayBuffer();
  const kept = bytes.slice(0, Math.floor(bytes.byteLength * keep));
  await cache.put(request, new Response(kept, {
    headers: { ...Object.fromEntries(stored.headers), ...headers } }));
}"""


@pytest.mark.parametrize("change", [
    {"keep": 0.5, "headers": {}},
    {"keep": 1, "headers": {"x-wheel-sha256": "0" * 64}},
], ids=["truncated", "made-from-other-wheel-bytes"])
def test_a_snapshot_that_does_not_match_is_not_restored(page: Page, site_url, change):
    first_visit(page, site_url)
    page.evaluate(REWRITE, change)
    come_back(page, site_url)
    expect(root(page)).to_have_attribute("data-engine-start", "fresh")
    expect_total(page, calculator.score(PROFILE)["total"])
    expect(root(page)).to_have_attribute("data-engine-snapshot", "saved", timeout=20_000)


def test_the_snapshot_holds_nothing_the_person_typed(page: Page, site_url):
    # The answers are on the page (from the link) before the engine is ready, and are scored
    # the moment it is: the snapshot must have been taken before.
    first_visit(page, site_url)
    page.fill('#calculator [name="birth_date"]', "1987-06-29")
    expect_total(page, calculator.score({**PROFILE, "birth_date": "1987-06-29"})["total"])
    wait_until(page, "async () => (await caches.keys()).includes('engine-snapshot')")
    (held,) = page.evaluate(SNAPSHOT_CONTENTS, [*SECRET_BITS, "1987-06-29"])
    assert held["knows"], "the check must be able to see text inside the snapshot"
    assert held["found"] == []
