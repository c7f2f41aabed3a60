"""Overseas occupational qualifications in the calculator: the type's own fields, the score and
warning the engine gives, the share link, and the picker pointing to the type."""

from __future__ import annotations

import base64
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
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

START = {
    "version": 2,
    "as_of": AS_OF,
    "birth_date": "1990-05-12",
    "insurance": [{"from": "2019-01", "base_multiple": 1.2}],
}


def total(profile: dict) -> int:
    return calculator.score(profile)["total"]


def with_overseas(**fields) -> dict:
    credential = {"type": "overseas", "job_match": True, **fields}
    return {**START, "credentials": [credential]}


def test_the_overseas_type_shows_its_fields_and_scores_as_the_engine_says(
    page: Page, site_url: str
):
    open_empty(page, site_url)
    wait_ready(page)
    page.get_by_text("按其他日期计算").click()
    field(page, "as_of").fill(AS_OF)
    field(page, "birth_date").fill(START["birth_date"])
    field(page, "insurance[0].from").fill("2019-01")
    field(page, "insurance[0].base_multiple").fill("1.2")
    expect_total(page, total(START))
    category = page.locator("#f-credentials-0-category")
    level = page.locator("#f-credentials-0-level-overseas")
    name = page.locator("#f-credentials-0-name-overseas")
    for control in (category, level, name):
        expect(control).to_be_hidden()

    field(page, "credentials[0].type").select_option("overseas")
    for control in (category, level, name):
        expect(control).to_be_visible()
    expect(page.locator("#f-credentials-0-name")).to_be_hidden()  # the catalogue picker
    expect(page.locator("#f-credentials-0-job_match")).to_be_visible()
    # Not chosen yet: asked for, not shown as errors.
    expect(page.locator("#result-missing")).to_contain_text("认可清单中的类别")
    expect(page.locator("#error-summary")).to_be_hidden()

    category.select_option("A")
    level.select_option("senior")
    name.fill("CPA Australia")
    page.locator("#f-credentials-0-job_match").check()  # 与岗位相符: 是 (the form assumes nothing)
    expected = with_overseas(category="A", level="senior", name="CPA Australia")
    expect_total(page, total(expected))
    assert total(expected) > total(START)
    expect(page.locator("#breakdown")).to_contain_text("境外职业资格“CPA Australia”")
    expect(page.locator("#breakdown")).to_contain_text("D25")
    expect(page.locator("#result-warnings")).to_contain_text("境外职业资格证书按认可清单计多少分")

    # D25: category B scores too; without a level (不确定) as 中级; category C gives 0 and says
    # it opens 职称比照认定
    category.select_option("B")
    expect_total(page, total(with_overseas(category="B", level="senior", name="CPA Australia")))
    level.select_option("")
    unsure = with_overseas(category="B", name="CPA Australia")
    expect_total(page, total(unsure))
    assert total(unsure) < total(expected)
    expect(page.locator("#breakdown")).to_contain_text("未说明清单对应的职称等级，按中级计")
    category.select_option("C")
    expect_total(page, total(with_overseas(category="C", name="CPA Australia")))
    expect(page.locator("#breakdown")).to_contain_text("C类证书本身不计分，持证人可申请职称比照认定")


def test_an_overseas_credential_survives_the_share_link(page: Page, site_url: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    profile = with_overseas(category="A", level="intermediate", name="ACCA")
    open_calculator(page, site_url, share_hash(profile))
    wait_ready(page)
    expect_total(page, total(profile))
    expect(field(page, "credentials[0].category")).to_have_value("A")
    expect(field(page, "credentials[0].level")).to_have_value("intermediate")
    expect(field(page, "credentials[0].name")).to_have_value("ACCA")
    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    text = link.split("#profile=", 1)[1]
    shared = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    assert shared["version"] == 3
    assert shared["credentials"] == profile["credentials"]


def test_the_picker_points_an_unknown_name_to_the_overseas_type(page: Page, site_url: str):
    open_calculator(page, site_url, share_hash(START))
    wait_ready(page)
    field(page, "credentials[0].type").select_option("qualification")
    field(page, "credentials[0].name").fill("CPA Australia")
    field(page, "credentials[0].name").press("Tab")  # said once the person is done with the name
    card = page.locator('[data-picker="qualification"] .picker-card')
    expect(card).to_contain_text("境外职业资格（认可清单）")
    card.get_by_role("button", name="改按境外职业资格填写").click()
    expect(field(page, "credentials[0].type")).to_have_value("overseas")
    expect(page.locator("#f-credentials-0-name-overseas")).to_have_value("CPA Australia")
    expect(page.locator("#f-credentials-0-category")).to_be_focused()
    page.locator("#f-credentials-0-category").select_option("A")
    page.locator("#f-credentials-0-level-overseas").select_option("intermediate")
    page.locator("#f-credentials-0-job_match").check()
    expected = with_overseas(category="A", level="intermediate", name="CPA Australia")
    expect_total(page, total(expected))
