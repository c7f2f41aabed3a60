"""Engine failures in words: a lost connection, a file gone after a deploy (404), a worker that
crashes or never loads, running out of memory, Pyodide's own English ("Failed to fetch
dynamically imported module…"), a browser without module workers. Each is said in plain
Chinese with what to do; the raw detail is only in a folded <details> for reporting."""

from __future__ import annotations

import re

import pytest
from calculator_page import READY_MS, expect_total, field, open_calculator, wait_ready
from playwright.sync_api import Page, expect

import calculator

pytestmark = pytest.mark.browser

PROFILE = {"birth_date": "1990-01-01", "education": {"level": "bachelor"}}
# Words a plain-Chinese message may still contain.
ALLOWED = ("WebAssembly", "Web Worker", "Chrome", "Edge", "Firefox", "Safari", "iPhone")

OUT_OF_MEMORY = """
const refuse = () => Promise.reject(new RangeError(
  "WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance"));
WebAssembly.instantiate = refuse;
WebAssembly.instantiateStreaming = refuse;
"""


@pytest.fixture
def browser_context_args(browser_context_args):
    # Requests must reach page.route, not be answered by the offline cache.
    return {**browser_context_args, "service_workers": "block"}


def expect_said_in_words(page: Page, *words: str, retry: bool = True, reload: bool = False):
    expect(page.locator("#calculator")).to_have_attribute("data-engine", "error", timeout=READY_MS)
    message = page.locator("#engine-error")
    expect(message).to_have_attribute("role", "alert")
    for word in words:
        expect(message).to_contain_text(word)
    text = message.inner_text()
    for word in ALLOWED:
        text = text.replace(word, "")
    assert not re.search(r"[A-Za-z]{2,}", text), f"raw words in the message: {text}"
    retry_button = page.get_by_role("button", name="重新加载计算引擎")
    reload_button = page.get_by_role("button", name="刷新页面（保留已填内容）")
    expect(retry_button).to_be_visible() if retry else expect(retry_button).to_be_hidden()
    expect(reload_button).to_be_visible() if reload else expect(reload_button).to_be_hidden()
    # the card says there is no result, and why
    expect(page.locator("#result")).to_have_attribute("data-state", "unavailable")
    expect(page.locator("#headline")).to_contain_text("暂时算不出结果")
    expect(page.locator("#total")).to_have_text("—")


def expect_technical(page: Page, *bits: str):
    detail = page.locator("#engine-error-detail")
    expect(detail).to_be_visible()
    expect(detail).not_to_have_attribute("open", "")
    expect(detail.locator("pre")).to_be_hidden()  # folded
    for bit in bits:
        expect(page.locator("#engine-error-technical")).to_contain_text(bit)


def type_answers(page: Page) -> None:
    field(page, "birth_date").fill("1990-01-01")
    field(page, "education.level").select_option("bachelor")


def fulfill(status: int, body: bytes = b"", content_type: str = "application/octet-stream"):
    return lambda route: route.fulfill(status=status, body=body, content_type=content_type,
                                       headers={"Cache-Control": "no-store"})


@pytest.mark.parametrize(
    ("pattern", "handler", "words", "reload", "technical"),
    [
        ("**/pyodide.asm.wasm", lambda route: route.abort("internetdisconnected"),
         ["网络连接中断", "检查网络"], False, ["pyodide.asm.wasm"]),
        ("**/pyodide.asm.wasm", fulfill(404), ["本站刚刚更新过", "刷新页面"], True,
         ["pyodide.asm.wasm", "404"]),
        ("**/pyodide.asm.wasm", fulfill(503), ["服务器"], False, ["503"]),
        ("**/pyodide.mjs", lambda route: route.abort("internetdisconnected"),
         ["网络连接中断"], False, ["Failed to fetch dynamically imported module"]),
        ("**/pyodide.mjs", fulfill(404, content_type="text/javascript"), ["本站刚刚更新过"], True,
         ["pyodide.mjs"]),
        ("**/assets/js/engine-worker.*.js", fulfill(404, content_type="text/javascript"),
         ["本站刚刚更新过"], True, ["404"]),
        ("**/wheels/**", fulfill(200, b"this is not a wheel"), ["不完整或已损坏"], True, []),
    ],
    ids=["offline", "runtime-gone-after-deploy", "server-error", "loader-offline",
         "loader-gone-after-deploy", "worker-gone-after-deploy", "wheel-damaged"],
)
def test_each_failure_is_said_in_words_with_what_to_do(
    page: Page, site_url: str, pattern, handler, words, reload, technical
):
    page.route(pattern, handler)
    open_calculator(page, site_url)
    type_answers(page)
    expect_said_in_words(page, *words, reload=reload)
    expect_technical(page, *technical)
    page.locator("#engine-error-detail summary").click()
    expect(page.locator("#engine-error-technical")).to_be_visible()
    expect(page.locator("#engine-error-technical")).to_contain_text("浏览器：")
    # the answers are still there, and retrying once the file is back works
    expect(field(page, "birth_date")).to_have_value("1990-01-01")
    page.unroute(pattern)
    page.get_by_role("button", name="重新加载计算引擎").click()
    wait_ready(page)
    expect_total(page, calculator.score(PROFILE)["total"])
    expect(page.locator("#engine-error")).to_be_empty()
    expect(page.locator("#engine-error-detail")).to_be_hidden()


def test_a_crashed_worker_is_said_in_words(page: Page, site_url: str):
    pattern = "**/assets/js/engine-worker.*.js"
    page.route(pattern, lambda route: route.fulfill(
        status=200, content_type="text/javascript", headers={"Cache-Control": "no-store"},
        body="throw new Error('worker broke on purpose');"))
    open_calculator(page, site_url)
    expect_said_in_words(page, "计算引擎意外停止了", "换用")
    expect_technical(page, "worker broke on purpose")


def test_running_out_of_memory_is_said_in_words(page: Page, site_url: str):
    def short_of_memory(route):
        response = route.fetch()
        route.fulfill(response=response, body=OUT_OF_MEMORY + response.text(),
                      headers={**response.headers, "cache-control": "no-store"})

    page.route("**/assets/js/engine-worker.*.js", short_of_memory)
    open_calculator(page, site_url)
    expect_said_in_words(page, "内存不够", "关掉其他标签页")
    expect_technical(page, "Out of memory")


def test_a_browser_without_module_workers_is_told_which_browsers_work(page: Page, site_url: str):
    # An older browser ignores {type: "module"} (it never reads the option).
    page.add_init_script("""(() => {
      const Native = window.Worker;
      window.Worker = function (url) { return new Native(url); };
    })()""")
    open_calculator(page, site_url)
    expect_said_in_words(page, "模块 Web Worker", "Chrome", retry=False)
    type_answers(page)
    expect(field(page, "education.level")).to_have_value("bachelor")


def test_after_a_deploy_reloading_keeps_the_answers(page: Page, site_url: str):
    gone = []

    def first_time_gone(route):
        if gone:
            route.continue_()
            return
        gone.append(route.request.url)
        fulfill(404)(route)

    page.route("**/pyodide.asm.wasm", first_time_gone)
    open_calculator(page, site_url)
    type_answers(page)
    expect_said_in_words(page, "本站刚刚更新过", reload=True)
    page.get_by_role("button", name="刷新页面（保留已填内容）").click()
    wait_ready(page)
    expect(field(page, "birth_date")).to_have_value("1990-01-01")
    expect(field(page, "education.level")).to_have_value("bachelor")
    expect_total(page, calculator.score(PROFILE)["total"])


def test_a_failure_after_a_result_keeps_it_marked_out_of_date(page: Page, site_url: str):
    open_calculator(page, site_url)
    wait_ready(page)
    type_answers(page)
    total = calculator.score(PROFILE)["total"]
    expect_total(page, total)
    # the engine starts again (as after a crash) and this time cannot download its rules
    page.route("**/wheels/**", lambda route: route.abort("internetdisconnected"))
    page.locator("#engine-retry").evaluate("b => b.click()")
    expect(page.locator("#calculator")).to_have_attribute("data-engine", "error", timeout=READY_MS)
    expect(page.locator("#result")).to_have_attribute("data-state", "stale")
    expect(page.locator("#total")).to_have_text(str(total))
    expect(page.locator("#result-stale")).to_contain_text("以下结果按修改前的内容计算")
