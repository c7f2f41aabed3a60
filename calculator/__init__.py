"""Scoring engine for the Shanghai residence-permit points (上海市居住证积分).

import calculator
calculator.score(profile) -> result      (formats: docs/profile.md)
calculator.plan(profile)  -> plan
calculator.hukou(profile) -> the 居转户 check (docs/hukou.md)
"""

from .engine import score
from .errors import ValidationError
from .hukou import hukou
from .planner import plan
from .rules import rules_version

RULES_VERSION = rules_version()

__all__ = ["RULES_VERSION", "ValidationError", "hukou", "plan", "score"]
