"""Password strength through zxcvbn, bounded in time and never keeping the plaintext.

zxcvbn refuses passwords over 72 characters and its cost grows steeply with length (a
1,000-character password can take minutes). The rule: a longer password is scored on its first
72 characters. The whole password is never easier to guess than its beginning, so this can only
under-rate a long password, never over-rate a weak one; `aaaa…` of any length still scores 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditor.secrets import Secret

MAX_SCORED_LENGTH = 72
"""zxcvbn's own limit; characters past it are not scored."""


@dataclass(frozen=True)
class Strength:
    """zxcvbn's verdict on a password, without the password or its matched sequences."""

    score: int
    """0 (guessed in seconds) to 4 (very unguessable)."""
    warning: str
    """zxcvbn's warning, such as 'This is a top-100 common password.' (may be empty)."""
    suggestions: tuple[str, ...]
    """zxcvbn's suggestions, fixed sentences that quote nothing from the password."""
    truncated: bool
    """Whether only the first 72 characters were scored."""


def score_password(password: Secret, hints: Sequence[str]) -> Strength:
    """Score a password with the account's own names as hints (store, platform, login...)."""
    from zxcvbn import zxcvbn

    plaintext = password.reveal()
    scored = plaintext[:MAX_SCORED_LENGTH]
    user_inputs = [hint[:MAX_SCORED_LENGTH] for hint in hints if hint]
    # Only the score and the fixed feedback sentences leave this function; the result dict also
    # holds the password and its matched pieces, and is dropped here.
    result = zxcvbn(scored, user_inputs=user_inputs)
    feedback = result.get("feedback", {})
    return Strength(
        score=int(result["score"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions", ())),
        truncated=len(plaintext) > MAX_SCORED_LENGTH,
    )
