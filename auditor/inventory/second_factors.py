"""The second factors a platform offers, as advice words them (from the platform catalog, never
assumed), and what an account of each kind is to an attacker: the words the checks share so
their advice stays true of the account in front of them."""

from __future__ import annotations

from auditor.findings import join_names
from auditor.inventory import Account, platforms

_STRONG_METHODS = {
    "totp": ("an authenticator app", "authenticator apps"),
    "security-key": ("a security key", "security keys"),
    "passkey": ("a passkey", "passkeys"),  # a catalog method once the inventory knows passkeys
    "push": ("sign-in prompts on a trusted device", "sign-in prompts on a trusted device"),
}
"""Catalog method → how advice names one of it, and how a list of offers names it."""


def strong_methods(platform_id: str) -> list[str]:
    """The catalog's stronger-than-SMS methods for a platform, as advice names them; empty when
    the catalog makes no sourced claim."""
    known = platforms.lookup(platform_id)
    offered = known.mfa_offered if known else frozenset()
    return [one for method, (one, _) in _STRONG_METHODS.items() if method in offered]


def offered_methods(platform_id: str) -> list[str]:
    """The same, in the plural a list of what a platform offers reads."""
    known = platforms.lookup(platform_id)
    offered = known.mfa_offered if known else frozenset()
    return [many for method, (_, many) in _STRONG_METHODS.items() if method in offered]


def either(options: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    if len(options) <= 1:
        return "".join(options)
    return f"{', '.join(options[:-1])} or {options[-1]}"


def second_factor(account: Account) -> str:
    """`with an authenticator app or a security key`, by what the platform offers; a plain
    `in its security settings` when the catalog says nothing about the platform."""
    methods = strong_methods(account.platform)
    if methods:
        return f"with {either(methods[:2])}"  # two choices are advice; three are a menu
    return platforms.security_settings(account.platform)


def what_it_guards(account: Account, dependents: list[str]) -> str:
    """What a sensitive account in a group is to an attacker, in its own kind's words."""
    if account.kind == "mailbox":
        if dependents:
            return f"the mailbox {account.id}, which can reset {join_names(dependents)}"
        return f"the mailbox {account.id}"
    if account.kind == "payment":
        return f"the payment account {account.id}, which holds the money"
    return account.id
