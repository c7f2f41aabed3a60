"""Typing as a person does, for the people_* browser tests: key by key with small delays, real
pauses, and Tab to move on."""

from __future__ import annotations

import base64
import json

from calculator_page import AS_OF, field, open_calculator, share_hash, wait_ready
from playwright.sync_api import Locator, Page

KEY_DELAY_MS = 90  # between keys, as a person types on a phone
# A person stopping to think: over three times the page's longest timer (the QR code's 300 ms;
# the plan waits 150 ms, a score answers in about 7 ms, docs/benchmarks.md), so what would
# appear while someone stops has appeared.
PAUSE_MS = 1000

# A phone (most of the calculator's visitors) and a laptop. Layout, focus, reflow and axe tests
# run at both; behaviour that does not depend on the width runs at the phone's (PHONE), or
# spreads its cases over both widths (alternating).
WIDTHS = [360, 1280]
PHONE = [360]


def alternating(cases: list[tuple]) -> list[tuple]:
    """`cases` with a width added to each, the widths taken in turn: every case is checked once
    and each width sees some of them."""
    return [(*case, WIDTHS[i % len(WIDTHS)]) for i, case in enumerate(cases)]


def type_in(page: Page, control: Locator, text: str, *, delay: int = KEY_DELAY_MS) -> None:
    """Click into `control` (keeping what is there) and type `text` key by key at the end."""
    control.click()
    page.keyboard.press("End")
    page.keyboard.type(text, delay=delay)


def pause(page: Page, ms: int = PAUSE_MS) -> None:
    page.wait_for_timeout(ms)


def leave(page: Page) -> None:
    """Move on to the next field, as a person does."""
    page.keyboard.press("Tab")


def open_shared(page: Page, site_url: str, profile: dict, width: int = 360) -> None:
    """The calculator opened at `width` from a share link of `profile`, its engine ready."""
    set_width(page, width)
    open_calculator(page, site_url, share_hash(profile))
    wait_ready(page)


# The electrician of the issue that asked for dates that hold: born 1981-03-10, insured in
# Shanghai since 2018-03 at 0.6 times the average wage, no certificate entered yet.
ELECTRICIAN_START = {
    "version": 2,
    "as_of": AS_OF,
    "birth_date": "1981-03-10",
    "insurance": [{"from": "2018-03", "base_multiple": 0.6}],
}


def open_with_skill_certificate(page: Page, site_url: str, profile: dict, level: str) -> None:
    """`profile` opened at 360 px from a share link, then a 电工 certificate of `level` typed
    into the first row, as a person adds one."""
    open_shared(page, site_url, profile)
    type_skill_certificate(page, level)
    leave(page)


def type_skill_certificate(page: Page, level: str, occupation: str = "电工") -> None:
    """The first certificate chosen as a skill certificate of `level`, its occupation typed."""
    field(page, "credentials[0].type").select_option("skill")
    field(page, "credentials[0].level").select_option(level)
    type_in(page, field(page, "credentials[0].occupation"), occupation)


def set_width(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800 if width > 600 else 740})


def shared_profile(link: str) -> dict:
    text = link.split("#profile=", 1)[1].split("&", 1)[0]
    return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def field_errors(page: Page) -> list[str]:
    return page.locator("#calculator .field-error").all_inner_texts()
