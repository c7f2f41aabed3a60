"""Advice people can take, typed key by key on a 360 px phone: the deadline box leads with the one
binding latest day in bold and says why to apply early; a route that raises the base says the
monthly wage it asks for and links the rule that the base must follow the real pay (D26); a
title for someone without the education it asks for comes after the routes within reach and
says why, until the person gives their own date for it."""

from __future__ import annotations

import json

import pytest
from axe_check import violations
from calculator_page import expect_total, field, look_at, open_calculator, wait_ready
from people import leave, pause, set_width, type_in
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]


# born 1982-12-20, 本科 without a degree, insured from 2016-12 at the floor (0.6×): exactly 120
# on 2026-12-06, 119 from the 44th birthday
AT_120 = {
    "as_of": "2026-12-06", "birth_date": "1982-12-20", "education": {"level": "bachelor"},
    "insurance": [{"from": "2016-12", "base_multiple": 0.6}],
}
# no degree, no certificate, at the floor since 2018-03: 54 points
FLOOR_WORKER = {
    "as_of": "2026-12-06", "birth_date": "1990-05-01",
    "insurance": [{"from": "2018-03", "base_multiple": 0.6}],
}


@pytest.fixture
def browser_context_args(browser_context_args):
    # axe is injected as a script tag, which the page's CSP would otherwise refuse.
    return {**browser_context_args, "bypass_csp": True}


def type_the_person(page: Page, person: dict, education: str | None = None) -> None:
    page.get_by_text("按其他日期计算").click()
    type_in(page, field(page, "as_of"), person["as_of"].replace("-", ""))
    leave(page)
    type_in(page, field(page, "birth_date"), person["birth_date"].replace("-", ""))
    leave(page)
    if education:
        field(page, "education.level").select_option(label=education)
    period = person["insurance"][0]
    type_in(page, field(page, "insurance[0].from"), period["from"].replace("-", ""))
    leave(page)
    type_in(page, field(page, "insurance[0].base_multiple"), str(period["base_multiple"]))
    leave(page)


def test_the_deadline_box_leads_with_the_birthday_drop_and_says_why_to_apply_early(
        page: Page, site_url: str):
    set_width(page, 360)
    open_calculator(page, site_url)
    wait_ready(page)
    type_the_person(page, AT_120, "本科（无学士学位）")
    expect_total(page, 120, passes=True)
    deadline = page.get_by_label("孩子报名等需要在哪天前达到120分？")
    type_in(page, deadline, "20270301")
    leave(page)
    plan = calculator.plan({**AT_120, "plan": {"target_date": "2027-03-01"}})
    target = plan["target"]
    assert target["latest_day"] == "2026-12-19" and target["apply_by"] == "2027-02-01"

    box = page.locator("#plan .plan-target")
    lead = box.locator(".plan-apply-by")
    expect(lead).to_have_text("最迟须于2026-12-19提出申请：之后年龄分减少，降到119分。")
    expect(lead.locator("strong")).to_have_text("2026-12-19")
    expect(lead).not_to_contain_text("2027-02-01")
    # the lead comes first in the box, then why to apply early
    expect(box.locator("p").first).to_have_class("plan-apply-by")
    early = box.locator(".plan-early")
    expect(early).to_have_text(target["early_note"])
    expect(early).to_contain_text(plan["time_only"]["reach_note"])
    expect(early).to_contain_text("2026-12-20起年龄分减少（30分→29分）")
    expect(early).to_contain_text("每年签注居住证")
    expect(box.locator(".plan-verdict")).to_have_attribute("data-meets", "true")
    look_at(box, "plan-advice-deadline-360")


def test_routes_say_the_wage_and_a_title_out_of_reach_says_why_until_a_date_is_given(
        page: Page, site_url: str):
    set_width(page, 360)
    open_calculator(page, site_url)
    wait_ready(page)
    type_the_person(page, FLOOR_WORKER)
    expect_total(page, 54)
    plan = calculator.plan(FLOOR_WORKER)
    cards = page.locator("#plan [data-route]")
    expect(cards).to_have_count(len(plan["routes"]))
    # the page lists the routes in the plan's order: within reach first
    ids = [cards.nth(i).get_attribute("data-route") for i in range(len(plan["routes"]))]
    assert ids == [r["id"] for r in plan["routes"]] and ids[0] != "title_intermediate"

    base = page.locator('#plan [data-route="base_3"]')
    expect(base.locator(".route-needs")).to_contain_text("需月工资约37,731元或以上（2026-12起按社平工资3倍计）")
    expect(base.locator(".route-needs")).to_contain_text("实际工资")
    rule = base.locator(".route-needs a")
    expect(rule).to_have_text("本站解释D26")
    expect(rule).to_have_attribute("href", "/about/#decision-D26")

    title = page.locator('#plan [data-route="title_intermediate"]')
    expect(title).to_have_attribute("data-out-of-reach", "true")
    reach = next(r for r in plan["routes"] if r["id"] == "title_intermediate")["out_of_reach"]
    expect(title.locator(".route-reach strong")).to_have_text(f"{reach['first']}。")
    expect(title.locator(".route-reach")).to_contain_text("你填写的学历是高中（中专）及以下")
    expect(title.locator(".route-reach a")).to_have_count(len(reach["sources"]))
    look_at(title, "plan-advice-title-360")

    # the person's own date for the title, typed key by key (the plan is redrawn while they
    # type, and keeps what they typed): within reach, and first by its date
    expected = page.locator("#plan-expected-title_intermediate")
    type_in(page, expected, "")
    for _ in range(len("2027-12-06")):
        page.keyboard.press("Backspace")
        pause(page, 120)
    type_in(page, expected, "20271206")
    expect(page.locator("#plan-expected-title_intermediate")).to_have_value("20271206")
    page.keyboard.press("Enter")
    pause(page, 800)
    first = page.locator("#plan [data-route]").first
    expect(first).to_have_attribute("data-route", "title_intermediate")
    expect(first).not_to_have_attribute("data-out-of-reach", "true")
    expect(first.locator(".route-reach")).to_have_count(0)
    # nothing wider than the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # with a deadline, a route out of reach that makes it is named with what it needs first
    page.locator('#plan [data-expected-reset="title_intermediate"]').click()
    expect(page.locator('#plan [data-route="title_intermediate"]')).to_have_attribute(
        "data-out-of-reach", "true")
    deadline = page.get_by_label("孩子报名等需要在哪天前达到120分？")
    type_in(page, deadline, "20290301")
    leave(page)
    routes = page.locator("#plan .plan-verdict-routes")
    expect(routes).to_contain_text("取得与岗位相符的中级职称（要先有大专（高职）及以上学历）")
    lead = page.locator("#plan .plan-apply-by")
    expect(lead).to_have_text("最迟约在2029-02-01前提出申请（按下方来得及的办法）。")
    expect(lead.locator("strong")).to_have_text("2029-02-01")
    found = violations(page)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
