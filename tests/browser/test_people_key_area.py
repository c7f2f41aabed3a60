"""The key-area question at 360 px: each area offered once under its own name (五个新城 is not
also an example of 「其他重点区域」), and each scored as the points rule says: 五个新城 as the
other key areas, 张江科学城 not at all (it is a 居转户 area only)."""

from __future__ import annotations

import pytest
from calculator_page import (
    AS_OF,
    expect_total,
    field,
    look_at,
    open_calculator,
    share_hash,
    wait_ready,
)
from people import leave, set_width, type_in
from playwright.sync_api import Page, expect

import calculator
from calculator import vocabulary

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

START = {"version": 3, "as_of": AS_OF, "birth_date": "1990-01-01"}


def total_in(area: str, years: int) -> int:
    return calculator.score({**START, "key_area": {"area": area, "years": years}})["total"]


def test_each_key_area_is_offered_once_and_scored_as_the_rule_says(page: Page, site_url: str):
    set_width(page, 360)
    open_calculator(page, site_url, share_hash(START))
    wait_ready(page)
    select = field(page, "key_area.area")
    offered = dict(zip(
        select.locator("option").evaluate_all("(os) => os.map((o) => o.value)"),
        select.locator("option").all_inner_texts(),
        strict=True,
    ))
    words = {**vocabulary.names("key_areas", "option"), **vocabulary.names("hukou_areas", "option")}
    assert {k: v for k, v in offered.items() if k} == words
    new_town = vocabulary.names("hukou_areas")["new_town"]
    assert [v for v in offered.values() if new_town in v] == [words["new_town"]]
    assert len(set(offered.values())) == len(offered)

    select.select_option("new_town")
    type_in(page, field(page, "key_area.years"), "6")
    leave(page)
    assert total_in("new_town", 6) == total_in("other", 6) > total_in("zhangjiang", 6)
    expect_total(page, total_in("new_town", 6))
    select.select_option("other")
    expect_total(page, total_in("other", 6))
    select.select_option("zhangjiang")
    expect_total(page, total_in("zhangjiang", 6))
    expect(page.locator("#f-key_area-area-hint")).to_contain_text(
        f"{vocabulary.names('hukou_areas')['zhangjiang']}不在积分的重点区域内")
    look_at(page.locator("#group-bonus"), "key-area-360")
