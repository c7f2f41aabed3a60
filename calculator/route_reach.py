"""What a skill or title route asks a person to have before they can start it (data/planner.toml):
the level below for a skill step, an education (or a lower title) for a title. A route whose
first step the person has not given is out of reach: the plan lists it after those within
reach and says why in plain words."""

from __future__ import annotations

from functools import cache

from . import vocabulary
from .profile_types import EDUCATION_LEVELS, TITLE_LEVELS, Profile
from .resources import load_toml

PLANNER_FILE = "planner.toml"


@cache
def _data() -> dict:
    return load_toml(PLANNER_FILE)


def planner_words(table: str) -> dict:
    """One table of the planner's sentences (`wage`, `early_words`, …)."""
    return _data()[table]


def _skill_name(level: int) -> str:
    return f"技能{vocabulary.skill_option(level)}"


def _holds_skill(p: Profile, level: int) -> bool:
    """A skill certificate of `level` or higher (1 is the highest), wherever it scores."""
    return any(c.type == "skill" and isinstance(c.level, int) and c.level <= level
               for c in p.credentials)


def _holds_title(p: Profile, level: str) -> bool:
    return any(c.type == "title" and c.level in TITLE_LEVELS
               and TITLE_LEVELS.index(c.level) >= TITLE_LEVELS.index(level)
               for c in p.credentials)


def _has_education(p: Profile, level: str) -> bool:
    return EDUCATION_LEVELS.index(p.education.level) >= EDUCATION_LEVELS.index(level)


def out_of_reach(p: Profile, kind: str, level) -> dict | None:
    """For a route adding a credential of `kind` ("skill", "title") and `level`: None when the
    person has what it asks for first, else {"first": what to get first, in a few words,
    "why": the reason in plain words, "sources": [{"title", "url"}] for it}."""
    data = _data()
    if kind == "skill":
        step = next((s for s in data["skill_step"] if s["level"] == level), None)
        if step is None or _holds_skill(p, step["needs_level"]):
            return None
        words = data["skill_words"]
        fill = {"route": _skill_name(level), "need": _skill_name(step["needs_level"])}
    elif kind == "title":
        step = next((s for s in data["title_step"] if s["level"] == level), None)
        if step is None or _has_education(p, step["education"]) or (
                "or_title" in step and _holds_title(p, step["or_title"])):
            return None
        words = data["title_words"]
        education = vocabulary.names("education_levels")
        fill = {"route": vocabulary.title_name(level), "need": education[step["education"]],
                "have": education[p.education.level]}
    else:
        return None
    why = step.get("why", words["why"])  # a step may give its own reason
    return {"first": words["first"].format(**fill), "why": why.format(**fill),
            "sources": [_source(key) for key in words["refs"]]}


def _source(key: str) -> dict:
    """{"title", "url"} of a source of planner.toml or sources.toml."""
    found = next(s for s in [*_data()["source"], *load_toml("sources.toml")["source"]]
                 if s["key"] == key)
    return {"title": found["title"], "url": found["url"]}


def problems() -> list[str]:
    """Every problem in planner.toml as "planner.toml: <where>: <what>"; [] when sound: the levels
    and educations are the vocabulary's, each `refs` names a known source, each source has an
    address, the wage's decision exists."""
    data = _data()
    sources = load_toml("sources.toml").get("source", [])
    known = {s.get("key") for s in [*data.get("source", []), *sources]}
    found = []

    def problem(where: str, what: str) -> None:
        found.append(f"{PLANNER_FILE}: {where}: {what}")

    skill_levels = vocabulary.ids("skill_levels")
    for step in data.get("skill_step", []):
        if step.get("level") not in skill_levels or step.get("needs_level") not in skill_levels:
            problem(f"skill_step {step.get('level')!r}", "levels must be skill levels 1-5")
    for step in data.get("title_step", []):
        where = f"title_step {step.get('level')!r}"
        if step.get("level") not in TITLE_LEVELS or step.get("or_title", "junior") not in (
                TITLE_LEVELS):
            problem(where, f"title levels must be {', '.join(TITLE_LEVELS)}")
        if step.get("education") not in EDUCATION_LEVELS:
            problem(where, f"education must be one of {', '.join(EDUCATION_LEVELS)}")
        if not str(step.get("why", "…")).strip():
            problem(where, "why, when given, must be a sentence")
    for table in ("skill_words", "title_words"):
        for key in data.get(table, {}).get("refs", []):
            if key not in known:
                problem(f"[{table}] refs", f"unknown source {key!r}")
    decision = data.get("wage", {}).get("decision")
    if decision not in {d.get("id") for d in load_toml("decisions.toml").get("decision", [])}:
        problem("[wage] decision", f"unknown decision {decision!r}")
    for source in data.get("source", []):
        if not str(source.get("url", "")).startswith(("https://", "http://")):
            problem(f"source {source.get('key')!r}", "no address")
    return found
