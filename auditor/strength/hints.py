"""The names an attacker tries first for an account, given to the estimators as hints: the
account's id, login, platform, store, region, the seller's name, and the numbers a seller's
context gives away (the QQ number of a QQ mailbox, the phone that gets the codes); and those
hints taken apart into the pieces the habits match (hint_vocabulary)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from auditor.inventory import Account, platforms
from auditor.inventory.emails import is_address
from auditor.strength import lists

_WORDS = re.compile(r"[\s._@+-]+")
_PARTS = re.compile(r"[a-z]+|\d+")
QQ_DOMAINS = ("@qq.com", "@vip.qq.com", "@foxmail.com")
"""Mailboxes whose address is the owner's QQ number."""


def identity_hints(account: Account, seller: str | None) -> list[str]:
    """Names an attacker would try first for this account: store, platform, login, seller."""
    hints = [account.id, account.login, *platforms.names_of(account.platform)]
    if is_address(account.login):
        hints.append(account.login.rpartition("@")[0])
    names = [v for v in (account.store, account.region, seller) if v]
    hints += names
    # each word on its own too: zxcvbn matches whole entries, and a password holds "Birchwood"
    # more often than "Birchwood Candles"
    hints += [w for n in [*names, hints[1]] for w in _WORDS.split(n) if len(w) > 2]
    recovery = account.recovery_email or ""
    if recovery.lower().endswith(QQ_DOMAINS):
        hints += [recovery, recovery.partition("@")[0]]
    if account.mfa_phone:
        digits = "".join(c for c in account.mfa_phone if c.isdigit())
        # as written, and without a country code (+86 138…: 11 digits; +1 555…: 10)
        hints += [h for h in (digits, digits[-11:], digits[-10:]) if len(h) >= 7]
    return list(dict.fromkeys(hints))


def password_hints(accounts: Iterable[Account], seller: str | None) -> list[str]:
    """A password's hints: the names of every account that uses it, in file order."""
    return list(dict.fromkeys(h for a in accounts for h in identity_hints(a, seller)))


Hinted = dict[str, tuple[int, str]]
"""The account's own names as pieces: spelling → (rank, habit)."""


def hint_vocabulary(hints: tuple[str, ...]) -> Hinted:
    """The account's own names as pieces: each word and number in them, and the romanised
    names they hold taken apart (zhangwei88@163.com: zhangwei, zhang, wei, weizhang, zw, 88); a
    QQ mailbox's number as a QQ number. Each hint is taken apart once per process: accounts
    share most of theirs (platform, seller, store)."""
    found: dict[str, tuple[int, str]] = {}
    for hint in hints:
        for spelling, habit in _hint_pieces(hint):
            if spelling not in found:
                found[spelling] = (1, habit) if habit == "qq" else (len(found) + 1, habit)
    return found


@functools.lru_cache(maxsize=4096)
def _hint_pieces(hint: str) -> tuple[tuple[str, str], ...]:
    lower = hint.lower()
    pieces = []
    local, _, domain = lower.partition("@")
    if domain in ("qq.com", "vip.qq.com", "foxmail.com") and local.isdigit():
        pieces.append((local, "qq"))
    for word in _PARTS.findall(lower):
        pieces.append((word, "hint"))
        pieces += [(variant, "hint") for variant in _name_variants(word)]
    return tuple(pieces)


@functools.lru_cache(maxsize=4096)
def _name_variants(word: str) -> tuple[str, ...]:
    """A romanised full name's parts and reorderings: zhangwei → zhang, wei, weizhang, zw.
    Cached: the words of hints recur far more than the hints (user, com, the seller's)."""
    if not word.isalpha():
        return ()  # a number: no name
    surnames = lists.surnames()
    for cut in range(2, min(len(word), 9)):
        surname, given = word[:cut], word[cut:]
        if surname in surnames and given and _is_pinyin(given):
            return (surname, given, given + surname, surname[0] + given[0])
    return ()


def _is_pinyin(text: str) -> bool:
    syllables = lists.syllables()
    return any(
        text[:cut] in syllables and (cut == len(text) or text[cut:] in syllables)
        for cut in range(1, min(len(text), 6) + 1)
    )
