"""Confirmations only the person can give (三地一致, 与岗位相符, 已注册, 已核验): which are
still unanswered in a profile, and the profile with one of them answered "yes". Unanswered,
they count for nothing; the result says what each answer would give (calculator.engine)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import catalogues, vocabulary
from .basic import credential_name, needs_verification
from .profile import Profile


@dataclass(frozen=True)
class Question:
    path: str  # the profile field that answers it
    line: str  # the result line it changes
    ask: str  # the question, in words
    yes: str  # what "yes" means, in words ("若{yes}")

    @property
    def subject(self) -> str:
        """What the question is about: the education, or one certificate ("credentials[0]")."""
        return self.path.rsplit(".", 1)[0]


def _question(subject: str, key: str, line: str, name: str = "") -> Question:
    words = vocabulary.confirmation(key)
    return Question(f"{subject}.{key}", line, words["ask"].format(name=name), words["yes"])


def unanswered(p: Profile) -> list[Question]:
    found = []
    e = p.education
    if e.level != "none" and not e.full_time and e.study_place_consistent is None:
        found.append(_question("education", "study_place_consistent", "education"))
    for i, c in enumerate(p.credentials):
        at, name = f"credentials[{i}]", credential_name(c)
        if c.type == "qualification" and c.registered is None:
            entry = catalogues.find_qualification(c.name)
            if entry is not None and entry["registration_required"]:
                found.append(_question(at, "registered", "credential", name))
        if needs_verification(c, p.as_of) and c.verified_in_shanghai is None:
            found.append(_question(at, "verified_in_shanghai", "credential", name))
        if c.job_match is None:
            found.append(_question(at, "job_match", "credential", name))
    return found


def answered_yes(p: Profile, question: Question) -> Profile:
    """`p` with `question` answered "yes"."""
    if question.path == "education.study_place_consistent":
        return replace(p, education=replace(p.education, study_place_consistent=True))
    index = int(question.path[len("credentials["):question.path.index("]")])
    field = question.path.rsplit(".", 1)[1]
    credentials = list(p.credentials)
    credentials[index] = replace(credentials[index], **{field: True})
    return replace(p, credentials=tuple(credentials))
