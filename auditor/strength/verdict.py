"""What the audit keeps of a password's strength, and the one rule that calls a password weak.

A `Strength` holds a score, fixed sentences and the name of a habit; never the password, a piece
of it, its length or anything derived from it that would narrow it down.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.inventory import Policy

MAX_SCORED_LENGTH = 72
"""zxcvbn's own limit; characters past it are not scored."""


@dataclass(frozen=True)
class Strength:
    """The verdict on one password, without the password or its matched pieces."""

    score: int
    """0 (guessed in seconds) to 4 (very unguessable), on zxcvbn's scale of guesses."""
    warning: str
    """zxcvbn's warning, such as 'This is a top-100 common password.' (may be empty)."""
    suggestions: tuple[str, ...]
    """zxcvbn's suggestions, fixed sentences that quote nothing from the password."""
    truncated: bool
    """Whether only the first 72 characters were scored."""
    zxcvbn_score: int = -1
    """zxcvbn's own score; `score` is lower when the habits guess it sooner (-1: not asked,
    the habits alone scored it 0)."""
    habit: str = ""
    """What made the score, in words (`a romanised name and a date`), when zxcvbn thought the
    password strong and the habits of Chinese-speaking users (auditor/strength/habits.py) did
    not; else empty, and zxcvbn's warning says what it recognised."""


@dataclass(frozen=True)
class Weakness:
    """Why password.weak fires for a password: the policy's rule, written once."""

    score: int
    """The password's score."""
    min_score: int | None
    """The policy's minimum score, when the score is below it; else None."""
    min_length: int | None
    """The policy's minimum length, when the password is shorter; else None."""


def weakness(strength: Strength, length: int, policy: Policy) -> Weakness | None:
    """Whether a password of this strength and length is weak under the policy, and why; None
    when it is not. `length` is the whole password's, in characters."""
    low = strength.score < policy.min_password_score
    short = length < policy.min_password_length
    if not (low or short):
        return None
    return Weakness(
        score=strength.score,
        min_score=policy.min_password_score if low else None,
        min_length=policy.min_password_length if short else None,
    )
