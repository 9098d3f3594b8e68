"""Password strength: how fast an attacker guesses a password, as zxcvbn estimates it and as the
habits of Chinese-speaking users (pinyin, names, dates, number phrases) let them, whichever is
sooner; the one rule that calls a password weak; and the worker processes that score an agency's
thousands of passwords while the audit goes on.

Below the checks, above the secrets: it reads passwords (`Secret`) and the accounts' names, and
gives back `Strength` records that hold nothing of a password.
"""

from __future__ import annotations

from auditor.strength.early import EarlyScoring, start_early_scoring
from auditor.strength.estimate import score_password
from auditor.strength.hints import identity_hints, password_hints
from auditor.strength.scores import PasswordScores
from auditor.strength.verdict import MAX_SCORED_LENGTH, Strength, Weakness, weakness

__all__ = [
    "MAX_SCORED_LENGTH",
    "EarlyScoring",
    "PasswordScores",
    "Strength",
    "Weakness",
    "identity_hints",
    "password_hints",
    "score_password",
    "start_early_scoring",
    "weakness",
]
