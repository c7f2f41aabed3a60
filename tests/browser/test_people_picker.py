"""The credential picker finds certificates by the names people use, typed key by key on a phone
and on a desktop: everyday names and abbreviations rank their entry first, as the engine's
catalogues.suggest() does; names that are titles point to 职称; common certificates in neither
catalogue say why; and while suggestions are open the card never says "not in the catalogue"."""

from __future__ import annotations

import pytest
from calculator_page import open_empty
from people import PHONE, alternating, leave, pause, set_width
from playwright.sync_api import Page, expect

from calculator import catalogues

pytestmark = [pytest.mark.browser, pytest.mark.same_tab]

FIELDS = {
    "qualification": ("qualification", "#f-credentials-0-name"),
    "skill": ("skill", "#f-credentials-0-occupation"),
}


OTHER = {"qualification": "skill", "skill": "qualification"}


def offered(kind: str, suggestion: dict) -> bool:
    """What a field of `kind` lists: its catalogue, titles (qualification field) and the
    not-counted certificates one would look for there; an exact not-counted name always; an
    entry of the other catalogue that the text names or starts."""
    if suggestion["kind"] == "not_counted" and suggestion["match"] in ("name", "everyday"):
        return True
    if suggestion["kind"] == OTHER[kind]:
        return suggestion["match"] in ("name", "everyday", "prefix")
    if suggestion["kind"] == "not_counted":
        return suggestion["catalogue"] in (kind, "other")
    if kind == "qualification":
        return suggestion["kind"] in ("qualification", "title")
    return suggestion["kind"] == "skill"


def engine_options(kind: str, text: str) -> list[list[str]]:
    found = [s for s in catalogues.suggest(text, limit=None) if offered(kind, s)]
    return [[s["kind"], s["name"]] for s in found[:12]]


def open_field(page: Page, site_url: str, kind: str, width: int):
    set_width(page, width)
    open_empty(page, site_url)
    expect(page.locator("[data-picker][data-picker-ready]").first).to_be_attached()
    page.locator("#f-credentials-0-type").select_option(FIELDS[kind][0])
    if kind == "skill":
        page.locator("#f-credentials-0-level-skill").select_option("3")
    control = page.locator(FIELDS[kind][1])
    control.click()
    return control


def shown_options(page: Page, control) -> list[list[str]]:
    list_id = control.get_attribute("aria-controls")
    return page.eval_on_selector_all(
        f"#{list_id}:not([hidden]) [role=option]",
        "els => els.map(e => [e.dataset.kind, e.dataset.name])",
    )


def card_of(page: Page, kind: str):
    return page.locator(f'[data-picker="{kind}"] .picker-card')


def type_checking_each_key(page: Page, control, kind: str, text: str) -> None:
    """Type `text` key by key; after every key the list is the engine's ranking, and while it
    is open the card says nothing about a name not being in the catalogue."""
    for i, key in enumerate(text):
        page.keyboard.type(key)
        typed = text[: i + 1]
        assert shown_options(page, control) == engine_options(kind, typed), typed
        card = card_of(page, kind)
        if page.locator(f"#{control.get_attribute('aria-controls')}").is_visible():
            said = card.inner_text() if card.is_visible() else ""
            # (An entry's own card may say which levels do not count: 其他等级不计分.)
            assert "不在" not in said and "按规则不计分" not in said, (typed, said)
        page.wait_for_timeout(120)


@pytest.mark.parametrize(
    ("kind", "typed", "entry", "width"),
    alternating([
        ("qualification", "中级会计", "会计专业技术资格(中级)"),
        ("qualification", "中级会计师", "会计专业技术资格(中级)"),
        ("qualification", "中级经济师", "经济专业技术资格(中级)"),
        ("qualification", "一建", "建造师(一级)"),
        ("qualification", "CPA", "注册会计师"),
        ("skill", "维修电工", "电工"),
        ("skill", "电工", "电工"),
    ]),
)
def test_the_names_people_use_find_their_entry_first(
    page: Page, site_url: str, width: int, kind: str, typed: str, entry: str
):
    control = open_field(page, site_url, kind, width)
    type_checking_each_key(page, control, kind, typed)
    options = page.locator(f"#{control.get_attribute('aria-controls')} [role=option]")
    expect(options.first).to_be_visible()
    expect(options.first).to_have_attribute("data-name", entry)
    if typed != entry:
        expect(options.first).to_contain_text(f"你输入的“{typed}”")
    # Chosen with the keyboard, the field holds the catalogue's name and the card says what
    # it is worth.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(control).to_have_value(entry)
    expect(card_of(page, kind)).to_contain_text(entry)
    expect(card_of(page, kind)).not_to_contain_text("不在")


@pytest.mark.parametrize(
    ("kind", "typed", "reason", "width"),
    alternating([
        ("skill", "电工证", "不是职业技能等级证书"),
        # an exact not-counted name, whatever the field
        ("qualification", "电工证", "不是职业技能等级证书"),
        ("qualification", "二级建造师", "目录中只有建造师(一级)"),
        ("skill", "二级建造师", "目录中只有建造师(一级)"),
    ]),
)
def test_a_certificate_in_neither_catalogue_shows_its_reason(
    page: Page, site_url: str, width: int, kind: str, typed: str, reason: str
):
    control = open_field(page, site_url, kind, width)
    type_checking_each_key(page, control, kind, typed)
    first = page.locator(f"#{control.get_attribute('aria-controls')} [role=option]").first
    expect(first).to_have_attribute("data-kind", "not_counted")
    expect(first).to_contain_text("不在目录中")
    expect(first).to_contain_text(reason)
    card = card_of(page, kind)
    expect(card).not_to_contain_text(reason)  # the list says it while open
    pause(page)
    leave(page)
    expect(card).to_contain_text(reason)
    expect(card).not_to_contain_text("请从搜索结果中选择")  # its own reason, not "no match"


@pytest.mark.parametrize("width", PHONE)
def test_a_name_that_matches_nothing_is_said_only_once_the_list_is_closed(
    page: Page, site_url: str, width: int
):
    control = open_field(page, site_url, "qualification", width)
    card = card_of(page, "qualification")
    for key in "我的证书名":
        page.keyboard.type(key)
        page.wait_for_timeout(150)
        said = card.inner_text() if card.is_visible() else ""
        assert "不在" not in said, said
    pause(page)
    expect(card).not_to_contain_text("不在")  # still in the field, still typing
    page.keyboard.press("Escape")
    expect(card).to_contain_text("不在专业技术类职业资格目录中，按规则不计分")
    expect(card.get_by_role("button", name="改按境外职业资格填写")).to_be_visible()
    control.click()
    page.keyboard.press("End")
    page.keyboard.type("书", delay=90)
    expect(card).not_to_contain_text("不在")


@pytest.mark.parametrize("width", PHONE)
def test_a_title_name_points_to_the_title_and_switches_the_row(
    page: Page, site_url: str, width: int
):
    control = open_field(page, site_url, "qualification", width)
    type_checking_each_key(page, control, "qualification", "工程师")
    first = page.locator("#f-credentials-0-name-options [role=option]").first
    expect(first).to_have_text("工程师 → 选「职称·中级」这是职称，按职称计分，不用查目录")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(control).to_have_value("工程师")
    card = card_of(page, "qualification")
    expect(card).to_contain_text("这是中级职称")
    card.get_by_role("button", name="改按「职称·中级」填写").click()
    expect(page.locator("#f-credentials-0-type")).to_have_value("title")
    level = page.locator("#f-credentials-0-level-title")
    expect(level).to_have_value("intermediate")
    expect(level).to_be_focused()


def test_the_registration_question_is_asked_only_for_a_qualification_that_needs_it(
    page: Page, site_url: str
):
    control = open_field(page, site_url, "qualification", 1280)
    question = page.locator("#f-credentials-0-registered")
    page.keyboard.type("中级会计", delay=90)
    leave(page)
    expect(question).to_be_hidden()
    control.fill("")
    control.click()
    page.keyboard.type("一建", delay=90)
    leave(page)
    expect(question).to_be_visible()
    legend = page.locator("#f-credentials-0-registered-group legend")
    expect(legend).to_have_text("这项职业资格已按规定注册了吗？")


@pytest.mark.parametrize(
    ("kind", "typed", "entry", "moves_to", "card_says", "width"),
    alternating([
        ("qualification", "维修电工", "电工", "skill", "是技能等级证书的职业（工种）"),
        ("qualification", "电工", "电工", "skill", "是技能等级证书的职业（工种）"),
        ("skill", "CPA", "注册会计师", "qualification", "是专业技术类职业资格"),
    ]),
)
def test_a_name_of_the_other_catalogue_moves_the_row_to_its_type(
    page: Page, site_url: str, width: int, kind: str, typed: str, entry: str, moves_to: str,
    card_says: str,
):
    """维修电工 typed as a qualification is an occupation of the skills catalogue: the list
    offers it first (never 注册土木工程师(水利水电工程) for 电工), the card never says it does not
    count, and choosing it turns the row into a skill certificate with the occupation filled."""
    control = open_field(page, site_url, kind, width)
    type_checking_each_key(page, control, kind, typed)
    first = page.locator(f"#{control.get_attribute('aria-controls')} [role=option]").first
    expect(first).to_have_attribute("data-kind", moves_to)
    expect(first).to_have_attribute("data-name", entry)
    pause(page)
    page.keyboard.press("Escape")  # the list closes: the card says where the name belongs
    card = card_of(page, kind)
    expect(card).to_contain_text(f"“{typed}”{card_says}")
    expect(card).not_to_contain_text("按规则不计分")
    control.click()
    page.keyboard.press("End")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#f-credentials-0-type")).to_have_value(moves_to)
    moved = page.locator(FIELDS[moves_to][1])
    expect(moved).to_have_value(entry)
    if moves_to == "skill":
        expect(page.locator("#f-credentials-0-level-skill")).to_be_focused()
    else:
        expect(moved).to_be_focused()
    expect(card_of(page, moves_to)).to_contain_text(entry)
