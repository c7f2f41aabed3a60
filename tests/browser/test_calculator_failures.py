"""When the engine cannot start or breaks: a missing or corrupted runtime file, a crashed
worker, an exception inside the engine, no WebAssembly. Each ends in data-engine=error with a
message in words, the raw detail folded away (#engine-error-technical), a retry where
retrying can help, and every answer typed still in the form. More failures, and the words
used: test_card_errors.py."""

from __future__ import annotations

import io
import zipfile

import pytest
from calculator_page import READY_MS, expect_total, field, open_calculator, wait_ready
from playwright.sync_api import Page, expect

import calculator

pytestmark = pytest.mark.browser

PROFILE = {"birth_date": "1990-01-01", "education": {"level": "bachelor"}}


@pytest.fixture
def browser_context_args(browser_context_args):
    # Requests must reach page.route, not be answered by the offline cache.
    return {**browser_context_args, "service_workers": "block"}


def type_answers(page: Page) -> None:
    field(page, "birth_date").fill("1990-01-01")
    field(page, "education.level").select_option("bachelor")


def expect_error(page: Page, *, retry: bool = True) -> None:
    expect(page.locator("#calculator")).to_have_attribute("data-engine", "error", timeout=READY_MS)
    expect(page.locator("#engine-error")).not_to_be_empty()
    expect(page.locator("#engine-error")).to_have_attribute("role", "alert")
    if retry:
        expect(page.get_by_role("button", name="重新加载计算引擎")).to_be_visible()
    else:
        expect(page.get_by_role("button", name="重新加载计算引擎")).to_be_hidden()


def expect_answers_kept(page: Page) -> None:
    expect(field(page, "birth_date")).to_have_value("1990-01-01")
    expect(field(page, "education.level")).to_have_value("bachelor")


def retry_and_score(page: Page) -> None:
    page.get_by_role("button", name="重新加载计算引擎").click()
    wait_ready(page)
    expect_answers_kept(page)
    expect_total(page, calculator.score(PROFILE)["total"])


@pytest.mark.parametrize(
    ("pattern", "body", "status", "said", "technical"),
    [
        ("**/pyodide.asm.wasm", b"", 404, ["刷新页面"], ["pyodide.asm.wasm", "404"]),
        ("**/stdlib-*.zip", b"this is not a zip file", 200, [], []),
        ("**/pyodide.mjs", b"", 404, ["刷新页面"], ["pyodide.mjs"]),
        ("**/wheels/**", b"", 404, ["刷新页面"], [".whl", "404"]),
    ],
    ids=["wasm-missing", "stdlib-corrupted", "loader-missing", "wheel-missing"],
)
def test_a_missing_or_corrupted_runtime_file_offers_a_retry(
    page: Page, site_url: str, pattern: str, body: bytes, status: int, said: list[str],
    technical: list[str],
):
    page.route(pattern, lambda route: route.fulfill(
        status=status, body=body, headers={"Cache-Control": "no-store"}))
    open_calculator(page, site_url)
    type_answers(page)
    expect_error(page)
    for words in said:
        expect(page.locator("#engine-error")).to_contain_text(words)
    for bit in technical:
        expect(page.locator("#engine-error-technical")).to_contain_text(bit)
    expect_answers_kept(page)
    page.unroute(pattern)
    retry_and_score(page)


def test_a_crashed_worker_offers_a_retry(page: Page, site_url: str):
    pattern = "**/assets/js/engine-worker.*.js"
    page.route(pattern, lambda route: route.fulfill(
        status=200, content_type="text/javascript",
        body="throw new Error('worker broke on purpose');",
        headers={"Cache-Control": "no-store"},
    ))
    open_calculator(page, site_url)
    type_answers(page)
    expect_error(page)
    expect_answers_kept(page)
    page.unroute(pattern)
    retry_and_score(page)


def exploding_wheel() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as wheel:
        wheel.writestr("calculator/__init__.py", (
            'RULES_VERSION = "test"\n'
            "class ValidationError(ValueError):\n    problems = []\n"
            "def score(profile):\n    raise RuntimeError('engine exploded on purpose')\n"
            "plan = score\n"
        ))
        wheel.writestr("calculator/messages.py", (  # what the worker calls for every request
            "from calculator import score\n"
            "def answer(op, text):\n    return score(text)\n"
        ))
        info = "calculator-0.0.0.dist-info/"
        wheel.writestr(info + "METADATA", "Metadata-Version: 2.1\nName: calculator\n"
                       "Version: 0.0.0\n")
        wheel.writestr(info + "WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\n"
                       "Tag: py3-none-any\n")
        wheel.writestr(info + "RECORD", "")
    return buffer.getvalue()


def test_an_exception_inside_the_engine_is_reported_and_answers_are_kept(page: Page, site_url: str):
    served = []

    def first_time_broken(route):
        if served:
            route.continue_()
            return
        served.append(route.request.url)
        route.fulfill(status=200, content_type="application/zip", body=exploding_wheel(),
                      headers={"Cache-Control": "no-store"})

    page.route("**/wheels/**", first_time_broken)
    open_calculator(page, site_url)
    type_answers(page)  # the first score after start-up meets the exception
    expect_error(page)
    expect(page.locator("#engine-error")).to_contain_text("本站的问题")
    expect(page.locator("#engine-error-technical")).to_contain_text("engine exploded on purpose")
    expect_answers_kept(page)
    retry_and_score(page)


def test_without_webassembly_the_page_says_so_and_the_form_still_works(page: Page, site_url: str):
    page.add_init_script("delete globalThis.WebAssembly;")
    open_calculator(page, site_url)
    expect_error(page, retry=False)
    expect(page.locator("#engine-error")).to_contain_text("WebAssembly")
    type_answers(page)
    expect_answers_kept(page)
    page.get_by_role("button", name="保存在本机").click()
    expect(page.locator("#keep-status")).to_contain_text("已保存")
