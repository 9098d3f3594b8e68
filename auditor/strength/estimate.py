"""One password's strength: zxcvbn's estimate (its Rust port, zxcvbn-rs-py) and the habits of
Chinese-speaking users (habits.py), whichever guesses it sooner, on zxcvbn's 0-4 scale.

zxcvbn refuses passwords over 72 characters and its cost grows with length. The rule: a longer
password is scored on its first 72 characters. The whole password is never easier to guess than
its beginning, so this can only under-rate a long password, never over-rate a weak one.

Python zxcvbn 4.5.0 counts the years of a date from 2017; the Rust port from the current year,
so it rates an old date a little harder to guess every year. A password holding a date is also
scored as Python zxcvbn would count that date, so nothing scores above what it scored before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from auditor.strength import habits, lists
from auditor.strength.verdict import MAX_SCORED_LENGTH, Strength

SCORE_BOUNDS = (1e3, 1e6, 1e8, 1e10)
"""zxcvbn's guesses for scores 1 to 4 (plus its delta of 5)."""
REFERENCE_YEAR = 2017
"""Python zxcvbn 4.5.0's year for counting dates."""
DATE_RUN = re.compile(r"(?<!\d)(\d{8}|\d{6}|\d{4})(?!\d)")
HABITS = {
    "name": "a romanised name",
    "date": "a date",
    "number": "a well-known number phrase such as 5201314",
    "phrase": "a common phrase such as woaini",
    "pinyin": "common pinyin words",
    "site": "a website's name",
    "keyboard": "a keyboard pattern",
    "run": "a run or repeat of characters",
    "hint": "the account's own names",
    "qq": "the QQ number of its mailbox",
}
"""Each habit, as the finding says it: never a piece of the password."""


class Revealing(Protocol):
    """What scoring needs of a password: a Secret, or Plain in a worker process."""

    def reveal(self) -> str: ...


class Plain:
    """The minimal Secret interface score_password needs, for values unpickled in a worker."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<secret>"


def load_estimators() -> None:
    """Load zxcvbn and the habits' lists now (before worker processes fork, or in each)."""
    import zxcvbn_rs_py  # noqa: F401

    lists.load()


def score_of(guesses: float) -> int:
    """zxcvbn's score for a number of guesses."""
    return sum(guesses >= bound + 5 for bound in SCORE_BOUNDS)


def score_password(password: Revealing, hints: Sequence[str]) -> Strength:
    """Score a password with the account's own names as hints (store, platform, login...)."""
    from zxcvbn_rs_py import zxcvbn

    plaintext = password.reveal()
    scored = plaintext[:MAX_SCORED_LENGTH]
    user_inputs = [hint[:MAX_SCORED_LENGTH] for hint in hints if hint]
    # Only the score and fixed sentences leave this function: nothing of the password does.
    result = zxcvbn(scored, user_inputs)
    guesses = float(result.guesses)
    for start, end, date_guesses in _dates_as_before(scored):
        rest = scored[:start] + scored[end:]
        others = float(zxcvbn(rest, user_inputs).guesses) * 2 if rest else 1.0
        guesses = min(guesses, others * date_guesses)
    feedback = result.feedback
    warning = str(feedback.warning) if feedback and feedback.warning else ""
    suggestions = tuple(str(s) for s in feedback.suggestions) if feedback else ()
    score = min(int(result.score), score_of(guesses))
    habit = habits.guess(scored, user_inputs)
    said = ""
    if score_of(habit.guesses) < score:
        score = score_of(habit.guesses)
        said = describe(habit.habits)
        warning, suggestions = "", ()
    return Strength(
        score=score,
        warning=warning,
        suggestions=suggestions,
        truncated=len(plaintext) > MAX_SCORED_LENGTH,
        habit=said,
    )


def describe(used: Sequence[str]) -> str:
    """The habits in words: `a romanised name and a date`."""
    words = [HABITS[habit] for habit in used if habit in HABITS]
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _dates_as_before(password: str) -> list[tuple[int, int, float]]:
    """Runs of digits Python zxcvbn reads as a year or date, with its guesses for them."""
    found = []
    for match in DATE_RUN.finditer(password):
        digits = match.group()
        year = _zxcvbn_year(digits)
        if year is not None:
            space = max(abs(year - REFERENCE_YEAR), 20)
            found.append(
                (match.start(), match.end(), float(space if len(digits) == 4 else space * 365))
            )
    return found


def _zxcvbn_year(digits: str) -> int | None:
    if len(digits) == 4:
        return int(digits) if 1900 <= int(digits) <= 2019 else None
    # year first (YYYYMMDD, YYMMDD), or last (DDMMYYYY, MMDDYYYY, DDMMYY, MMDDYY)
    for year, month, day in (
        (digits[:-4], digits[-4:-2], digits[-2:]),
        (digits[4:], digits[2:4], digits[:2]),
        (digits[4:], digits[:2], digits[2:4]),
    ):
        full = int(year) if len(year) == 4 else int(year) + (1900 if int(year) > 50 else 2000)
        if 1000 <= full <= 2050 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            return full
    return None
