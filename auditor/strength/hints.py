"""The names an attacker tries first for an account, given to the estimators as hints: the
account's id, login, platform, store, region, the seller's name, and the numbers a seller's
context gives away (the QQ number of a QQ mailbox, the phone that gets the codes)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.inventory import Account, platforms
from auditor.inventory.emails import is_address

_WORDS = re.compile(r"[\s._@+-]+")
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
