"""Calculator links: `/calculator/#profile=<base64url of the profile JSON>`, and for a link
from another page of the site `…&from=<page>` (`from=catalogue`: a catalogue entry's
用此证书计算), so the calculator can say where the content came from."""

from __future__ import annotations

import base64
import json

CALCULATOR_URL = "/calculator/"


def encode_profile(profile: dict) -> str:
    text = json.dumps(profile, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def calc_link(profile: dict, source: str | None = None) -> str:
    """`source`: the page the link is on ("catalogue"), or None for a plain link."""
    marker = f"&from={source}" if source else ""
    return f"{CALCULATOR_URL}#profile={encode_profile(profile)}{marker}"
