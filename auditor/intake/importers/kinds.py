"""What the items of an export that are no login are called, one and many.

Importers name a non-login item with one of these words (its `ExportEntry.kind`). A type the
manager wrote that store-audit has no word for keeps the manager's own spelling, and is counted
as `2 items of type "Emails"`: no plural is made up for a word nobody checked.
"""

from __future__ import annotations

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
    that has no word here."""
    plural = PLURALS.get(kind)
    if plural is not None:
        return f"{count} {kind if count == 1 else plural}"
    return f'{count} item{"" if count == 1 else "s"} of type "{kind}"'
