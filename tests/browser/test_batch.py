"""/batch/: a real file chosen in the page (CSV in UTF-8 with BOM, GBK, .xlsx) is read and
scored in the page's worker; the table names every person with their total and a bad row's
problem beside the good ones; the results export as CSV and .xlsx; axe finds nothing; and the
calculator's first visit never asks for openpyxl."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from axe_check import violations
from calculator_page import is_kept
from playwright.sync_api import Page, expect

from calculator.batch import check_file

pytestmark = [pytest.mark.browser, pytest.mark.same_tab("batch")]

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "batch.csv"
WAIT = 60_000  # Pyodide's start (no snapshot on this page) and five rows scored and planned


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "accept_downloads": True}


def expected(data: bytes, name: str) -> list[dict]:
    return check_file(data, name, planned=False)["results"]


def gbk_file() -> bytes:
    return EXAMPLE.read_bytes().decode("utf-8-sig").encode("gbk")


def xlsx_file() -> bytes:
    import openpyxl

    rows = [line for line in EXAMPLE.read_text(encoding="utf-8-sig").splitlines() if line][:3]
    book = openpyxl.Workbook()
    sheet = book.active
    for line in rows:
        sheet.append(line.split(","))
    sheet.append(["坏行", "1990-13-01"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(page: Page, site_url: str, name: str, data: bytes, mime: str) -> None:
    """`data` chosen as the file: in the kept tab, after the last test's file (choosing a file
    empties the table at once and starts again, as for a person choosing the next file)."""
    here = f"{site_url}/batch/"
    if not (is_kept(page) and page.url == here
            and page.locator("#batch").get_attribute("data-state") == "done"):
        page.goto(here)
    # counted after the page's own listener, which empties the table and starts reading
    page.evaluate("""() => { window.chosen = 0; document.getElementById('batch-file')
      .addEventListener('change', () => { window.chosen += 1; }, {once: true}); }""")
    page.locator("#batch-file").set_input_files({"name": name, "mimeType": mime, "buffer": data})
    page.wait_for_function("window.chosen === 1")
    expect(page.locator("#batch")).to_have_attribute("data-state", "done", timeout=WAIT)


def assert_table(page: Page, results: list[dict]) -> None:
    rows = page.locator("#batch-table tbody tr")
    expect(rows).to_have_count(len(results))
    for index, result in enumerate(results):
        row = rows.nth(index)
        if result["problems"]:
            expect(row.locator("th")).to_contain_text(result["name"])
            expect(row.locator(".batch-problems")).to_contain_text(result["problems"][0])
        else:
            expect(row.locator("th a")).to_have_text(result["name"])
            expect(row.locator(".batch-total")).to_have_text(str(result["total"]))


FILES = {
    "utf8-bom": ("名单.csv", lambda: EXAMPLE.read_bytes(), "text/csv"),
    "gbk": ("名单-gbk.csv", gbk_file, "text/csv"),
    "xlsx": ("名单.xlsx", xlsx_file,
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", sorted(FILES))
def test_an_uploaded_file_gives_every_persons_row(page: Page, site_url: str, kind: str,
                                                  width: int):
    name, make, mime = FILES[kind]
    data = make()
    page.set_viewport_size({"width": width, "height": 800})
    upload(page, site_url, name, data, mime)
    results = expected(data, name)
    assert any(r["problems"] for r in results) and any(not r["problems"] for r in results)
    assert_table(page, results)
    found = violations(page)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


def test_a_row_opens_that_person_in_the_calculator(page: Page, site_url: str):
    upload(page, site_url, "名单.csv", EXAMPLE.read_bytes(), "text/csv")
    link = page.locator("#batch-table tbody tr th a").first
    expect(link).to_have_attribute("target", "_blank")
    href = link.get_attribute("href")
    assert href.startswith("/calculator/#profile=")


@pytest.mark.own_tab  # the order and filter it leaves
def test_sorting_and_filtering(page: Page, site_url: str):
    upload(page, site_url, "名单.csv", EXAMPLE.read_bytes(), "text/csv")
    results = expected(EXAMPLE.read_bytes(), "名单.csv")
    header = page.locator('#batch-table th[data-key="total"]')
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    totals = sorted(r["total"] for r in results if r["total"] is not None)
    expect(page.locator("#batch-table .batch-total").first).to_have_text(str(totals[0]))
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(page.locator("#batch-table .batch-total").first).to_have_text(str(totals[-1]))
    page.get_by_label("有问题").check()
    expect(page.locator("#batch-table tbody tr")).to_have_count(
        sum(1 for r in results if r["problems"]))
    page.get_by_label("达标", exact=True).check()
    expect(page.locator("#batch-table tbody tr")).to_have_count(
        sum(1 for r in results if r["passes"] and not r["problems"]))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_table_exports(page: Page, site_url: str, kind: str, tmp_path: Path):
    upload(page, site_url, "名单.csv", EXAMPLE.read_bytes(), "text/csv")
    with page.expect_download(timeout=WAIT) as info:
        page.locator(f'[data-export="{kind}"]').click()
    path = tmp_path / f"out.{kind}"
    info.value.save_as(path)
    data = path.read_bytes()
    if kind == "csv":
        text = data.decode("utf-8-sig")
        assert "王芳" in text and "'=HYPERLINK" in text  # a formula is written as text
    else:
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
        assert "王芳" in values
        assert not any(isinstance(v, str) and v.startswith("=") for v in values)


@pytest.mark.own_tab  # a failed read
def test_a_hostile_file_gets_one_message(page: Page, site_url: str):
    page.goto(f"{site_url}/batch/")
    page.locator("#batch-file").set_input_files(
        {"name": "照片.csv", "mimeType": "text/csv", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)})
    expect(page.locator("#batch")).to_have_attribute("data-state", "failed", timeout=WAIT)
    expect(page.locator("#batch-error")).to_be_visible()
    expect(page.locator("#batch-table tbody tr")).to_have_count(0)


@pytest.mark.own_tab  # printing, with window.print replaced
def test_printing_gives_one_named_page_per_person(page: Page, site_url: str):
    upload(page, site_url, "名单.csv", EXAMPLE.read_bytes(), "text/csv")
    page.evaluate("window.print = () => {}")
    page.locator("#batch-print").click()
    results = expected(EXAMPLE.read_bytes(), "名单.csv")
    people = page.locator(".batch-person")
    expect(people).to_have_count(len(results))
    expect(people.first.locator("h2")).to_have_text(results[0]["name"])
    expect(people.first).to_contain_text("要准备的材料")
    page.emulate_media(media="print")
    expect(people.first).to_be_visible()
    expect(page.locator("#batch-table")).to_be_hidden()
    assert people.first.evaluate("e => getComputedStyle(e).breakAfter") == "page"


@pytest.mark.own_tab  # a first visit
def test_the_calculators_first_visit_does_not_load_openpyxl(page: Page, site_url: str):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site_url}/calculator/")
    expect(page.locator("#calculator")).to_have_attribute("data-engine", "ready", timeout=WAIT)
    assert asked and not [url for url in asked if "openpyxl" in url or "xmlfile" in url]
    assert not [url for url in asked if "python_stdlib" in url or "/batch/" in url]
