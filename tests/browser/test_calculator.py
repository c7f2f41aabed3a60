"""The calculator page: the share link, typing, every indicator group, keeping answers,
the path to 120 and the credential picker, all through the real engine in Pyodide."""

from __future__ import annotations

import copy

import pytest
from calculator_page import (
    AS_OF,
    expect_total,
    field,
    open_calculator,
    open_empty,
    share_hash,
    wait_ready,
)
from playwright.sync_api import Page, expect

import calculator
from calculator import yardstick

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

BASELINE = {
    "as_of": AS_OF,
    "birth_date": "1992-03-15",
    "education": {"level": "bachelor"},
    "insurance": [{"from": "2021-01", "base_multiple": 0.7}],
}


def engine_total(profile: dict) -> int:
    return calculator.score(profile)["total"]


def with_changes(**changes) -> dict:
    profile = copy.deepcopy(BASELINE)
    profile.update(changes)
    return profile


@pytest.mark.own_tab  # every request of a page load
def test_share_link_fills_the_form_and_scores_with_no_request_leaving_loopback(
    page: Page, site_url: str
):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_calculator(page, site_url, share_hash(BASELINE))
    wait_ready(page)
    expect_total(page, engine_total(BASELINE), passes=False)
    expect(field(page, "birth_date")).to_have_value("1992-03-15")
    expect(field(page, "education.level")).to_have_value("bachelor")
    expect(field(page, "insurance[0].from")).to_have_value("2021-01")
    assert requests, "the page made no requests at all"
    outside = [url for url in requests if not url.startswith((site_url, "data:"))]
    assert outside == []


def test_padded_share_link_is_read_too(page: Page, site_url: str):
    profile = with_changes(birth_date="1990-01-01")
    open_calculator(page, site_url, share_hash(profile, padding=True))
    wait_ready(page)
    expect_total(page, engine_total(profile))


def test_typing_gives_the_engines_total_without_a_submit_button(page: Page, site_url: str):
    open_empty(page, site_url)
    wait_ready(page)
    page.get_by_text("按其他日期计算").click()
    field(page, "as_of").fill(AS_OF)
    field(page, "birth_date").fill("19920315")  # compact form is accepted
    field(page, "education.level").select_option("bachelor_with_degree")
    field(page, "insurance[0].from").fill("2021-01")
    field(page, "insurance[0].base_multiple").fill("1")
    expected = {
        "as_of": AS_OF,
        "birth_date": "1992-03-15",
        "education": {"level": "bachelor_with_degree"},
        "insurance": [{"from": "2021-01", "base_multiple": 1}],
    }
    expect_total(page, engine_total(expected), passes=True)
    expect(page.locator("#headline")).to_contain_text(str(engine_total(expected)))
    expect(page.locator("#headline")).to_have_attribute("role", "status")


def fill_spouse(page: Page):
    field(page, "spouse.married_on").fill("2018-06-01")
    return with_changes(spouse={"married_on": "2018-06-01"})


def fill_detention(page: Page):
    page.get_by_text("填写减分记录").click()
    field(page, "detentions").fill("2024-05-01")
    return with_changes(detentions=["2024-05-01"])


def fill_serious_crime(page: Page):
    field(page, "serious_crime").check()
    return with_changes(serious_crime=True)


def fill_birth_date(page: Page):
    field(page, "birth_date").fill("1975-03-15")
    return with_changes(birth_date="1975-03-15")


def fill_degree(page: Page):
    field(page, "education.level").select_option("master")
    return with_changes(education={"level": "master"})


def fill_credential(page: Page):
    field(page, "insurance[0].base_multiple").fill("1")
    field(page, "credentials[0].type").select_option("skill")
    field(page, "credentials[0].level").select_option("2")
    field(page, "credentials[0].occupation").fill("电工")
    page.locator("#f-credentials-0-job_match").check()  # 与岗位相符: 是 (the form assumes nothing)
    page.locator("#f-credentials-0-obtained_in_shanghai").check()  # 在上海工作期间取得: 是
    profile = with_changes(credentials=[{
        "type": "skill", "level": 2, "occupation": "电工", "job_match": True,
        "obtained_in_shanghai": True,
    }])
    profile["insurance"][0]["base_multiple"] = 1
    return profile


def fill_second_period(page: Page):
    page.get_by_role("button", name="再添加一段").click()
    field(page, "insurance[1].from").fill("2015-01")
    field(page, "insurance[1].to").fill("2020-12")
    field(page, "insurance[1].base_cny").fill("9000")
    profile = copy.deepcopy(BASELINE)
    profile["insurance"].append({"from": "2015-01", "to": "2020-12", "base_cny": 9000})
    return profile


@pytest.mark.parametrize(
    ("group", "change"),
    [
        ("base", fill_birth_date),
        ("base", fill_degree),
        ("base", fill_credential),
        ("base", fill_second_period),
        ("bonus", fill_spouse),
        ("deduction", fill_detention),
        ("veto", fill_serious_crime),
    ],
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
def test_each_indicator_group_changes_the_total_as_the_engine_says(
    page: Page, site_url: str, group: str, change
):
    open_calculator(page, site_url, share_hash(BASELINE))
    wait_ready(page)
    before = engine_total(BASELINE)
    expect_total(page, before)
    expected = change(page)
    result = calculator.score(expected)
    assert result["total"] != before or result["vetoed"], "the change must matter to the engine"
    expect_total(page, result["total"], passes=result["passes"])
    if group == "veto":
        expect(page.locator("#headline")).to_contain_text("否决")
        expect(page.locator('[data-group="eligibility"]')).to_contain_text("严重刑事犯罪")
    else:
        line = next(line for line in result["lines"] if line["group"] == group and line["points"])
        shown = page.locator(f'#breakdown [data-group="{group}"] [data-line="{line["id"]}"]')
        expect(shown).to_contain_text(str(abs(line["points"])))


def test_periods_that_do_not_count_and_how_far_the_yardsticks_are_published(
    page: Page, site_url: str
):
    mismatch = with_changes(
        insurance=[{"from": "2021-01", "base_multiple": 1, "employer_matches": False}]
    )
    counted = with_changes(insurance=[{"from": "2021-01", "base_multiple": 1}])
    assert engine_total(mismatch) != engine_total(counted)
    open_calculator(page, site_url, share_hash(mismatch))
    wait_ready(page)
    expect_total(page, engine_total(mismatch))
    expect(field(page, "insurance[0].employer_matches")).to_be_checked()
    expect(field(page, "insurance[0].base_matches_tax")).not_to_be_checked()
    field(page, "insurance[0].employer_matches").uncheck()
    expect_total(page, engine_total(counted))
    field(page, "insurance[0].base_matches_tax").check()
    expect_total(page, engine_total(mismatch))
    newest = calculator.rules.yardsticks()[-1]
    start, end = (newest["from"].split("-"), newest["to"].split("-"))
    expect(page.locator("#result-yardstick")).to_contain_text(
        f"社平工资数据已更新到{int(start[0])}年{int(start[1])}月至{int(end[0])}年{int(end[1])}月缴费年度"
    )


def test_lines_open_to_their_rule_source_and_the_sites_interpretation(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(BASELINE))
    wait_ready(page)
    age = page.locator('#breakdown [data-line="age"]')
    age.locator("summary").click()
    line = next(line for line in calculator.score(BASELINE)["lines"] if line["id"] == "age")
    expect(age).to_contain_text(line["rule"])
    expect(age).to_contain_text(line["source"])
    expect(age).to_contain_text("本站解释 " + line["decisions"][0]["id"])
    # zero lines are folded away but reachable
    folded = page.locator('#breakdown [data-group="bonus"] details.zero-lines')
    expect(folded).not_to_have_attribute("open", "")
    expect(folded.locator(":scope > summary")).to_contain_text("为 0 分")


def test_the_path_to_120_shows_the_planners_dates_and_assumptions(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(BASELINE))
    wait_ready(page)
    plan = calculator.plan(BASELINE)
    expect(page.locator("#plan")).to_contain_text(plan["summary"])
    expect(page.locator("#plan")).to_contain_text(plan["time_only"]["assumption"])
    assert plan["routes"]
    first = plan["routes"][0]
    shown = page.locator(f'#plan [data-route="{first["id"]}"]')
    for text in (first["title"], first["reaches_standard_on"], first["needs"], first["assumption"]):
        expect(shown).to_contain_text(text)
    expect(page.locator("#plan [data-route]")).to_have_count(len(plan["routes"]))


def test_field_errors_are_listed_and_link_to_the_field(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(BASELINE))
    wait_ready(page)
    field(page, "insurance[0].from").fill("2021-13")
    field(page, "insurance[0].from").press("Tab")  # checked when the person leaves the field
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("开始月份")
    expect(field(page, "insurance[0].from")).to_have_attribute("aria-invalid", "true")
    # Pressing the link leaves the field the person was in, which asks the engine again; the
    # reply redraws the summary while the button is still down, and the click must still land.
    summary.get_by_role("link").first.hover()
    page.mouse.down()
    page.wait_for_timeout(1500)
    page.mouse.up()
    expect(field(page, "insurance[0].from")).to_be_focused()
    field(page, "insurance[0].from").fill("2021-01")
    expect(summary).to_be_hidden()
    expect_total(page, engine_total(BASELINE))


def test_an_empty_form_asks_for_what_is_missing_without_errors(page: Page, site_url: str):
    open_calculator(page, site_url)
    wait_ready(page)
    expect(page.locator("#result-missing")).to_contain_text("出生日期")
    expect(page.locator("#error-summary")).to_be_hidden()
    expect(page.locator("#total")).to_have_text("—")


def test_share_button_makes_a_link_that_reopens_the_same_answers(page: Page, site_url: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_calculator(page, site_url, share_hash(BASELINE))
    wait_ready(page)
    expected = fill_spouse(page)
    expect_total(page, engine_total(expected))
    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    assert "#profile=" in link
    other = page.context.new_page()
    other.goto(link)
    wait_ready(other)
    expect_total(other, engine_total(expected))
    expect(field(other, "spouse.married_on")).to_have_value("2018-06-01")
    other.close()


def test_save_restore_and_clear(page: Page, site_url: str):
    open_calculator(page, site_url)
    wait_ready(page)
    field(page, "birth_date").fill("1992-03-15")
    field(page, "education.level").select_option("bachelor")
    page.get_by_role("button", name="保存在本机").click()
    expect(page.locator("#keep-status")).to_contain_text("已保存")

    page.goto(f"{site_url}/calculator/")
    expect(field(page, "birth_date")).to_have_value("1992-03-15")
    expect(page.locator("#calc-notice")).to_contain_text("保存")
    wait_ready(page)

    page.get_by_role("button", name="清除我的数据").click()
    expect(field(page, "birth_date")).to_have_value("")
    stored = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('sh-points'))")
    assert stored == []
    page.goto(f"{site_url}/calculator/")
    wait_ready(page)
    expect(field(page, "birth_date")).to_have_value("")


@pytest.mark.parametrize(("years", "multiple"), [("5", "1"), ("５年", "1倍")])
def test_quick_mode_fills_one_period(page: Page, site_url: str, years: str, multiple: str):
    open_empty(page, site_url)
    wait_ready(page)
    field(page, "birth_date").fill("1992-03-15")
    page.get_by_text("快速填写：只知道大概缴了几年").click()
    page.locator("#f-quick-years").fill(years)  # as the engine reads them: 5年, full-width digits
    page.locator("#f-quick-multiple").fill(multiple)
    page.get_by_role("button", name="按此填入").click()
    expect(field(page, "insurance[0].base_multiple")).to_have_value("1")
    start = field(page, "insurance[0].from").input_value()
    profile = {"birth_date": "1992-03-15", "insurance": [{"from": start, "base_multiple": 1}]}
    line = next(x for x in calculator.score(profile)["lines"] if x["id"] == "insurance_years")
    assert line["points"] == 15
    expect_total(page, engine_total(profile))


def test_quick_mode_refuses_a_multiple_above_the_contribution_ceiling(page: Page, site_url: str):
    open_empty(page, site_url)
    wait_ready(page)
    page.get_by_text("快速填写：只知道大概缴了几年").click()
    page.locator("#f-quick-years").fill("5")
    page.locator("#f-quick-multiple").fill("4")
    page.get_by_role("button", name="按此填入").click()
    ceiling = format(float(yardstick.ceiling_multiple()), "g")
    expect(page.locator("#quick-status")).to_contain_text(f"不超过 {ceiling} 的数")
    expect(page.locator("#f-quick-multiple")).to_be_focused()
    expect(field(page, "insurance[0].from")).to_have_value("")


def test_credential_picker_searches_both_names_and_shows_the_value(page: Page, site_url: str):
    open_empty(page, site_url)
    wait_ready(page)
    field(page, "credentials[0].type").select_option("qualification")
    name = field(page, "credentials[0].name")
    name.click()
    name.press_sequentially("会计")
    options = page.locator("#f-credentials-0-name-options [role=option]")
    expect(options.first).to_be_visible()
    name.press("ArrowDown")
    name.press("Enter")
    chosen = name.input_value()
    assert calculator.catalogues.find_qualification(chosen) is not None
    card = page.locator('[data-picker="qualification"] .picker-card')
    expect(card).to_contain_text("100")
    name.fill("不存在的证书")
    name.press("Tab")  # said once the person is done with the name
    expect(card).to_contain_text("不在")


def test_keyboard_only_reaches_the_result_controls(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(BASELINE))
    wait_ready(page)
    field(page, "birth_date").focus()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "clear-button":
            break
    else:
        pytest.fail("Tab never reached the clear button")


def test_print_view_shows_the_result_with_date_and_rules_version(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(BASELINE))
    wait_ready(page)
    expect_total(page, engine_total(BASELINE))
    page.emulate_media(media="print")
    expect(page.locator("form.calc-form")).to_be_hidden()
    # the total is printed on the summary page (test_card_print.py), not twice
    expect(page.locator("#print-total")).to_contain_text(f"{engine_total(BASELINE)} 分")
    expect(page.locator("#result-rules-version")).to_have_text(calculator.RULES_VERSION)
    expect(page.locator("#result-as-of")).to_have_text(AS_OF)
    expect(page.locator("#print-date")).not_to_be_empty()


def test_on_a_phone_the_total_stays_in_sight_while_filling_in(page: Page, site_url: str):
    page.set_viewport_size({"width": 360, "height": 740})
    open_calculator(page, site_url, share_hash(BASELINE))
    wait_ready(page)
    field(page, "spouse.married_on").fill("2018-06-01")
    total = engine_total(fill_spouse_profile())
    bar = page.locator("#total-bar")
    expect(bar).to_be_in_viewport()
    expect(bar).to_contain_text(str(total))


def fill_spouse_profile() -> dict:
    return with_changes(spouse={"married_on": "2018-06-01"})
