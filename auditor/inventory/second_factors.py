"""The second factors a platform offers, as advice words them (from the platform catalog, never
assumed), and what an account of each kind is to an attacker: the words the checks share so
their advice stays true of the account in front of them."""

from __future__ import annotations

from auditor.findings import join_names
from auditor.i18n import N_, _, or_list
from auditor.inventory import Account, platforms

_STRONG_METHODS = {
    "passkey": (N_("a passkey"), N_("passkeys")),  # first: phishing-proof and free where offered
    "totp": (N_("an authenticator app"), N_("authenticator apps")),
    "security-key": (N_("a security key"), N_("security keys")),
    "push": (
        N_("sign-in prompts on a trusted device"),
        N_("sign-in prompts on a trusted device"),
    ),
}
"""Catalog method → how advice names one of it, and how a list of offers names it. The English
phrases double as ids in the checks' logic; `_()` translates them where a sentence shows them
(`either`, `shown`)."""

METHOD_NAMES = {
    "sms": N_("text-message codes"),
    "voice": N_("phone-call codes"),
    "email": N_("email codes"),
    "totp": N_("an authenticator app"),
    "push": N_("sign-in prompts"),
    "security-key": N_("a security key"),
    "passkey": N_("a passkey"),
}
"""An inventory `mfa` value as a sentence names it (English; `_()` where shown)."""


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
    """`a`, `a or b`, `a, b or c` of the English phrases above, in the run's language."""
    return or_list([_(option) for option in options])


def both(options: list[str]) -> str:
    """`a`, `a and b`, `a, b and c` of the English phrases above, in the run's language."""
    return join_names([_(option) for option in options])


def second_factor(account: Account) -> str:
    """`with an authenticator app or a security key`, by what the platform offers; a plain
    `in its security settings` when the catalog says nothing about the platform."""
    methods = strong_methods(account.platform)
    if methods:  # two choices are advice; three are a menu
        return _("with {methods}").format(methods=either(methods[:2]))
    return platforms.security_settings(account.platform)


def what_it_guards(account: Account, dependents: list[str]) -> str:
    """What a sensitive account in a group is to an attacker, in its own kind's words."""
    if account.kind == "mailbox":
        if dependents:
            return _("the mailbox {id}, which can reset {accounts}").format(
                id=account.id, accounts=join_names(dependents)
            )
        return _("the mailbox {id}").format(id=account.id)
    if account.kind == "payment":
        return _("the payment account {id}, which holds the money").format(id=account.id)
    return account.id


def backup_codes_step(account: Account) -> str | None:
    """The backup-code step that is true of the platform: save them where the catalog says it
    issues them, find out where nobody knows, nothing where its complete method list has none
    (Seller Central)."""
    offered = platforms.offers(account.platform, platforms.BACKUP_CODES)
    if offered:
        return _(
            "save {platform}'s backup codes for {id} offline and store them with "
            "`store-audit set-secret {id} --backup-codes`"
        ).format(platform=account.platform_name, id=account.id)
    if offered is None:
        return _(
            "check {place} for backup codes; if {platform} issues them, keep them offline and "
            "store them with `store-audit set-secret {id} --backup-codes`"
        ).format(
            place=platforms.settings_place(account.platform),
            platform=account.platform_name,
            id=account.id,
        )
    return None


def other_strong_methods(account: Account) -> list[str]:
    """The stronger-than-SMS methods the platform offers besides the account's own, as advice
    names them (a passkey first)."""
    own = METHOD_NAMES.get(account.mfa)
    return [m for m in strong_methods(account.platform) if m != own]
