"""Catalogue entries as the catalogue pages and the search index show them, and the names
people type that are not entries (calculator/data/everyday_names.toml)."""

from __future__ import annotations

from .links import calc_link

CATALOGUE_URL = "/catalogue/"
SKILLS_URL = "/catalogue/skills/"
QUALIFICATIONS_URL = "/catalogue/qualifications/"
# The catalogue decides only for skill levels 3 to 1; level 3 is the lowest that needs it.
LINK_SKILL_LEVEL = 3
# Which catalogue page lists a not-counted certificate, by where a person would look for it
# (the /catalogue/ page lists them all).
NOT_COUNTED_PAGES = {
    "skill": ("skill",),
    "qualification": ("qualification",),
    "other": ("skill", "qualification"),
}


class Rows(list):
    """A catalogue's rows. Also carries what people type that is not an entry, so every
    template given the rows reaches it too: `.not_counted` (certificates in neither
    catalogue, with the reason), `.titles` (names that are really titles) and `.matching`
    (name_matching())."""

    def __init__(self, rows: list[dict], not_counted: list[dict], titles: list[dict],
                 matching: dict | None = None):
        super().__init__(rows)
        self.not_counted = not_counted
        self.titles = titles
        self.matching = matching or {}


def _search_text(*parts) -> str:
    return " ".join(p for p in parts if p)


def _engine_catalogues():
    # Imported here: the build puts the engine on sys.path before it calls these (engine.py).
    from calculator import catalogues

    return catalogues


def _name_rows(groups: list[dict], prefix: str) -> list[dict]:
    """Title hints or not-counted certificates with `anchor`, `url` (on /catalogue/), `also`
    (the other names) and the filter's `search`."""
    return [
        {
            **group,
            "anchor": f"{prefix}-{number}",
            "url": f"{CATALOGUE_URL}#{prefix}-{number}",
            "also": group["names"][1:],
            "search": _search_text(*group["names"]),
        }
        for number, group in enumerate(groups, start=1)
    ]


def not_counted_rows(groups: list[dict] | None = None) -> list[dict]:
    """The not-counted certificates (calculator.catalogues.not_counted()) as rows, each also
    with the catalogue `pages` it is listed on."""
    if groups is None:
        groups = _engine_catalogues().not_counted()
    rows = _name_rows(groups, "not-counted")
    for row in rows:
        row["pages"] = NOT_COUNTED_PAGES.get(row["catalogue"], ("skill", "qualification"))
    return rows


def title_rows(hints: list[dict] | None = None) -> list[dict]:
    """The title hints (calculator.catalogues.title_hints()) as rows."""
    return _name_rows(_engine_catalogues().title_hints() if hints is None else hints, "title")


def name_matching() -> dict:
    """What the browser's name matching (site_src/static/js/names.js) needs besides the
    names: the level words ([[level, [word, …]], …] in the data's order, which decides
    between words of one length) and the names given with their words."""
    engine = _engine_catalogues()
    entries = [*engine.skill_occupations(), *engine.qualifications()]
    return {
        "level_words": [[str(level), words] for level, words in engine.level_words().items()],
        "words": {entry["name"]: entry["words"] for entry in entries if "words" in entry},
    }


def _rows(rows: list[dict]) -> Rows:
    return Rows(rows, not_counted_rows(), title_rows(), name_matching())


def _link_profile(credential: dict) -> dict:
    """The profile of an entry's 用此证书计算 link: that credential only, in today's format, so
    the confirmations (与岗位相符, 已注册) start unanswered, for the person to answer."""
    from calculator.profile import PROFILE_VERSION

    return {"version": PROFILE_VERSION, "credentials": [credential]}


def skill_rows(entries: list[dict]) -> Rows:
    rows = []
    for entry in entries:
        anchor = f"skill-{entry['no']}"
        profile = _link_profile({"type": "skill", "level": LINK_SKILL_LEVEL,
                                 "occupation": entry["name"]})
        everyday = entry.get("everyday_names", [])
        rows.append({
            **entry,
            "everyday_names": everyday,
            "anchor": anchor,
            "url": f"{SKILLS_URL}#{anchor}",
            "calc_url": calc_link(profile, source="catalogue"),
            "search": _search_text(entry["name"], *entry["alt_names"], *everyday),
        })
    return _rows(rows)


def qualification_rows(entries: list[dict]) -> Rows:
    rows = []
    for entry in entries:
        anchor = f"qual-{entry['no']}"
        profile = _link_profile({"type": "qualification", "name": entry["name"]})
        everyday = entry.get("everyday_names", [])
        rows.append({
            **entry,
            "everyday_names": everyday,
            "anchor": anchor,
            "url": f"{QUALIFICATIONS_URL}#{anchor}",
            "calc_url": calc_link(profile, source="catalogue"),
            "search": _search_text(entry["name"], *entry["alt_names"], *everyday,
                                   entry["equivalent_title"]),
        })
    return _rows(rows)
