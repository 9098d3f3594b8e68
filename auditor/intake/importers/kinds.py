"""What the items of an export that are no login are called, one and many.

Importers name a non-login item with one of these words (its `ExportEntry.kind`). A type the
manager wrote that store-audit has no word for keeps the manager's own spelling, and is counted
as `2 items of type "Emails"`: no plural is made up for a word nobody checked.
"""

from __future__ import annotations

from auditor.i18n import ENGLISH, N_, _, current

PLURALS = {
    "API credential": "API credentials",
    "bank account": "bank accounts",
    "card": "cards",
    "credit card": "credit cards",
    "crypto wallet": "crypto wallets",
    "database": "databases",
    "document": "documents",
    "driver license": "driver licenses",
    "email account": "email accounts",
    "identity": "identities",
    "medical record": "medical records",
    "membership": "memberships",
    "non-login item": "non-login items",
    "outdoor license": "outdoor licenses",
    "passport": "passports",
    "reward program": "reward programs",
    "secure note": "secure notes",
    "server": "servers",
    "social security number": "social security numbers",
    "software license": "software licenses",
    "SSH key": "SSH keys",
    "unknown item": "unknown items",
    "untyped item": "untyped items",
    "wireless router": "wireless routers",
}
"""Every word an importer names a non-login item with, and its plural."""


def count_of(kind: str, count: int) -> str:
    """`1 identity`, `2 secure notes`; `2 items of type "Emails"` for a type of the manager's own
    that has no word here. In Chinese, `2 个安全笔记` (the kind's word from CHINESE)."""
    plural = PLURALS.get(kind)
    if current() != ENGLISH:
        word = _(CHINESE[kind]) if kind in CHINESE else kind
        return _("{count} item(s) of kind {kind}").format(count=count, kind=word)
    if plural is not None:
        return f"{count} {kind if count == 1 else plural}"
    return f'{count} item{"" if count == 1 else "s"} of type "{kind}"'


CHINESE = {
    "API credential": N_("API credential"),
    "bank account": N_("bank account"),
    "card": N_("card"),
    "credit card": N_("credit card"),
    "crypto wallet": N_("crypto wallet"),
    "database": N_("database"),
    "document": N_("document"),
    "driver license": N_("driver license"),
    "email account": N_("email account"),
    "identity": N_("identity"),
    "medical record": N_("medical record"),
    "membership": N_("membership"),
    "non-login item": N_("non-login item"),
    "outdoor license": N_("outdoor license"),
    "passport": N_("passport"),
    "reward program": N_("reward program"),
    "secure note": N_("secure note"),
    "server": N_("server"),
    "social security number": N_("social security number"),
    "software license": N_("software license"),
    "SSH key": N_("SSH key"),
    "unknown item": N_("unknown item"),
    "untyped item": N_("untyped item"),
    "wireless router": N_("wireless router"),
}
"""The same words, marked for the languages that have one form for one and many."""
