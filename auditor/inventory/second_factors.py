"""The second factors a platform offers, as advice words them (from the platform catalog, never
assumed), and what an account of each kind is to an attacker: the words the checks share so
their advice stays true of the account in front of them."""

from __future__ import annotations

from auditor.findings import join_names
from auditor.inventory import Account, platforms

_STRONG_METHODS = {
    "passkey": ("a passkey", "passkeys"),  # first: phishing-proof and free where offered
    "totp": ("an authenticator app", "authenticator apps"),
    "security-key": ("a security key", "security keys"),
    "push": ("sign-in prompts on a trusted device", "sign-in prompts on a trusted device"),
}
"""Catalog method → how advice names one of it, and how a list of offers names it."""

METHOD_NAMES = {
    "sms": "text-message codes",
    "voice": "phone-call codes",
    "email": "email codes",
    "totp": "an authenticator app",
    "push": "sign-in prompts",
    "security-key": "a security key",
    "passkey": "a passkey",
}
"""An inventory `mfa` value as a sentence names it."""


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


def backup_codes_step(account: Account) -> str | None:
    """The backup-code step that is true of the platform: save them where the catalog says it
    issues them, find out where nobody knows, nothing where its complete method list has none
    (Seller Central)."""
    offered = platforms.offers(account.platform, platforms.BACKUP_CODES)
    store = f"store them with `store-audit set-secret {account.id} --backup-codes`"
    if offered:
        return f"save {account.platform_name}'s backup codes for {account.id} offline and {store}"
    if offered is None:
        return (
            f"check {platforms.security_settings(account.platform).removeprefix('in ')} for "
            f"backup codes; if {account.platform_name} issues them, keep them offline and {store}"
        )
    return None


def other_strong_methods(account: Account) -> list[str]:
    """The stronger-than-SMS methods the platform offers besides the account's own, as advice
    names them (a passkey first)."""
    own = METHOD_NAMES.get(account.mfa)
    return [m for m in strong_methods(account.platform) if m != own]
