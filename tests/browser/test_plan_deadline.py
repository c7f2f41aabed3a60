"""The plan's deadline and the dates a person expects: typed key by key, read by the engine
(2029年3月1日 too), answered with the day to apply by and which routes make it, each route's
latest day (or month of a higher base) and last day to apply in the engine's words; a day to
apply by already passed said plainly; kept in the share link and the saved copy; a bad date
is shown at its field."""

from __future__ import annotations

import base64
import json

import pytest
from calculator_page import EIGHTY_FIVE, open_calculator, share_hash, wait_ready
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]



def profile_in(link: str) -> dict:
    text = link.split("#profile=", 1)[1]
    return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def expect_target_marks(page: Page, plan: dict) -> None:
    target = plan["target"]
    expect(page.locator("#plan .plan-target h3")).to_have_text(f"截止日期 {target['date']}")
    # the box leads with the engine's sentence, the one binding latest day in bold
    lead = page.locator("#plan .plan-apply-by")
    expect(lead).to_have_text(target["latest_note"])
    expect(lead.locator("strong")).to_have_text(target["latest_day"] or target["apply_by"])
    expect(page.locator("#plan .plan-target")).to_contain_text(
        f"受理后约需 {target['processing_working_days']} 个工作日")
    course = page.locator("#plan .plan-target .plan-verdict")
    expect(course).to_have_attribute("data-meets", str(target["current_course_makes_it"]).lower())
    for route in plan["routes"]:
        card = page.locator(f'#plan [data-route="{route["id"]}"]')
        mark = card.locator(".route-target")
        expect(mark).to_have_attribute("data-meets", "true" if route["meets_target"] else "false")
        words = "赶得上截止日期" if route["meets_target"] else "赶不上截止日期"
        expect(mark).to_contain_text(words)
        # the engine's words: the latest day (or month of a higher base) and the day to apply
        if route["deadline_note"]:
            expect(mark).to_contain_text(route["deadline_note"])
    expect(page.locator('#plan [data-route] .route-target[data-meets="true"]')).to_have_count(
        len(target["routes_that_make_it"]))


def test_a_deadline_typed_key_by_key_gives_the_day_to_apply_by_and_marks_the_routes(
    page: Page, site_url: str
):
    page.set_viewport_size({"width": 360, "height": 800})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_calculator(page, site_url, share_hash(EIGHTY_FIVE))
    wait_ready(page)
    expect(page.locator("#plan [data-route]").first).to_be_visible()
    expect(page.locator("#plan .plan-target")).to_have_count(0)
    deadline = page.get_by_label("孩子报名等需要在哪天前达到120分？")
    deadline.click()
    deadline.press_sequentially("2029年3月1日", delay=40)
    deadline.press("Tab")
    plan = calculator.plan({**EIGHTY_FIVE, "plan": {"target_date": "2029年3月1日"}})
    assert plan["target"]["apply_by"] == "2029-02-01"
    expect_target_marks(page, plan)
    # the chart shows the deadline as a vertical line
    deadline_line = page.locator('#plan svg g.plan-chart-deadline[data-date="2029-03-01"]')
    expect(deadline_line).to_have_count(1)

    # in the share link, so the person who opens it sees the same plan
    page.locator("#share-button").click()
    link = page.locator("#share-output").input_value()
    assert profile_in(link)["plan"] == {"target_date": "2029年3月1日"}
    page.goto("about:blank")
    page.goto(link)
    wait_ready(page)
    expect(page.get_by_label("孩子报名等需要在哪天前达到120分？")).to_have_value("2029年3月1日")
    expect_target_marks(page, plan)


def test_a_route_whose_score_falls_before_the_day_to_apply_by_does_not_make_it(
    page: Page, site_url: str
):
    # 技能四级 is at 120 from 2028-01-01 to 2028-11-19 only, short of it on the apply-by day
    with_deadline = {**EIGHTY_FIVE, "plan": {"target_date": "2029-01-01"}}
    open_calculator(page, site_url, share_hash(with_deadline))
    wait_ready(page)
    plan = calculator.plan(with_deadline)
    expect_target_marks(page, plan)
    mark = page.locator('#plan [data-route="skill_4"] .route-target')
    expect(mark).to_have_attribute("data-meets", "false")
    expect(mark).to_contain_text("即使现在就取得也来不及")
    expect(mark.locator("[data-apply-until]")).to_have_count(0)
    title = page.locator('#plan [data-route="title_intermediate"] .route-target')
    expect(title).to_contain_text("按社平工资1倍缴费最迟须从2028-06起")
    expect(page.locator('#plan [data-route="skill_4"] .assumption')).to_contain_text(
        "（未填写预计取得日期，本站按约6个月后估计，这是本站的假设，可修改）")


def test_a_deadline_whose_day_to_apply_by_has_passed_says_so(page: Page, site_url: str):
    passed = {**EIGHTY_FIVE, "plan": {"target_date": "2026-12-01"}}
    open_calculator(page, site_url, share_hash(passed))
    wait_ready(page)
    apply_by = page.locator("#plan .plan-apply-by")
    expect(apply_by).to_contain_text("最迟的申请日已经过去")
    expect(apply_by).not_to_contain_text("2026-11-03")
    expect(page.locator('#plan [data-route] .route-target[data-meets="true"]')).to_have_count(0)


def test_an_expected_date_replans_and_travels_with_the_saved_copy(page: Page, site_url: str):
    with_deadline = {**EIGHTY_FIVE, "plan": {"target_date": "2029-03-01"}}
    open_calculator(page, site_url, share_hash(with_deadline))
    wait_ready(page)
    field = page.locator("#plan-expected-skill_3")
    expect(field).to_have_value("2027-05-28")  # the stated default: six months on
    field.fill("")
    field.press_sequentially("20280601", delay=30)
    field.press("Enter")
    card = page.locator('#plan [data-route="skill_3"]')
    expect(card.locator(".route-when")).to_contain_text("预计 2028-06-01 达到")
    expect(page.locator("#plan-status")).to_contain_text("已按新的预计取得日期重新测算")
    plan = calculator.plan({**EIGHTY_FIVE, "plan": {
        "target_date": "2029-03-01", "expected": {"skill_3": "20280601"}}})
    skill = next(r for r in plan["routes"] if r["id"] == "skill_3")
    expect(card).to_contain_text(f"届时 {skill['total']} 分")
    expect(card).to_contain_text(skill["assumption"])
    expect(page.locator("#plan-expected-skill_3")).to_be_focused()
    expect(page.locator("#plan-expected-skill_3")).to_have_value("2028-06-01")

    page.locator("#save-button").click()
    saved = page.evaluate("JSON.parse(localStorage.getItem('sh-points:profile')).profile.plan")
    assert saved == {"target_date": "2029-03-01", "expected": {"skill_3": "20280601"}}
    page.goto(f"{site_url}/calculator/")
    wait_ready(page)
    when = page.locator('#plan [data-route="skill_3"] .route-when')
    expect(when).to_contain_text("预计 2028-06-01 达到")

    # back to the default estimate
    page.locator('#plan [data-expected-reset="skill_3"]').click()
    expect(when).to_contain_text("预计 2027-05-28 达到")


def test_a_date_that_is_not_a_date_is_shown_at_its_field(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(EIGHTY_FIVE))
    wait_ready(page)
    deadline = page.locator("#plan-target")
    expect(page.locator("#plan [data-route]").first).to_be_visible()
    deadline.press_sequentially("2029-02-30", delay=30)
    deadline.press("Tab")
    error = page.locator("#plan-target-error")
    expect(error).to_have_text("需要达到标准分值的日期：2029年2月没有30日。")
    expect(deadline).to_have_attribute("aria-invalid", "true")
    assert "plan-target-error" in deadline.get_attribute("aria-describedby")
    # the plan on screen is marked as not following the new answer
    expect(page.locator("#plan")).to_have_attribute("data-stale", "true")
    deadline.fill("2029-03-01")
    expect(error).to_have_count(0)
    expect(page.locator("#plan .plan-apply-by")).to_contain_text("2029-02-01")

    field = page.locator("#plan-expected-skill_3")
    field.fill("明年")
    field.press("Enter")
    expect(page.locator("#plan-expected-skill_3-error")).to_contain_text("预计取得的日期")
    expect(field).to_have_attribute("aria-invalid", "true")


def test_a_date_that_puts_a_route_out_of_reach_keeps_its_field_until_it_is_changed_back(
    page: Page, site_url: str
):
    open_calculator(page, site_url, share_hash(EIGHTY_FIVE))
    wait_ready(page)
    field = page.locator("#plan-expected-skill_4")
    expect(field).to_be_visible()
    field.fill("2042-01-01")  # after the fifteen years the plan looks ahead
    field.press("Enter")
    plan = calculator.plan({**EIGHTY_FIVE, "plan": {"expected": {"skill_4": "2042-01-01"}}})
    assert "skill_4" not in {r["id"] for r in plan["routes"]}
    expect(page.locator('#plan [data-route="skill_4"]')).to_have_count(0)
    moved = page.locator('#plan [data-route-out="skill_4"]')
    expect(moved).to_contain_text("取得与岗位相符的技能四级（中级工）证书")
    expect(moved).to_contain_text("不会比“照现在的情况继续”更早达到")
    expect(moved.locator("#plan-expected-skill_4")).to_have_value("2042-01-01")
    expect(page.locator("#plan [data-route]")).to_have_count(len(plan["routes"]))
    moved.get_by_role("button", name="改回默认估计").click()
    expect(page.locator('#plan [data-route="skill_4"]')).to_have_count(1)
    expect(page.locator('#plan [data-route-out="skill_4"]')).to_have_count(0)

    # 清除我的数据 empties the plan's own answers too
    page.locator("#plan-target").fill("2029-03-01")
    expect(page.locator("#plan .plan-apply-by")).to_be_visible()
    page.locator("#clear-button").click()
    expect(page.locator("#plan-target")).to_have_value("")
    expect(page.locator("#plan .plan-target")).to_have_count(0)
