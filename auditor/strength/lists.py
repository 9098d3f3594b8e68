"""The ranked lists the habits are guessed with, read once per process from
auditor/data/strength/ (see README there for each list's origin, licence and size) and joined with
the facts of facts.py into one vocabulary: spelling → (guesses, habit).
"""

from __future__ import annotations

import functools
from importlib import resources

from auditor.strength import facts

NAME_GUESSES = 100
"""Guesses a romanised name (a listed surname with one or two syllables of given name) costs:
a person's name is no secret to whoever targets their accounts, who tries it in the hundred or
so ways it is written (surname first or last, capitalised, given name alone or doubled; Wang et
al., CCS 2016: a name is the first thing a targeted attacker tries)."""


def _read(name: str) -> list[str]:
    text = resources.files("auditor").joinpath(f"data/strength/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@functools.cache
def syllables() -> dict[str, int]:
    """Every toneless pinyin syllable → its rank, most used first (1-based)."""
    return {syllable: rank for rank, syllable in enumerate(_read("syllables.txt"), 1)}


@functools.cache
def surnames() -> dict[str, int]:
    """Romanised surnames → rank, most common first (1-based)."""
    return {name: rank for rank, name in enumerate(_read("surnames.txt"), 1)}


@functools.cache
def vocabulary() -> dict[str, tuple[int, str]]:
    """Every listed spelling → (guesses, habit): an attacker tries each list in rank order, so
    the rank is the guesses; a spelling in several lists keeps its cheapest."""
    found: dict[str, tuple[int, str]] = {}

    def add(entries: list[str] | tuple[str, ...], habit: str, scale: int = 1) -> None:
        for rank, entry in enumerate(entries, 1):
            known = found.get(entry)
            if known is None or rank * scale < known[0]:
                found[entry] = (rank * scale, habit)

    add(facts.NUMBER_PHRASES, "number")
    add(facts.PHRASES, "phrase")
    add(facts.SITES, "site")
    add(facts.KEYBOARD, "keyboard")
    add(facts.JOINTS, "joint")
    for surname in surnames():
        found.setdefault(surname, (NAME_GUESSES, "name"))
    add(list(syllables()), "pinyin")
    add(_read("words.txt"), "pinyin")
    return found


@functools.cache
def prefixes() -> dict[str, tuple[int, str] | None]:
    """Every beginning of a listed spelling → the spelling's (guesses, habit) when it is one,
    else None: a scan stops extending a piece that is no beginning, and learns with the same
    lookup whether it has found one."""
    found: dict[str, tuple[int, str] | None] = {}
    for entry in vocabulary():
        for end in range(1, len(entry)):
            found.setdefault(entry[:end], None)
    return found | vocabulary()


def load() -> None:
    """Read every list now (before worker processes fork, so that they share them)."""
    prefixes()
