"""The title condition of 居转户 (decision H5): which credentials are 中级 (or 技师) and which 高级
(or 高级技师) — those that would earn the intermediate or the senior title's points on the
points side, read by the points side's own rules without its base test — and whether each
matches the post and is appointed, or still waits on the person's answers (H9)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import vocabulary
from .basic import credential_name, credential_points
from .confirm import unanswered
from .hukou_facts import HukouFacts
from .profile import Credential, Profile
from .rules import value

INTERMEDIATE, SENIOR = "intermediate", "senior"
_SKILL = {level: vocabulary.entry("skill_levels", level) for level in (1, 2)}
# What each level of the title condition asks for, in words (H5, H6).
TITLE_WORDS = {
    INTERMEDIATE: f"{vocabulary.names('title_levels')[INTERMEDIATE]}及以上职称或"
                  f"{_SKILL[2]['worker']}（{_SKILL[2]['name']}）以上",
    SENIOR: f"{vocabulary.title_name(SENIOR)}或{_SKILL[1]['worker']}（{_SKILL[1]['name']}）",
}

@dataclass(frozen=True)
class Question:
    path: str  # the profile field that answers it
    ask: str  # the question, in words
    yes: str  # what "yes" means, in words ("若{yes}")


@dataclass(frozen=True)
class Held:
    """One credential for the title condition."""

    index: int
    name: str
    level: str | None  # INTERMEDIATE or SENIOR as answered; None: neither
    level_if_yes: str | None  # the same with every unanswered question answered "yes"
    questions: tuple[Question, ...]  # still unanswered (appointed, job match, registered…)
    refused: bool  # an answer given is "no" (not matching, not appointed, not registered…)


class _Passed:
    """Insurance months that pass any base test: the points side's base test does not apply
    to the title condition (H5), the market standard does (calculator.hukou)."""

    def count(self, months, at_least=0) -> int:
        return len(months)

    def yardstick_notes(self, months) -> list[str]:
        return []

    def excluded_note(self, months=None) -> str:
        return ""


def hukou_question(key: str, path: str, **names) -> Question:
    words = vocabulary.entry("hukou_confirmations", key)
    return Question(path, words["ask"].format(**names), words["yes"].format(**names))


def _level(c: Credential, p: Profile) -> str | None:
    points = credential_points(replace(c, job_match=True), p, _Passed())[0]
    if points >= value("credential.title_senior", p.as_of):
        return SENIOR
    if points >= value("credential.title_intermediate", p.as_of):
        return INTERMEDIATE
    return None


def _answered_yes(c: Credential) -> Credential:
    return replace(
        c,
        registered=True if c.registered is None else c.registered,
        verified_in_shanghai=True if c.verified_in_shanghai is None else c.verified_in_shanghai,
    )


def credentials(p: Profile, facts: HukouFacts) -> list[Held]:
    asked = {}
    for question in unanswered(p):
        if question.path.startswith("credentials["):
            asked.setdefault(question.subject, []).append(
                Question(question.path, question.ask, question.yes))
    found = []
    for i, c in enumerate(p.credentials):
        at, name = f"credentials[{i}]", credential_name(c)
        questions = list(asked.get(at, []))
        appointed = facts.appointed_to(i)
        if appointed is None:
            questions.append(hukou_question("appointed", f"{at}.appointed", name=name))
        refused = (c.job_match is False or appointed is False or c.registered is False
                   or (c.verified_in_shanghai is False and not c.obtained_in_shanghai))
        given = _level(c, p) if c.job_match and appointed else None
        found.append(Held(i, name, given, _level(_answered_yes(c), p), tuple(questions),
                          refused))
    return found


def best(held: list[Held], level: str) -> tuple[Held | None, Held | None]:
    """The first credential meeting `level` (SENIOR meets INTERMEDIATE too) as answered, and
    the first that would if its unanswered questions were answered "yes"."""
    wanted = (SENIOR,) if level == SENIOR else (INTERMEDIATE, SENIOR)
    met = next((h for h in held if h.level in wanted), None)
    maybe = next((h for h in held if not h.refused and h.level_if_yes in wanted and h.questions),
                 None)
    return met, maybe
