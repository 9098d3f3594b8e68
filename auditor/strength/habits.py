"""How fast an attacker who knows the habits of Chinese-speaking users guesses a password.

The password is split into the pieces those habits build it from: pinyin words and romanised
names, number phrases (5201314), dates as Chinese sites see them (YYYYMMDD, YYMMDD, MMDD),
site names, keyboard walks, runs and repeats, the account's own names (hints), each in any case
and with the usual letter substitutions; what no habit explains is brute-forced character by
character. The guesses are the product of the pieces' guesses, times 2 per piece for the order
they come in (a probabilistic grammar's view, as in fuzzyPSM), minimised over every split.

Only the guesses and the names of the habits used leave this module, never a piece.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.strength import lists
from auditor.strength.facts import LEET
from auditor.strength.hints import Hinted, hint_vocabulary

MAX_PIECE = 24
"""The longest listed spelling (a long romanised word)."""
PER_PIECE = 2
"""Each piece doubles the guesses: the orders an attacker tries the same pieces in (a joint
such as @ between two pieces is counted by its own rank, not as a piece)."""
BIRTH_YEARS = range(1940, 2030)
"""The years a date in a password is taken from (birthdays, anniversaries, this year)."""
DIGIT_RUN = re.compile(r"\d{4,}")
SEPARATED_DATE = re.compile(r"(\d{4}|\d{2})([-./_])(\d{1,2})\2(\d{1,2})")
SEQUENCE_FROM = 3
ALPHABETS = dict.fromkeys("0123456789", 10) | dict.fromkeys(string.ascii_letters, 26)
"""What brute force tries per character: 10 digits, 26 letters, else 33 symbols."""


@dataclass(frozen=True)
class Guess:
    """The habits' estimate for one password."""

    guesses: float
    """Guesses an attacker who knows the habits needs."""
    habits: tuple[str, ...]
    """The habits of the pieces it was split into, in order, each once (`name`, `date`)."""


_NOT_LISTED = (0, "")
"""No listed spelling begins so (a scan stops extending the piece there)."""
Piece = tuple[int, float, str]
"""Where a piece starts, its guesses and its habit; pieces are kept by where they end."""


def guess(password: str, hints: Sequence[str] = ()) -> Guess:
    """The habits' guesses for `password`, scored with the account's names as hints."""
    lower = password.lower()
    pieces: list[list[Piece]] = [[] for _ in range(len(password) + 1)]
    syllables = _listed(password, lower, hint_vocabulary(tuple(hints)), pieces)
    _names(lower, syllables, pieces)
    if any(c.isdigit() for c in lower):
        _dates(lower, pieces)
    _runs(lower, pieces)
    return _cheapest(password, pieces)


def _listed(
    password: str, lower: str, hinted: Hinted, pieces: list[list[Piece]]
) -> list[tuple[int, int]]:
    """Every listed spelling (and hint) in the password, as typed and with letters for leet;
    returns where pinyin syllables stand as typed: (start, end) pairs, for the names."""
    syllables: list[tuple[int, int]] = []
    _spellings(password, lower, lower, hinted, pieces, syllables)
    unleet = lower.translate(LEET)
    if unleet != lower:
        _spellings(password, lower, unleet, hinted, pieces, [])
    return syllables


def _spellings(
    password: str,
    lower: str,
    text: str,
    hinted: Hinted,
    pieces: list[list[Piece]],
    syllables: list[tuple[int, int]],
) -> None:
    pinyin = lists.syllables()
    leet = text is not lower
    for start, end, entry in _spans(text, hinted):
        spelling = text[start:end]
        found = hinted.get(spelling, entry)  # the account's own names first
        if found is None:
            continue  # cannot happen: each span is a hint's or a listed spelling's
        if spelling in pinyin and not leet:
            syllables.append((start, end))
        factor = 1.0
        if leet:
            typed_lower = lower[start:end]
            if typed_lower == spelling:
                continue  # found as typed already
            changed = sum(a != b for a, b in zip(typed_lower, spelling, strict=True))
            factor = 2.0**changed
        typed = password[start:end]
        if typed != lower[start:end]:
            factor *= _case_factor(typed)
        pieces[end].append((start, found[0] * factor, found[1]))


def _spans(text: str, hinted: Hinted) -> list[tuple[int, int, tuple[int, str] | None]]:
    """Where listed spellings and the account's own names stand in `text`, by start then end:
    (start, end, the listed spelling's entry or None)."""
    listed = lists.prefixes().get
    size = len(text)
    spans: list[tuple[int, int, tuple[int, str] | None]] = []
    for start in range(size):
        for end in range(start + 1, min(size, start + MAX_PIECE) + 1):
            entry = listed(text[start:end], _NOT_LISTED)
            if entry is _NOT_LISTED:
                break  # no listed spelling begins so
            if entry is not None:
                spans.append((start, end, entry))
    in_hints = _hint_spans(text, hinted)
    if not in_hints:
        return spans
    known = {(start, end): entry for start, end, entry in spans}
    return [(start, end, known.get((start, end))) for start, end in sorted({*known, *in_hints})]


def _hint_spans(text: str, hinted: Hinted) -> list[tuple[int, int]]:
    """Where the account's own names stand in `text`: (start, end) pairs."""
    spans = []
    for spelling in hinted:
        if not 0 < len(spelling) <= MAX_PIECE:
            continue  # longer than any piece the scan takes
        at = text.find(spelling)
        while at != -1:
            spans.append((at, at + len(spelling)))
            at = text.find(spelling, at + 1)
    return spans


def _case_factor(typed: str) -> float:
    upper = sum(c.isupper() for c in typed)
    if upper == 0:
        return 1.0
    if typed.isupper() or (typed[0].isupper() and upper == 1):
        return 2.0
    return 2.0**upper


def _names(lower: str, syllables: list[tuple[int, int]], pieces: list[list[Piece]]) -> None:
    """A surname with one or two syllables of given name after it, or before it."""
    if len(syllables) < 2:
        return
    surnames = lists.surnames()
    after: dict[int, list[int]] = {}
    before: dict[int, list[int]] = {}
    for start, end in syllables:
        after.setdefault(start, []).append(end)
        before.setdefault(end, []).append(start)
    for start, end in _surname_spans(lower, syllables, surnames):
        guesses = lists.NAME_GUESSES
        for first in after.get(end, ()):
            pieces[first].append((start, guesses, "name"))
            for second in after.get(first, ()):
                pieces[second].append((start, guesses, "name"))
        for given in before.get(start, ()):
            pieces[end].append((given, guesses, "name"))
            for earlier in before.get(given, ()):
                pieces[end].append((earlier, guesses, "name"))


def _surname_spans(
    lower: str, syllables: list[tuple[int, int]], surnames: dict[str, int]
) -> list[tuple[int, int]]:
    """Surnames: a syllable, or two (ouyang, shangguan), that the list holds."""
    spans = [(s, e) for s, e in syllables if lower[s:e] in surnames]
    ends: dict[int, list[int]] = {}
    for start, end in syllables:
        ends.setdefault(start, []).append(end)
    spans += [(s, e2) for s, e in syllables for e2 in ends.get(e, ()) if lower[s:e2] in surnames]
    return spans


def _dates(lower: str, pieces: list[list[Piece]]) -> None:
    for match in DIGIT_RUN.finditer(lower):
        run, offset = match.group(), match.start()
        for length in (8, 6, 4):
            for at in range(len(run) - length + 1):
                guesses = _date_guesses(run[at : at + length])
                if guesses:
                    pieces[offset + at + length].append((offset + at, guesses, "date"))
    for match in SEPARATED_DATE.finditer(lower):
        year, _, month, day = match.groups()
        if _valid(_year(year), int(month), int(day)):
            span = len(BIRTH_YEARS) * 366 * 4  # the separator's choice: - . / _
            pieces[match.end()].append((match.start(), span, "date"))


def _year(text: str) -> int:
    if len(text) == 4:
        return int(text)
    return 1900 + int(text) if int(text) >= 30 else 2000 + int(text)


def _valid(year: int, month: int, day: int) -> bool:
    days = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return year in BIRTH_YEARS and 1 <= month <= 12 and 1 <= day <= days[month - 1]


def _date_guesses(digits: str) -> float:
    """Guesses for a run of 4, 6 or 8 digits read as a date, 0 when it is none: YYYYMMDD,
    DDMMYYYY/MMDDYYYY, YYMMDD, YYYYMM, MMDD or YYYY."""
    years = len(BIRTH_YEARS)
    if len(digits) == 8:
        y, m, d = int(digits[:4]), int(digits[4:6]), int(digits[6:])
        if _valid(y, m, d):
            return years * 366
        y = int(digits[4:])
        if _valid(y, int(digits[2:4]), int(digits[:2])) or _valid(
            y, int(digits[:2]), int(digits[2:4])
        ):
            return years * 366 * 2
        return 0
    if len(digits) == 6:
        if _valid(_year(digits[:2]), int(digits[2:4]), int(digits[4:])):
            return 100 * 366
        return years * 12 if _valid(int(digits[:4]), int(digits[4:]), 1) else 0
    if int(digits) in BIRTH_YEARS:
        return years
    return 366 if _valid(2000, int(digits[:2]), int(digits[2:])) else 0


def _runs(lower: str, pieces: list[list[Piece]]) -> None:
    """Repeats (aaaa, 8888) and sequences (123456, abcdef, 654321) of three or more."""
    codes = [ord(c) for c in lower]
    steps = [b - a for a, b in zip(codes, codes[1:], strict=False)]
    start = 0
    size = len(steps)
    while start < size - 1:
        step = steps[start]
        if step not in (-1, 0, 1) or steps[start + 1] != step:
            start += 1
            continue
        end = start + 2
        while end < size and steps[end] == step:
            end += 1
        length = end - start + 1  # characters in the run
        alphabet = 10 if lower[start].isdigit() else 26
        guesses = alphabet * length * (2 if step == -1 else 1)
        for stop in range(start + SEQUENCE_FROM, start + length + 1):
            pieces[stop].append((start, guesses, "run"))
        start = end


def _cheapest(password: str, pieces: list[list[Piece]]) -> Guess:
    """The split with the fewest guesses: pieces, or brute force between them (a stretch of
    unexplained characters is one piece, costing its characters' alphabets)."""
    size = len(password)
    infinity = float("inf")
    piece = [infinity] * (size + 1)  # the cheapest split of password[:i] ending in a piece
    brute = [infinity] * (size + 1)  # ... ending in brute-forced characters
    piece[0] = 1.0
    back: list[tuple[int, str, bool]] = [(0, "", False)] * (size + 1)
    from_piece = [False] * (size + 1)
    for end in range(1, size + 1):
        alphabet = ALPHABETS.get(password[end - 1], 33)
        stay, enter = brute[end - 1] * alphabet, piece[end - 1] * alphabet * PER_PIECE
        brute[end], from_piece[end] = (enter, True) if enter < stay else (stay, False)
        for start, guesses, habit in pieces[end]:
            was_piece = piece[start] <= brute[start]
            before = piece[start] if was_piece else brute[start]
            # a joint between two pieces is part of their order, not a piece of its own
            total = before * guesses * (1 if habit == "joint" else PER_PIECE)
            if total < piece[end]:
                piece[end], back[end] = total, (start, habit, was_piece)
    habits: list[str] = []
    at, in_piece = size, piece[size] <= brute[size]
    while at > 0:
        if in_piece:
            start, habit, in_piece = back[at]
            habits.append(habit)
            at = start
        else:
            in_piece = from_piece[at]
            at -= 1
    total = min(piece[size], brute[size]) / PER_PIECE
    return Guess(max(total, 1.0), tuple(dict.fromkeys(reversed(habits))))
