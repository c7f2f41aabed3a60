"""Nothing lost: the answers come back after leaving the page and returning in the same tab
(sessionStorage, removed by 清除我的数据); several people saved under the names given, listed,
never replaced without asking; the name on the printout and the saved copy, not in a share link."""

from __future__ import annotations

import json

import pytest
from calculator_page import expect_total, field, look_at, open_calculator, wait_ready
from people import leave, set_width, shared_profile, type_in
from playwright.sync_api import Page, expect

import calculator

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

SAVED = "() => Object.keys(localStorage).filter((k) => k.startsWith('sh-points'))"
SESSION = "() => Object.keys(sessionStorage).filter((k) => k.startsWith('sh-points'))"


def fill(page: Page, birth: str) -> None:
    type_in(page, field(page, "birth_date"), birth)
    leave(page)
    field(page, "education.level").select_option("bachelor_with_degree")
    type_in(page, field(page, "insurance[0].from"), "2019-07")
    leave(page)
    type_in(page, field(page, "insurance[0].base_multiple"), "1")
    leave(page)


def test_answers_come_back_in_the_same_tab_and_go_with_clear(page: Page, site_url: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    set_width(page, 360)
    open_calculator(page, site_url)
    wait_ready(page)
    fill(page, "1990-05-12")
    total = page.locator("#total").inner_text()
    assert page.evaluate("() => localStorage.length") == 0, "typing stores nothing on the device"

    page.goto(f"{site_url}/apply/")
    page.goto(f"{site_url}/calculator/")
    expect(field(page, "birth_date")).to_have_value("1990-05-12")
    expect(field(page, "insurance[0].from")).to_have_value("2019-07")
    expect(field(page, "insurance[0].base_multiple")).to_have_value("1")
    expect(page.locator("#calc-notice")).to_contain_text("这个标签页")
    wait_ready(page)
    expect(page.locator("#total")).to_have_text(total)

    page.get_by_role("button", name="清除我的数据").click()
    expect(field(page, "birth_date")).to_have_value("")
    assert page.evaluate(SESSION) == []
    page.goto(f"{site_url}/calculator/")
    wait_ready(page)
    expect(field(page, "birth_date")).to_have_value("")


def test_several_people_by_name_never_replaced_without_asking(page: Page, site_url: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    set_width(page, 360)
    open_calculator(page, site_url)
    wait_ready(page)
    fill(page, "1990-05-12")
    name = page.locator("#person-name")
    type_in(page, name, "妈妈")
    page.get_by_role("button", name="保存在本机").click()
    expect(page.locator("#keep-status")).to_contain_text("已按“妈妈”保存")
    expect(page.locator("#print-name")).to_have_text("姓名或称呼：妈妈")

    # The share link carries the answers, never the name.
    page.get_by_role("button", name="复制分享链接").click()
    link = page.locator("#share-output").input_value()
    assert "妈妈" not in json.dumps(shared_profile(link), ensure_ascii=False)

    # A second person under another name: both listed.
    name.fill("")
    type_in(page, name, "爸爸")
    field(page, "birth_date").fill("")
    type_in(page, field(page, "birth_date"), "1985-01-20")
    leave(page)
    page.get_by_role("button", name="保存在本机").click()
    people = page.locator("#saved-people li")
    expect(people).to_have_count(2)
    expect(people.nth(0)).to_contain_text("妈妈")
    expect(people.nth(1)).to_contain_text("爸爸")

    # Other answers under a name already used: asked first, kept when the answer is no.
    name.fill("")
    type_in(page, name, "妈妈")
    page.get_by_role("button", name="保存在本机").click()
    expect(page.locator("#save-confirm")).to_be_visible()
    expect(page.locator("#save-confirm-text")).to_contain_text("已经保存了“妈妈”")
    page.get_by_role("button", name="不替换").click()
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('sh-points:people'))")
    mother = next(r for r in stored if r["name"] == "妈妈")
    assert mother["profile"]["birth_date"] == "1990-05-12"

    # Filling a saved person in and saving again updates that person without asking.
    page.get_by_role("button", name="填入“妈妈”").click()
    expect(field(page, "birth_date")).to_have_value("1990-05-12")
    expect(name).to_have_value("妈妈")
    profile = {"birth_date": "1990-05-12", "education": {"level": "bachelor_with_degree"},
               "insurance": [{"from": "2019-07", "base_multiple": 1}]}
    expect_total(page, calculator.score(profile)["total"])
    page.get_by_role("button", name="保存在本机").click()
    expect(page.locator("#save-confirm")).to_be_hidden()
    expect(people).to_have_count(2)

    page.get_by_role("button", name="删除“爸爸”").click()
    expect(people).to_have_count(1)
    look_at(page.locator(".keep"), "keep-people-360")

    page.get_by_role("button", name="清除我的数据").click()
    expect(page.locator("#saved-people")).to_be_hidden()
    assert page.evaluate(SAVED) == []
