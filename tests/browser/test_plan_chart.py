"""The plan's chart and the what-ifs side by side: the SVG lines are the engine's projection
(point by point), its table holds the same figures, routes are turned on and off from their
cards (a fourth is refused), and the comparison table shows each compared route's lines."""

from __future__ import annotations

from datetime import date

import pytest
from calculator_page import EIGHTY_FIVE, open_calculator, share_hash, wait_ready
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]


DRAWN = """() => {
  const svg = document.querySelector('#plan .plan-chart svg');
  const d = svg.dataset;
  return {
    plot: d.plot.split(' ').map(Number), x0: d.x0, x1: d.x1, y0: Number(d.y0), y1: Number(d.y1),
    role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'),
    series: [...svg.querySelectorAll('g.plan-chart-series')].map((g) => ({
      id: g.dataset.series,
      dash: g.querySelector('polyline').getAttribute('stroke-dasharray'),
      points: g.querySelector('polyline').getAttribute('points').split(' ')
        .map((p) => p.split(',').map(Number)),
    })),
    lanes: [...svg.querySelectorAll('g.plan-chart-lane')].map((g) => g.textContent),
  };
}"""

TABLE = """() => {
  const table = document.querySelector('#plan .plan-chart-table');
  const heads = [...table.tHead.rows[0].cells].map((c) => c.textContent);
  const rows = [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));
  return {heads, rows};
}"""


def _day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def drawn_totals(drawn: dict, dates: list[str]) -> dict[str, list[float]]:
    """Each line's total on each date of the projection, read back from its SVG points: the
    last vertex drawn at that date's x, turned back into points by the chart's own scale."""
    left, top, right, bottom = drawn["plot"]
    t0, t1 = _day(drawn["x0"]), _day(drawn["x1"])
    out = {}
    for series in drawn["series"]:
        values = []
        for iso in dates:
            x = left + (_day(iso) - t0) / (t1 - t0) * (right - left)
            at = [p for p in series["points"] if abs(p[0] - x) < 0.06]
            assert at, f"{series['id']}: no vertex at {iso} (x={x:.1f})"
            y = at[-1][1]
            values.append(drawn["y0"] + (bottom - y) / (bottom - top) * (drawn["y1"] - drawn["y0"]))
        out[series["id"]] = values
    return out


def expect_chart_is(page: Page, plan: dict) -> None:
    projection = plan["projection"]
    ids = [s["id"] for s in projection["series"]]
    expect(page.locator("#plan .plan-chart svg g.plan-chart-series")).to_have_count(len(ids))
    drawn = page.evaluate(DRAWN)
    assert drawn["role"] == "img"
    assert drawn["x0"] == projection["dates"][0] and drawn["x1"] == projection["dates"][-1]
    assert sorted(s["id"] for s in drawn["series"]) == sorted(ids)
    totals = drawn_totals(drawn, projection["dates"])
    for series in projection["series"]:
        got = totals[series["id"]]
        assert [round(v) for v in got] == series["totals"], series["id"]
        assert max(abs(a - b) for a, b in zip(got, series["totals"], strict=True)) < 0.5
    # colour is not the only cue: each compared line has its own dash pattern
    dashes = [s["dash"] for s in drawn["series"]]
    assert len(set(dashes)) == len(dashes)
    # a label per line says when it reaches 120; the summary for screen readers too
    routes = {r["id"]: r for r in [plan["time_only"], *plan["routes"]]}
    for rid in ids:
        when = routes[rid]["reaches_standard_on"]
        lanes = drawn["lanes"]
        if when:
            assert any(when in lane and "达到120" in lane for lane in lanes), (rid, lanes)
            assert when in drawn["label"]
        else:  # never within the horizon: said with the horizon's day and total, not the chart's
            horizon = f"到{routes[rid]['total_on']}仍未达到（{routes[rid]['total']}分）"
            assert any(horizon in lane for lane in lanes), (rid, lanes)
            assert f"到{routes[rid]['total_on']}仍达不到120分" in drawn["label"]
    # the table: the same figures, on every date a line changes (first and last dates too)
    table = page.evaluate(TABLE)
    assert len(table["heads"]) == len(ids) + 1
    by_date = {d: i for i, d in enumerate(projection["dates"])}
    assert table["rows"][0][0] == projection["dates"][0]
    assert table["rows"][-1][0] == projection["dates"][-1]
    for row in table["rows"]:
        index = by_date[row[0]]
        assert row[1:] == [str(s["totals"][index]) for s in projection["series"]], row
    listed = {row[0] for row in table["rows"]}
    for i in range(1, len(projection["dates"])):
        if any(s["totals"][i] != s["totals"][i - 1] for s in projection["series"]):
            assert projection["dates"][i] in listed


def compare_box(page: Page, route_id: str):
    return page.locator(f'#plan [data-route="{route_id}"] input[data-compare]')


@pytest.mark.parametrize("width", [360, 1280])
def test_the_chart_is_the_engines_projection_and_two_routes_can_be_added(
    page: Page, site_url: str, width: int
):
    page.set_viewport_size({"width": width, "height": 900})
    open_calculator(page, site_url, share_hash(EIGHTY_FIVE))
    wait_ready(page)
    # by default: the current course and the fastest route
    default = calculator.plan(EIGHTY_FIVE)
    assert [s["id"] for s in default["projection"]["series"]] == ["time_only", "three_places"]
    expect(compare_box(page, "three_places")).to_be_checked()
    expect_chart_is(page, default)
    # the chart fits the page: no sideways scrolling on a phone
    box = page.locator("#plan .plan-chart svg").bounding_box()
    assert box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # turn on two more routes, as a person would: tap their boxes
    compare_box(page, "skill_3").click()
    expect(page.locator("#plan .plan-chart svg g.plan-chart-series")).to_have_count(3)
    compare_box(page, "title_intermediate").check()
    expect(page.locator("#plan .plan-chart svg g.plan-chart-series")).to_have_count(4)
    plan = calculator.plan({**EIGHTY_FIVE, "plan": {
        "compare": ["three_places", "skill_3", "title_intermediate"]}})
    expect_chart_is(page, plan)
    expect(page.locator("#plan-status")).to_contain_text("已加入对比")
    # four columns of figures still do not widen the page: the comparison scrolls in its box
    expect(page.locator("#plan table.plan-compare thead th[data-series]")).to_have_count(4)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_fourth_route_is_refused_and_the_comparison_lists_each_line(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(EIGHTY_FIVE))
    wait_ready(page)
    expect(compare_box(page, "three_places")).to_be_checked()
    compare_box(page, "skill_3").focus()
    page.keyboard.press("Space")
    expect(page.locator("#plan .plan-chart svg g.plan-chart-series")).to_have_count(3)
    # focus stays on the box the person pressed, though the plan was drawn again
    assert page.evaluate("document.activeElement.dataset.compare") == "skill_3"
    compare_box(page, "base_3").click()
    expect(page.locator("#plan .plan-chart svg g.plan-chart-series")).to_have_count(4)

    fourth = compare_box(page, "title_intermediate")
    expect(fourth).to_be_disabled()
    note = page.locator("#plan-compare-title_intermediate-note")
    expect(note).to_contain_text("最多同时对比 3 个")
    assert fourth.get_attribute("aria-describedby") == "plan-compare-title_intermediate-note"
    fourth.click(force=True)  # a tap on a disabled box changes nothing
    page.wait_for_timeout(400)
    expect(page.locator("#plan .plan-chart svg g.plan-chart-series")).to_have_count(4)
    expect(fourth).not_to_be_checked()

    compare = ["three_places", "skill_3", "base_3"]
    plan = calculator.plan({**EIGHTY_FIVE, "plan": {"compare": compare}})
    entries = {e["id"]: e for e in [plan["time_only"], *plan["routes"]]}
    columns = ["time_only", "three_places", "skill_3", "base_3"]
    table = page.locator("#plan table.plan-compare")
    heads = table.locator("thead th[data-series]")
    expect(heads).to_have_count(4)
    assert [heads.nth(i).get_attribute("data-series") for i in range(4)] == columns
    reach = [c.strip() for c in table.locator('tr[data-row="reach"] td').all_text_contents()]
    assert reach == [entries[c]["reaches_standard_on"] or "15年内达不到" for c in columns]
    total = table.locator('tr[data-row="total"] td').all_text_contents()
    assert total == [str(entries[c]["total"]) for c in columns]
    # every line that scores in any column, compared
    for line_id, label in plan["line_labels"].items():
        points = [entries[c]["lines"][line_id] for c in columns]
        row = table.locator(f'tr[data-row="line-{line_id}"]')
        if all(p == 0 for p in points):
            expect(row).to_have_count(0)
            continue
        expect(row.locator("th")).to_have_text(label)
        assert row.locator("td").all_text_contents() == [str(p) for p in points]
    # unticking one frees a place
    compare_box(page, "skill_3").click()
    expect(page.locator("#plan .plan-chart svg g.plan-chart-series")).to_have_count(3)
    expect(compare_box(page, "title_intermediate")).to_be_enabled()
