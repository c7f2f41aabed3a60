"""The result card tells the truth in every state (#result[data-state]): empty, loading,
error, out of date, cleared (with 撤销), vetoed, not eligible and a result; the pinned total
bar says the same; the documents to prepare and, once 120 is reached, the next steps."""

from __future__ import annotations

import json

import pytest
from calculator_page import (
    AS_OF,
    expect_total,
    field,
    open_calculator,
    share_hash,
    wait_ready,
)
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

SHORT = {
    "as_of": AS_OF,
    "birth_date": "1992-03-15",
    "education": {"level": "bachelor"},
    "insurance": [{"from": "2021-01", "base_multiple": 0.7}],
}
PASSES = {
    "as_of": AS_OF,
    "birth_date": "1990-04-02",
    "education": {"level": "master"},
    "insurance": [{"from": "2019-01", "base_multiple": 2}],
}
# Well over 120, but two months of insurance: not eligible.
NOT_ELIGIBLE = {
    "as_of": AS_OF,
    "birth_date": "1990-04-02",
    "education": {"level": "doctor"},
    "insurance": [{"from": "2026-09", "base_multiple": 3}],
}
VETOED = {**PASSES, "serious_crime": True}

CARD_TEXT = "document.getElementById('result').innerText"
# Every control of the page that does not hold what the page loaded with.
AS_LOADED = """[...document.querySelectorAll('input, select, textarea')].filter((c) => {
  if (c.type === 'checkbox' || c.type === 'radio') return c.checked !== c.defaultChecked;
  if (c.tagName === 'SELECT') {
    const preset = [...c.options].find((o) => o.defaultSelected) || c.options[0];
    return c.value !== (preset ? preset.value : '');
  }
  return c.value !== c.defaultValue;
}).map((c) => c.name || c.id)"""


def state(page: Page):
    return page.locator("#result")


def expect_state(page: Page, name: str) -> None:
    expect(state(page)).to_have_attribute("data-state", name, timeout=15_000)


def bar(page: Page):
    return page.locator("#total-bar")


def test_an_empty_form_says_what_to_fill_first_and_shows_no_total(page: Page, site_url: str):
    open_calculator(page, site_url)
    wait_ready(page)
    expect_state(page, "empty")
    expect(page.locator("#headline")).to_contain_text("先填写出生日期")
    expect(page.locator("#total")).to_have_text("—")
    expect(page.locator("#score-gap")).to_be_hidden()
    expect(bar(page)).to_be_hidden()
    expect(page.locator("#documents")).to_be_hidden()


@pytest.mark.own_tab  # the engine's first download
def test_while_the_engine_downloads_the_card_says_so_with_progress(page: Page, site_url: str):
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    open_calculator(page, site_url, share_hash(SHORT))
    expect_state(page, "loading")
    expect(page.locator("#headline")).to_contain_text("计算引擎正在下载")
    expect(page.locator("#card-progress")).to_be_visible()
    expect(page.locator("#total")).to_have_text("—")
    expect(bar(page)).to_be_hidden()
    download = int(page.locator("#calculator").get_attribute("data-download-bytes"))
    size = f"约 {download / 1e6:.1f} MB（只需下载一次）"
    expect(page.locator("#engine-status-text")).to_contain_text(size)
    page.wait_for_timeout(500)
    percent = page.locator("#card-progress progress").evaluate("p => p.value")
    assert 0 <= percent < 100
    for route in held:
        route.continue_()
    page.unroute("**/pyodide.asm.wasm")
    wait_ready(page)
    expect_total(page, calculator.score(SHORT)["total"])
    expect_state(page, "short")
    expect(page.locator("#card-progress")).to_be_hidden()


@pytest.mark.own_tab  # the engine's first download
def test_the_progress_counts_every_raw_byte_of_the_engine(page: Page, site_url: str):
    """The worker reports decoded bytes; the runtime's .mjs modules come through import(), and
    are counted too, so the last report is the raw total the page compares it with."""
    page.add_init_script("""(() => {
      const seen = (window.__progress = []);
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url, options) {
          super(url, options);
          this.addEventListener("message", (e) => {
            if (e.data && e.data.type === "progress") seen.push(e.data.loaded);
          });
        }
      };
    })()""")
    open_calculator(page, site_url)
    wait_ready(page)
    raw = int(page.locator("#calculator").get_attribute("data-runtime-bytes"))
    page.wait_for_timeout(300)
    seen = page.evaluate("window.__progress")
    assert seen and seen == sorted(seen)
    assert seen[-1] == raw


def test_an_input_error_shows_no_total_and_no_old_headline(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(SHORT))
    wait_ready(page)
    result = calculator.score(SHORT)
    expect_total(page, result["total"])
    expect_state(page, "short")
    old_gap = f"还差 {120 - result['total']} 分"
    expect(page.locator("#score-gap")).to_have_text(old_gap)

    field(page, "insurance[0].from").fill("2021-13")
    field(page, "insurance[0].from").press("Tab")  # leaving the field checks it
    expect_state(page, "error")
    expect(page.locator("#total")).to_have_text("—")
    expect(page.locator("#headline")).to_contain_text("需要修改")
    expect(page.locator("#headline")).to_contain_text("开始月份")
    card = page.evaluate(CARD_TEXT)
    assert old_gap not in card and result["headline"] not in card
    expect(page.locator("#breakdown")).to_be_empty()
    expect(bar(page)).to_contain_text("需要修改")
    assert bar(page).get_attribute("href") == "#error-summary"

    field(page, "insurance[0].from").fill("2021-01")
    expect_total(page, result["total"])
    expect_state(page, "short")


def test_while_a_field_is_being_fixed_the_last_result_stays_marked_out_of_date(
    page: Page, site_url: str
):
    open_calculator(page, site_url, share_hash(SHORT))
    wait_ready(page)
    total = calculator.score(SHORT)["total"]
    expect_total(page, total)
    box = field(page, "insurance[0].from")
    box.click()
    box.fill("2021-")  # on the way to another month: not valid yet, still being typed
    expect_state(page, "stale")
    expect(page.locator("#result-stale")).to_contain_text("以下结果按修改前的内容计算")
    expect(page.locator("#result-stale")).to_have_attribute("role", "status")
    assert state(page).get_attribute("aria-describedby") == "result-stale"
    expect(page.locator("#total")).to_have_text(str(total))
    grey = page.locator("#result .score").evaluate("n => getComputedStyle(n).filter")
    assert "grayscale" in grey
    expect(bar(page)).to_contain_text("待更新")
    box.fill("2020-01")
    changed = {**SHORT, "insurance": [{"from": "2020-01", "base_multiple": 0.7}]}
    expect_total(page, calculator.score(changed)["total"])
    expect(page.locator("#result-stale")).to_be_empty()


@pytest.mark.parametrize(
    ("profile", "name", "gap", "bar_text"),
    [
        (VETOED, "vetoed", "不能申请", "一票否决"),
        (NOT_ELIGIBLE, "not-eligible", "暂不符合申请条件", "暂不符合申请条件"),
    ],
    ids=["vetoed", "not-eligible"],
)
def test_a_total_that_cannot_be_used_never_looks_like_a_pass(
    page: Page, site_url: str, profile, name, gap, bar_text
):
    result = calculator.score(profile)
    assert result["total"] >= result["standard"] and not result["passes"]
    page.set_viewport_size({"width": 360, "height": 740})
    open_calculator(page, site_url, share_hash(profile))
    wait_ready(page)
    expect_total(page, result["total"], passes=False)
    expect_state(page, name)
    expect(page.locator("#headline")).to_have_text(result["headline"])
    expect(page.locator("#score-gap")).to_contain_text(gap)
    expect(page.locator("#score-gap")).not_to_contain_text("已达标")
    expect(bar(page)).to_contain_text(str(result["total"]))
    expect(bar(page)).to_contain_text(bar_text)
    expect(bar(page)).not_to_contain_text("已达标")
    expect(page.locator("#next-steps")).to_be_hidden()


def test_documents_to_prepare_are_a_checklist_and_next_steps_follow_a_pass(
    page: Page, site_url: str
):
    result = calculator.score(PASSES)
    assert result["passes"] and result["documents"] and result["next_steps"]
    open_calculator(page, site_url, share_hash(PASSES))
    wait_ready(page)
    expect_total(page, result["total"], passes=True)
    expect_state(page, "passes")
    docs = page.locator("#documents")
    expect(docs).to_be_visible()
    expect(docs.locator("h2")).to_have_text("要准备的材料")
    expect(docs).to_contain_text("得分的各项")
    expect(docs.locator("legend")).to_have_text([entry["purpose"] for entry in result["documents"]])
    boxes = docs.get_by_role("checkbox")
    expect(boxes).to_have_count(sum(len(entry["items"]) for entry in result["documents"]))
    first_item = result["documents"][0]["items"][0]
    docs.get_by_label(first_item).check()
    steps = page.locator("#next-steps")
    expect(steps.locator("h2")).to_have_text("下一步")
    expect(steps.locator("li")).to_have_text(result["next_steps"])

    # a tick survives the card being drawn again
    field(page, "spouse.married_on").fill("2020-01-01")
    field(page, "spouse.married_on").press("Tab")
    changed = {**PASSES, "spouse": {"married_on": "2020-01-01"}}
    expect_total(page, calculator.score(changed)["total"])
    expect(docs.get_by_label(first_item)).to_be_checked()

    # short of 120: no next steps, still the documents
    field(page, "education.level").select_option("none")
    field(page, "insurance[0].base_multiple").fill("0.5")
    field(page, "insurance[0].base_multiple").press("Tab")
    lower = {**changed, "education": {"level": "none"},
             "insurance": [{"from": "2019-01", "base_multiple": 0.5}]}
    low = calculator.score(lower)
    assert not low["passes"]
    expect_total(page, low["total"], passes=False)
    expect(steps).to_be_hidden()
    expect(docs).to_be_visible()


def test_clearing_leaves_no_trace_of_the_previous_person_and_can_be_undone(
    page: Page, site_url: str
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size({"width": 360, "height": 740})
    open_calculator(page, site_url)
    title = page.title()
    page.goto(f"{site_url}/calculator/{share_hash(PASSES)}")
    wait_ready(page)
    result = calculator.score(PASSES)
    expect_total(page, result["total"])
    expect(page.locator("#plan")).not_to_be_empty()
    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    token = link.split("#profile=", 1)[1]
    page.get_by_role("button", name="保存在本机").click()
    expect(page.locator("#keep-status")).to_contain_text("已保存")
    page.get_by_text("快速填写：只知道大概缴了几年").click()
    page.locator("#f-quick-years").fill("7")
    field(page, "birth_date").focus()  # the bar is pinned while the form is in view
    expect(bar(page)).to_be_visible()

    page.get_by_role("button", name="清除我的数据").click()
    expect_state(page, "cleared")
    expect(page.locator("#headline")).to_contain_text("已清除")
    expect(page.locator("#total")).to_have_text("—")
    for selector in ("#breakdown", "#plan", "#documents-list", "#next-steps-list",
                     "#result-warnings", "#print-lines", "#print-share-url", "#to-confirm-list"):
        expect(page.locator(selector)).to_be_empty()
    expect(page.locator("#documents")).to_be_hidden()
    expect(bar(page)).to_be_hidden()
    expect(page.locator("#share-output")).to_be_hidden()
    assert page.locator("#share-output").input_value() == ""
    assert page.title() == title
    assert "#" not in page.url
    assert page.evaluate("Object.keys(localStorage)") == []
    changed = page.evaluate(AS_LOADED)
    assert changed == [], changed
    everything = page.evaluate("document.documentElement.outerHTML + location.href")
    for trace in (PASSES["birth_date"], token[:40], result["headline"], f"{result['total']} 分"):
        assert trace not in everything, trace

    # 撤销 for a while: the answers and the saved copy come back
    expect(page.locator("#keep-status")).to_contain_text("撤销")
    page.get_by_role("button", name="撤销清除").click()
    expect(field(page, "birth_date")).to_have_value(PASSES["birth_date"])
    expect_total(page, result["total"])
    saved = json.loads(page.evaluate("localStorage.getItem('sh-points:profile')"))
    assert saved["profile"]["birth_date"] == PASSES["birth_date"]
    expect(page.get_by_role("button", name="撤销清除")).to_be_hidden()


@pytest.mark.own_tab  # the page's clock, installed for good
def test_the_offer_to_undo_ends_and_then_nothing_can_bring_the_answers_back(
    page: Page, site_url: str
):
    page.clock.install()
    open_calculator(page, site_url, share_hash(SHORT))
    wait_ready(page)
    expect_total(page, calculator.score(SHORT)["total"])
    page.get_by_role("button", name="清除我的数据").click()
    undo = page.get_by_role("button", name="撤销清除")
    expect(undo).to_be_visible()
    page.clock.run_for(16_000)
    expect(undo).to_be_hidden()
    expect(page.locator("#keep-status")).not_to_contain_text("撤销")
    assert field(page, "birth_date").input_value() == ""


def test_a_share_link_never_puts_answers_into_the_page_title(page: Page, site_url: str):
    open_calculator(page, site_url)
    title = page.title()
    page.goto(f"{site_url}/calculator/{share_hash(SHORT)}")
    wait_ready(page)
    expect_total(page, calculator.score(SHORT)["total"])
    assert page.title() == title
    assert str(calculator.score(SHORT)["total"]) not in page.title()
