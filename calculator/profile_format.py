"""The profile format's facts: its versions and the messages for others, its keys, what a
confirmation left out meant in version 1 (and means now), a version-1 profile written out as the
current version, and the facts the calculator page needs before its engine loads. The format is
documented in docs/profile.md."""

from __future__ import annotations

import json

from .errors import Problems

FLAGS = (
    "shortage_major",
    "fresh_graduate",
    "entrepreneur",
    "intermediary",
    "serious_crime",
    "family_planning_violation",
)
EVENT_LISTS = ("false_materials", "detentions", "crimes")
# The profile format's version: absent means 1 (every profile, share link and saved copy
# made before "version" existed); 2 adds overseas credentials; 3 adds what the 居转户 check
# reads (calculator.hukou_input). A version-1 profile reads and scores exactly as before, since
# each version only adds fields. PROFILE_VERSION is the version the calculator page writes (it
# asks the 居转户 questions); the engine reads every version of PROFILE_VERSIONS.
PROFILE_VERSION = 3
PROFILE_VERSIONS = (1, 2, 3)
NEWER_VERSION_ZH = (
    "这个链接或保存的内容来自本站更新的版本（格式第{version}版），请刷新页面后再打开；"
    "如仍无法打开，请重新填写。"
)
UNREADABLE_VERSION_ZH = (
    "格式版本“{shown}”无法识别（应为整数" + "或".join(str(v) for v in PROFILE_VERSIONS)
    + "），这个链接或保存的内容可能已损坏，请重新填写。"
)
TOP_KEYS = {
    "version",
    "as_of",
    "birth_date",
    "education",
    "credentials",
    "insurance",
    *FLAGS,
    "investment",
    "public_service_years",
    "key_area",
    "award",
    "spouse",
    *EVENT_LISTS,
    "plan",  # the planner's options (calculator.planner); scoring ignores them
}
CREDENTIAL_KEYS = {
    "title": {"type", "level", "job_match"},
    "qualification": {"type", "name", "job_match", "registered"},
    "skill": {
        "type",
        "level",
        "occupation",
        "job_match",
        "obtained_in_shanghai",
        "verified_in_shanghai",
    },
    "overseas": {"type", "category", "level", "name", "job_match"},
}

# What a confirmation only the person can give (三地一致, job match, registered, verified)
# means when left out. Version 1 assumed the answer; from version 2 a left-out confirmation
# is unanswered (None): it counts for nothing and the result asks for it (calculator.confirm).
ASSUMED = {
    1: {"study_place_consistent": True, "job_match": True, "registered": True,
        "verified_in_shanghai": False},
    2: dict.fromkeys(("study_place_consistent", "job_match", "registered",
                      "verified_in_shanghai")),
}
EDUCATION_KEYS = {"level", "full_time", "study_place_consistent", "top_up_combined"}
# The top-level keys the 居转户 check (calculator.hukou) reads: a change to any other key (the
# education, the bonus and deduction answers, the plan) leaves its result as it was, so the
# page asks for it again only when one of these changed.
HUKOU_KEYS = ("version", "as_of", "birth_date", "credentials", "insurance", "award", "key_area",
              "permit", "suburb_post", "science_or_skill_post", "children")
PERIOD_KEYS = {
    "from",
    "to",
    "base_multiple",
    "base_cny",
    "back_pay",
    "employer_matches",
    "base_matches_tax",
}


def check_version(problems: Problems, found) -> None:
    if found is None or (type(found) is int and found in PROFILE_VERSIONS):
        return
    if type(found) is int and found > PROFILE_VERSION:
        problems.add(
            "version",
            NEWER_VERSION_ZH.format(version=found),
            f"profile format version {found} is newer than this engine's "
            f"({PROFILE_VERSION}); reload the page",
        )
        return
    shown = (found if isinstance(found, str) else json.dumps(found, ensure_ascii=False))[:20]
    problems.add(
        "version",
        UNREADABLE_VERSION_ZH.format(shown=shown),
        "version must be an integer, " + " or ".join(str(v) for v in PROFILE_VERSIONS),
    )


def format_facts() -> dict:
    """What the calculator page must know of the profile format before the engine has loaded
    (a link is read at once): the version it writes, the versions it reads, the messages for
    the others, and the answers version 1 assumed with the education and the credential
    types they belong to. The build writes it into the page (calculator-share.js reads it)."""
    return {
        "version": PROFILE_VERSION,
        # the page reads what it writes and every older version; a newer link is kept and
        # named as newer rather than read with its answers lost
        "versions": [v for v in PROFILE_VERSIONS if v <= PROFILE_VERSION],
        "newer": NEWER_VERSION_ZH,
        "unreadable": UNREADABLE_VERSION_ZH,
        "assumed_v1": ASSUMED[1],
        "hukou_keys": list(HUKOU_KEYS),
        "confirmations": {kind: confirmations(kind) for kind in ["education", *CREDENTIAL_KEYS]},
    }


def in_current_version(raw: dict) -> dict:
    """A version-1 profile as version 2, the answers version 1 assumed written out, so that it
    scores the same wherever it is read (a worked example's link into the calculator)."""
    if not isinstance(raw, dict) or raw.get("version") not in (None, 1):
        return raw
    assumed = ASSUMED[1]
    out = {**raw, "version": PROFILE_VERSION}

    def answered(item: dict, keys) -> dict:
        return {**{k: assumed[k] for k in keys if item.get(k) is None}, **{
            k: v for k, v in item.items() if v is not None
        }}

    if isinstance(raw.get("education"), dict):
        out["education"] = answered(raw["education"], confirmations("education"))
    if isinstance(raw.get("credentials"), list):
        out["credentials"] = [
            answered(c, confirmations(c.get("type"))) if isinstance(c, dict) else c
            for c in raw["credentials"]
        ]
    return out


def confirmations(kind) -> list[str]:
    """The confirmations (keys of ASSUMED) the education or a credential of type `kind` has."""
    keys = EDUCATION_KEYS if kind == "education" else CREDENTIAL_KEYS.get(kind, set())
    return sorted(keys & ASSUMED[1].keys())

