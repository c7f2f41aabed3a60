"""Certificates as people enter them, at 360 px. What the chosen skill level gives at the
person's own base: 技能二级 needs the base test; at 0.6× it gives nothing, the note under the
level says why, what it gives once met, and that a 三级 certificate entered beside it scores more
now (the engine's total for both); the picker's card says the same. Levels 4 and 5 obtained
outside Shanghai score 0 and are not asked about verification (D4). The overseas hint says the
list's level may be left out (D25), and a 「不确定」 category shows both outcomes."""

from __future__ import annotations

from datetime import date

import pytest
from calculator_page import (
    AS_OF,
    expect_total,
    field,
    look_at,
    open_calculator,
    open_empty,
    share_hash,
    wait_ready,
)
from people import (
    ELECTRICIAN_START,
    leave,
    open_with_skill_certificate,
    set_width,
    shared_profile,
    type_in,
)
from playwright.sync_api import Page, expect

import calculator
from calculator import vocabulary
from calculator.rules import value

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

START = ELECTRICIAN_START
SKILL = {"type": "skill", "occupation": "电工", "job_match": True, "obtained_in_shanghai": True}


def test_level_2_at_a_low_base_says_why_and_suggests_keeping_level_3(page: Page, site_url: str):
    open_with_skill_certificate(page, site_url, START, "2")
    page.locator("#f-credentials-0-job_match").check()
    page.locator("#f-credentials-0-obtained_in_shanghai").check()

    alone = calculator.score({**START, "credentials": [{**SKILL, "level": 2}]})
    two_and_three = [{**SKILL, "level": 2}, {**SKILL, "level": 3}]
    both = calculator.score({**START, "credentials": two_and_three})
    assert both["total"] > alone["total"]
    expect_total(page, alone["total"])
    note = page.locator(".cert-note")
    expect(note).to_contain_text("须6个月")
    expect(note).to_contain_text("满足后本项可计")
    expect(note).to_contain_text(f"现在总分可到 {both['total']} 分")
    look_at(page.locator("#credentials-field"), "cert-note-360")

    # At 三级 the certificate gives all it can: no note.
    field(page, "credentials[0].level").select_option("3")
    expect_total(page, calculator.score({**START, "credentials": [{**SKILL, "level": 3}]})["total"])
    expect(note).to_have_count(0)


def test_an_unsure_overseas_category_shows_both_outcomes(page: Page, site_url: str):
    set_width(page, 360)
    base = {**START, "insurance": [{"from": "2018-03", "base_multiple": 1.2}]}
    open_calculator(page, site_url, share_hash(base))
    wait_ready(page)
    field(page, "credentials[0].type").select_option("overseas")
    field(page, "credentials[0].category").select_option("unsure")
    page.locator("#f-credentials-0-job_match").check()
    overseas = {"type": "overseas", "job_match": True}
    as_c = calculator.score({**base, "credentials": [{**overseas, "category": "C"}]})
    as_a = calculator.score({**base, "credentials": [{**overseas, "category": "A"}]})
    assert as_a["total"] > as_c["total"]
    expect_total(page, as_c["total"])
    note = page.locator(".cert-note")
    expect(note).to_have_text(
        f"不确定时按“C类”计算，总分 {as_c['total']} 分；若是“A类”，总分 {as_a['total']} 分。")
    look_at(page.locator("#credentials-field"), "overseas-unsure-360")


def total_with(credential: dict) -> int:
    return calculator.score({**START, "credentials": [credential]})["total"]


def skill_card(page: Page):
    return page.locator('[data-picker="skill"] .picker-card').first


def credential_raw_points(profile: dict) -> int:
    line = next(x for x in calculator.score(profile)["lines"] if x["id"] == "credential")
    return line["raw_points"]


def test_the_picker_card_says_what_the_level_gives_at_the_persons_own_base(
    page: Page, site_url: str
):
    open_with_skill_certificate(page, site_url, START, "2")
    card = skill_card(page)
    points = value("credential.skill_2", date.fromisoformat(AS_OF))
    low = credential_raw_points({**START, "credentials": [{**SKILL, "level": 2}]})
    assert low < points
    # At 0.6× the level's 100 points are not there: the card says what it gives now and why.
    expect(card).to_contain_text(f"以你现在的缴费基数计 {low} 分")
    expect(card).to_contain_text(f"满足后可计 {points} 分")
    expect(card).not_to_contain_text(f"按你选的等级可计 {points} 分")

    # A base of 1.2× meets the test: now it gives all of it.
    base = field(page, "insurance[0].base_multiple")
    base.fill("")
    type_in(page, base, "1.2")
    leave(page)
    high = {**START, "insurance": [{"from": "2018-03", "base_multiple": 1.2}]}
    assert credential_raw_points({**high, "credentials": [{**SKILL, "level": 2}]}) == points
    expect(card).to_contain_text(f"以你现在的缴费基数可计 {points} 分")

    # 三级 needs no base test: its points, whatever the base.
    field(page, "credentials[0].level").select_option("3")
    level_3 = value("credential.skill_3", date.fromisoformat(AS_OF))
    expect(card).to_contain_text(f"按你选的等级可计 {level_3} 分")
    look_at(page.locator("#credentials-field"), "picker-card-level-360")


def test_levels_4_and_5_from_outside_shanghai_are_not_asked_about_verification(
    page: Page, site_url: str
):
    open_with_skill_certificate(page, site_url, START, "4")
    page.locator("#f-credentials-0-job_match").check()
    page.locator("#f-credentials-0-obtained_in_shanghai-no").check()
    verified = page.locator("#f-credentials-0-verified_in_shanghai-group")
    expect(verified).to_be_hidden()
    outside = {**SKILL, "obtained_in_shanghai": False}
    expect_total(page, total_with({**outside, "level": 4}))
    expect(page.locator("#to-confirm")).not_to_contain_text("核验")
    field(page, "credentials[0].level").select_option("5")
    expect(verified).to_be_hidden()
    # 三级 from outside Shanghai counts once verified: asked.
    field(page, "credentials[0].level").select_option("3")
    expect(verified).to_be_visible()
    page.locator("#f-credentials-0-verified_in_shanghai").check()
    expect_total(page, calculator.score(
        {**START, "credentials": [{**outside, "level": 3, "verified_in_shanghai": True}]})["total"])
    # Back to 四级: the answer given for 三级 is not sent.
    field(page, "credentials[0].level").select_option("4")
    expect(verified).to_be_hidden()
    expect_total(page, total_with({**outside, "level": 4}))


def test_the_overseas_hint_says_the_level_is_optional(page: Page, site_url: str):
    set_width(page, 360)
    open_empty(page, site_url)
    field(page, "credentials[0].type").select_option("qualification")
    type_in(page, field(page, "credentials[0].name"), "我的境外证书")
    page.keyboard.press("Escape")
    card = page.locator('[data-picker="qualification"] .picker-card').first
    levels = vocabulary.names("overseas_levels")
    expect(card).to_contain_text(
        f"对应的职称等级可以不选，不选按{levels['intermediate']}计，清单写明{levels['senior']}的选“{levels['senior']}”")
    expect(card).not_to_contain_text("填写类别和对应的职称等级")


def test_an_unsure_overseas_category_comes_back_unsure_from_a_link_and_a_saved_copy(
    page: Page, site_url: str
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    set_width(page, 360)
    base = {**START, "insurance": [{"from": "2018-03", "base_multiple": 1.2}]}
    open_calculator(page, site_url, share_hash(base))
    wait_ready(page)
    field(page, "credentials[0].type").select_option("overseas")
    field(page, "credentials[0].category").select_option("unsure")
    type_in(page, field(page, "credentials[0].name"), "FCCA")
    leave(page)
    page.locator("#f-credentials-0-job_match").check()
    overseas = {"type": "overseas", "name": "FCCA", "job_match": True}
    as_c = calculator.score({**base, "credentials": [{**overseas, "category": "C"}]})
    as_a = calculator.score({**base, "credentials": [{**overseas, "category": "A"}]})
    both = f"不确定时按“C类”计算，总分 {as_c['total']} 分；若是“A类”，总分 {as_a['total']} 分。"
    expect(page.locator(".cert-note")).to_have_text(both)

    # The link: the profile the engine scores (category C) and the answer 「不确定」 beside it.
    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    assert shared_profile(link)["credentials"][0]["category"] == "C"
    page.get_by_role("button", name="保存在本机").click()
    expect(page.locator("#keep-status")).to_contain_text("已保存")

    def comes_back_unsure(tab: Page) -> None:
        wait_ready(tab)
        expect(field(tab, "credentials[0].category")).to_have_value("unsure")
        expect_total(tab, as_c["total"])
        expect(tab.locator(".cert-note")).to_have_text(both)

    # Opened by someone else (another tab: nothing of this one's).
    other = page.context.new_page()
    set_width(other, 360)
    other.goto(link)
    comes_back_unsure(other)
    other.close()
    # The copy saved on this device, in a new tab.
    saved = page.context.new_page()
    set_width(saved, 360)
    open_calculator(saved, site_url)
    expect(saved.locator("#calc-notice")).to_contain_text("保存")
    comes_back_unsure(saved)
    saved.close()
    # This tab's answers, after leaving the page and coming back.
    page.goto(f"{site_url}/apply/")
    page.goto(f"{site_url}/calculator/")
    expect(page.locator("#calc-notice")).to_contain_text("这个标签页")
    comes_back_unsure(page)

    # A category chosen as C stays C.
    field(page, "credentials[0].category").select_option("C")
    expect(page.locator(".cert-note")).to_have_count(0)
    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    page.goto("about:blank")
    page.goto(link)
    wait_ready(page)
    expect(field(page, "credentials[0].category")).to_have_value("C")
