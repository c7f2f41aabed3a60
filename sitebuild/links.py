"""Calculator links: `/calculator/#profile=<base64url of the profile JSON>`."""

from __future__ import annotations

import base64
import json

CALCULATOR_URL = "/calculator/"


def encode_profile(profile: dict) -> str:
    text = json.dumps(profile, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def calc_link(profile: dict) -> str:
    return f"{CALCULATOR_URL}#profile={encode_profile(profile)}"
