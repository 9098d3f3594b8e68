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

import datetime as dt
import re
from collections.abc import Sequence
from typing import Protocol

from auditor.i18n import N_
from auditor.strength import habits, lists
from auditor.strength.verdict import MAX_SCORED_LENGTH, Strength

SCORE_BOUNDS = (1e3, 1e6, 1e8, 1e10)
"""zxcvbn's guesses for scores 1 to 4 (plus its delta of 5)."""
REFERENCE_YEAR = 2017
"""Python zxcvbn 4.5.0's year for counting dates."""
DATE_RUN = re.compile(r"(?<!\d)(\d{8}|\d{6}|\d{4})(?!\d)")
HABITS = {
    "name": N_("a romanised name"),
    "date": N_("a date"),
    "number": N_("a well-known number phrase (digits that read as words)"),
    "phrase": N_("a common pinyin phrase"),
    "pinyin": N_("common pinyin words"),
    "site": N_("a website's name"),
    "keyboard": N_("a keyboard pattern"),
    "run": N_("a run or repeat of characters"),
    "hint": N_("the account's own names"),
    "qq": N_("the QQ number of its mailbox"),
}
"""Each habit, as the finding says it (in English: password.weak translates it where it is
shown): never a piece of the password, and no example either: the commonest passwords are made of
the commonest examples (an example phrase and an example number side by side would spell one)."""


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


SURE_HABITS = frozenset({"number", "run", "keyboard", "date", "site", "qq", "hint", "joint"})
"""Habits no English word looks like: a password the habits score 0 from these alone needs no
zxcvbn (names and pinyin can be English words, which zxcvbn names better)."""


def score_password(password: Revealing, hints: Sequence[str]) -> Strength:
    """Score a password with the account's own names as hints (store, platform, login...)."""
    plaintext = password.reveal()
    scored = plaintext[:MAX_SCORED_LENGTH]
    user_inputs = [hint[:MAX_SCORED_LENGTH] for hint in hints if hint]
    truncated = len(plaintext) > MAX_SCORED_LENGTH
    habit = habits.guess(scored, user_inputs)
    habit_score = score_of(habit.guesses)
    if habit_score == 0 and SURE_HABITS.issuperset(habit.habits):
        return Strength(0, "", (), truncated, habit=describe(habit.habits))
    # Only the score and fixed sentences leave this function: nothing of the password does.
    warning, suggestions, zxcvbn_score = _zxcvbn(scored, user_inputs, habit_score)
    score = min(zxcvbn_score, habit_score)
    said = describe(habit.habits) if habit_score < zxcvbn_score and zxcvbn_score >= 3 else ""
    if said:
        warning, suggestions = "", ()
    return Strength(score, warning, suggestions, truncated, zxcvbn_score, said)


def _zxcvbn(password: str, hints: list[str], floor: int) -> tuple[str, tuple[str, ...], int]:
    """zxcvbn's warning, suggestions and score, its dates counted as Python zxcvbn counted them
    where that can change a score above `floor` (the habits' score)."""
    from zxcvbn_rs_py import zxcvbn

    result = zxcvbn(password, hints)
    score = int(result.score)
    this_year = dt.date.today().year
    for start, end, date_guesses, year in _dates_as_before(password):
        # The Rust port counts this date at most `ratio` times as many guesses as Python did:
        # when its whole count over `ratio` keeps the score, so would Python's.
        ratio = max(abs(year - this_year), 20) / max(abs(year - REFERENCE_YEAR), 20)
        if min(score_of(result.guesses / ratio), score_of(date_guesses)) >= min(score, floor):
            continue
        rest = password[:start] + password[end:]
        others = float(zxcvbn(rest, hints).guesses) * 2 if rest else 1.0
        score = min(score, score_of(others * date_guesses))
    feedback = result.feedback
    warning = str(feedback.warning) if feedback and feedback.warning else ""
    suggestions = tuple(str(s) for s in feedback.suggestions) if feedback else ()
    return warning, suggestions, score


def describe(used: Sequence[str]) -> str:
    """The habits in words: `a romanised name and a date`."""
    words = [HABITS[habit] for habit in used if habit in HABITS]
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _dates_as_before(password: str) -> list[tuple[int, int, float, int]]:
    """Runs of digits Python zxcvbn reads as a year or date: where, its guesses, the year."""
    found = []
    for match in DATE_RUN.finditer(password):
        digits = match.group()
        year = _zxcvbn_year(digits)
        if year is not None:
            space = max(abs(year - REFERENCE_YEAR), 20)
            guesses = float(space if len(digits) == 4 else space * 365)
            found.append((match.start(), match.end(), guesses, year))
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
