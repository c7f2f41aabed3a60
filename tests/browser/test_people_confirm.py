"""Nothing assumed: 三地一致, 与岗位相符, 已注册 and 已核验 are questions (是 / 否) that start
unanswered and are left out of the profile until answered; the result lists what is still to
confirm with what "yes" would give and a way to the question; share links and saved copies of
format 1 (the old ticked boxes, or nothing) still fill the questions."""

from __future__ import annotations

import json

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
from people import PHONE, leave, pause, set_width, shared_profile, type_in, type_skill_certificate
from playwright.sync_api import Page, expect

import calculator
from calculator.decisions import TERMS

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

START = {
    "version": 2,
    "as_of": AS_OF,
    "birth_date": "1990-05-12",
    "education": {"level": "bachelor"},
    "insurance": [{"from": "2019-01", "base_multiple": 1.2}],
}
ACCOUNTANT = "会计专业技术资格(中级)"


def with_credential(**fields) -> dict:
    return {**START, "credentials": [{"type": "qualification", "name": ACCOUNTANT, **fields}]}


def choose_accountant(page: Page) -> None:
    field(page, "credentials[0].type").select_option("qualification")
    type_in(page, field(page, "credentials[0].name"), "中级会计")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    leave(page)


def radios(page: Page, path_id: str):
    return page.locator(f"#f-{path_id}"), page.locator(f"#f-{path_id}-no")


@pytest.mark.parametrize("width", PHONE)
def test_job_match_starts_unanswered_and_the_result_says_what_yes_gives(
    page: Page, site_url: str, width: int
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    set_width(page, width)
    open_calculator(page, site_url, share_hash(START))
    wait_ready(page)
    choose_accountant(page)
    yes, no = radios(page, "credentials-0-job_match")
    expect(yes).not_to_be_checked()
    expect(no).not_to_be_checked()
    expect(page.locator("#f-credentials-0-job_match-group legend")).to_have_text(
        "证书的专业或工种与你现在受聘的岗位相符吗？")

    unanswered = calculator.score(with_credential())
    [question] = unanswered["to_confirm"]
    expect_total(page, unanswered["total"])
    confirm = page.locator("#to-confirm")
    expect(confirm).to_be_visible()
    item = confirm.locator(f'li[data-path="{question["path"]}"]')
    expect(item).to_contain_text(f"{question['question']}？")
    expect(item).to_contain_text(
        f"{question['if_yes']['condition']}：本项{question['if_yes']['line_points']}分，总分{question['if_yes']['total']}分。")
    expect(page.locator("#headline")).to_contain_text("待你确认")

    # Left unanswered, it is left out of what is shared.
    page.get_by_role("button", name="复制分享链接").click()
    shared = shared_profile(page.locator("#share-output").input_value())
    assert shared["version"] == 3
    assert "job_match" not in shared["credentials"][0]

    # The link goes to the question; answering 是 gives what the result said.
    item.get_by_role("button").click()
    expect(yes).to_be_focused()
    page.keyboard.press("Space")
    expect(yes).to_be_checked()
    expect_total(page, question["if_yes"]["total"])
    expect(confirm).to_be_hidden()
    no.check()
    expect_total(page, calculator.score(with_credential(job_match=False))["total"])
    expect(confirm).to_be_hidden()


@pytest.mark.parametrize("width", PHONE)
def test_three_places_is_a_question_in_its_one_wording(page: Page, site_url: str, width: int):
    set_width(page, width)
    open_calculator(page, site_url, share_hash(START))
    wait_ready(page)
    question = page.locator("#f-education-study_place_consistent-group")
    expect(question).to_be_hidden()
    field(page, "education.full_time").uncheck()
    expect(question).to_be_visible()
    expect(question.locator("legend")).to_contain_text(TERMS["three_places"])
    yes, no = radios(page, "education-study_place_consistent")
    expect(yes).not_to_be_checked()
    expect(no).not_to_be_checked()
    part_time = {**START, "education": {"level": "bachelor", "full_time": False}}
    result = calculator.score(part_time)
    [asked] = result["to_confirm"]
    expect_total(page, result["total"])
    expect(page.locator("#to-confirm")).to_contain_text(
        f"若符合“三地一致”：本项{asked['if_yes']['line_points']}分，总分{asked['if_yes']['total']}分。")
    page.locator("#to-confirm button").click()
    expect(yes).to_be_focused()
    yes.check()
    expect_total(page, asked["if_yes"]["total"])


def test_verified_is_asked_for_a_skill_certificate_from_elsewhere(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(START))
    wait_ready(page)
    type_skill_certificate(page, "3", "维修电工")
    leave(page)
    page.locator("#f-credentials-0-job_match").check()
    question = page.locator("#f-credentials-0-verified_in_shanghai-group")
    expect(question).to_be_hidden()
    page.locator("#f-credentials-0-obtained_in_shanghai-no").check()
    expect(question).to_be_visible()
    expect(page.locator("#f-credentials-0-verified_in_shanghai")).not_to_be_checked()
    profile = {**START, "credentials": [{"type": "skill", "level": 3, "occupation": "维修电工",
                                         "job_match": True, "obtained_in_shanghai": False}]}
    result = calculator.score(profile)
    [asked] = result["to_confirm"]
    assert asked["path"] == "credentials[0].verified_in_shanghai"
    expect_total(page, result["total"])
    expect(page.locator("#to-confirm")).to_contain_text("若已通过本市核验")
    page.locator("#f-credentials-0-verified_in_shanghai").check()
    expect_total(page, asked["if_yes"]["total"])


def test_a_level_4_certificate_from_elsewhere_scores_0_and_is_not_asked_about(
    page: Page, site_url: str
):
    """D4: levels 4 and 5 obtained outside Shanghai never count, verified or not; the form's
    hint names the levels that do, from the rules data."""
    profile = {**START, "credentials": [{"type": "skill", "level": 4, "job_match": True,
                                         "obtained_in_shanghai": False}]}
    result = calculator.score(profile)
    assert result["to_confirm"] == []
    open_calculator(page, site_url, share_hash(profile))
    wait_ready(page)
    expect_total(page, result["total"])
    expect(page.locator("#to-confirm")).to_be_hidden()
    expect(page.locator("#breakdown")).to_contain_text("在外省市取得的四级技能证书不计分")
    expect(page.locator("#f-credentials-0-obtained_in_shanghai-hint")).to_contain_text(
        "三级及以上须经本市核验后才计分，其他等级不计分")


def test_two_questions_on_one_certificate_say_both_are_needed(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(START))
    wait_ready(page)
    field(page, "credentials[0].type").select_option("qualification")
    type_in(page, field(page, "credentials[0].name"), "注册会计师")
    leave(page)
    expect(page.locator("#f-credentials-0-registered")).to_be_visible()
    items = page.locator("#to-confirm li")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("若已注册，且与所聘岗位相符：本项")
    expect(items.nth(1)).to_contain_text("若已注册，且与所聘岗位相符：本项")
    page.locator("#f-credentials-0-registered").check()
    page.locator("#f-credentials-0-job_match").check()
    profile = {**START, "credentials": [{"type": "qualification", "name": "注册会计师",
                                         "registered": True, "job_match": True}]}
    expect_total(page, calculator.score(profile)["total"])
    expect(page.locator("#to-confirm")).to_be_hidden()


V1 = {
    "as_of": AS_OF,
    "birth_date": "1988-03-14",
    "education": {"level": "bachelor", "full_time": False},
    "credentials": [
        {"type": "qualification", "name": "建造师(一级)"},
        {"type": "skill", "level": 3, "occupation": "焊工", "obtained_in_shanghai": False,
         "job_match": False},
    ],
    "insurance": [{"from": "2019-01", "base_multiple": 1.2}],
}


@pytest.mark.parametrize("how", ["link", "saved"])
def test_format_1_links_and_saved_copies_fill_the_questions(page: Page, site_url: str, how: str):
    if how == "link":
        open_calculator(page, site_url, share_hash(V1))
    else:
        open_empty(page, site_url)
        record = {"saved_at": "2026-10-30T08:00:00.000Z", "profile": V1}
        page.evaluate("(v) => localStorage.setItem('sh-points:profile', v)", json.dumps(record))
        page.reload()
    wait_ready(page)
    expect_total(page, calculator.score(V1)["total"])
    # What version 1 assumed, shown as answers: 三地一致 是, job match 是, registered 是,
    # verified 否;
    # an answer the old form gave (job_match false) as it was.
    expect(page.locator("#f-education-study_place_consistent")).to_be_checked()
    expect(page.locator("#f-credentials-0-job_match")).to_be_checked()
    expect(page.locator("#f-credentials-0-registered")).to_be_checked()
    expect(page.locator("#f-credentials-1-job_match-no")).to_be_checked()
    expect(page.locator("#f-credentials-1-verified_in_shanghai-no")).to_be_checked()
    expect(page.locator("#to-confirm")).to_be_hidden()
    assert page.locator("#calculator .field-error").count() == 0
    pause(page, 500)
