"""/batch/ offline after one visit: the service worker keeps the page, its scripts, the runtime,
the engine's and the batch's wheels, the batch's standard library, the openpyxl wheels and the
templates; with the network off the page reloads and scores a CSV and an .xlsx file."""

from __future__ import annotations

import pytest
from calculator_page import offline_copy_holds
from playwright.sync_api import Page, expect
from test_batch import EXAMPLE, WAIT, assert_table, expected, xlsx_file

pytestmark = pytest.mark.browser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def engine_files(page: Page) -> list[str]:
    """Every file the page's engine loads, as the page names them."""
    root = page.locator("#batch")
    runtime = root.get_attribute("data-pyodide")
    return [
        root.get_attribute("data-worker"),
        root.get_attribute("data-wheel"),
        root.get_attribute("data-batch-wheel"),
        root.get_attribute("data-stdlib"),
        *root.get_attribute("data-xlsx-wheels").split(),
        *(runtime + name for name in
          ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")),
    ]


def choose(page: Page, name: str, data: bytes, mime: str) -> None:
    page.locator("#batch-file").set_input_files({"name": name, "mimeType": mime, "buffer": data})
    expect(page.locator("#batch")).to_have_attribute("data-state", "done", timeout=WAIT)


def test_after_one_visit_the_batch_page_works_with_the_network_off(page: Page, site_url: str):
    page.goto(f"{site_url}/batch/")
    files = engine_files(page)
    assert len(files) == 10 and all(files)
    offline_copy_holds(page, ["/batch/", "/batch/template.csv", "/batch/template.xlsx", *files])

    page.context.set_offline(True)
    page.reload()
    expect(page.locator("#batch-file")).to_be_attached()
    choose(page, "名单.csv", EXAMPLE.read_bytes(), "text/csv")
    assert_table(page, expected(EXAMPLE.read_bytes(), "名单.csv"))

    data = xlsx_file()  # openpyxl, never loaded before the network went off
    choose(page, "名单.xlsx", data, XLSX)
    assert_table(page, expected(data, "名单.xlsx"))
    ok = page.evaluate("async () => (await fetch('/batch/template.xlsx')).ok")
    assert ok
