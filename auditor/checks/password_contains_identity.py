"""password.contains-identity: the password holds the store, platform or login name, the first
thing anyone who knows the account tries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, or_list
from auditor.inventory import Account, platforms
from auditor.inventory.emails import is_address
from auditor.vocabulary import Severity

MIN_NAME = 4
"""Names shorter than this turn up inside too many unrelated passwords."""
GENERIC_WORDS = frozenset({"shop", "store", "home", "mail", "seller", "online", "official", "the"})
_LEET = str.maketrans("@4310$5!7|", "aaeiossitl")
_SPLIT = re.compile(r"[\s._+-]+")


def identity_names(account: Account, seller_name: str | None) -> dict[str, set[str]]:
    """The names an account goes by, by what they are: platform, store (its own `store` name),
    business (the seller's name) and login."""

    def words(text: str | None) -> set[str]:
        found = {w.lower() for w in _SPLIT.split(text or "") if len(w) >= MIN_NAME}
        return found - GENERIC_WORDS

    own_name = "store name" if account.kind == "store" else "account name"
    names: dict[str, set[str]] = {
        "platform name": {
            n.replace(" ", "") for n in platforms.names_of(account.platform) if len(n) >= MIN_NAME
        },
        own_name: words(account.store),
        "business name": words(seller_name) - words(account.store),
    }
    user = account.login.rpartition("@")[0] if is_address(account.login) else account.login
    login = words(user)
    if len(user) >= MIN_NAME:
        login.add(user.lower())
    names["login name"] = login
    return names


def find_identity_in_passwords(context: AuditContext) -> Iterator[Finding]:
    """Look for each name in the password, as typed and with common letter swaps undone."""
    for account in context.reported_accounts:
        password = context.secrets.password(account.id)
        if password is None:
            continue
        lowered = password.reveal().lower()
        forms = (lowered, lowered.translate(_LEET))
        held = [
            what
            for what, names in identity_names(account, context.inventory.seller.name).items()
            if any(name in form for name in names for form in forms)
        ]
        if held:
            shown = [_(_NAMES[what]) for what in held]
            message = (
                _(
                    "{id}'s password contains its {names}: the first guess of anyone who knows "
                    "which store it is"
                )
                if account.kind == "store"
                else _(
                    "{id}'s password contains its {names}: the first guess of anyone who knows "
                    "whose account it is"
                )
            )
            yield CHECK.finding(
                [account.id],
                message.format(id=account.id, names=join_names(shown)),
                _(
                    "Change the {platform} password to a generated one that holds no name anyone "
                    "could tie to the account (not its {names})."
                ).format(platform=account.platform_name, names=or_list(shown)),
            )


_NAMES = {
    "platform name": N_("platform name"),
    "store name": N_("store name"),
    "account name": N_("account name"),
    "business name": N_("business name"),
    "login name": N_("login name"),
}
"""The kinds of name `identity_names` finds, as a sentence names them."""


CHECK = Check(
    id="password.contains-identity",
    severity=Severity.MEDIUM,
    fires_when=N_("the password holds the store, platform, or login name"),
    advice=N_(
        "Change it to a generated password that holds none of the account's names: store, "
        "business, platform or login."
    ),
    run=find_identity_in_passwords,
    fix=Fix.PASSWORD,
    action=change_passwords,
)
