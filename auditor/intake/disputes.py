"""Entries for one login that disagree on a secret: which secret, and what the plan says about it.

Such an account is still imported, without the disputed secret, so the audit reports it
(password.missing) instead of the store silently vanishing from the inventory.
"""

from __future__ import annotations

from auditor.i18n import _, pgettext
from auditor.intake.importers import ExportEntry


def disputed_secret(entries: list[ExportEntry]) -> str | None:
    """What entries for one login disagree on ("passwords" or "TOTP seeds"), or None. Such an
    account is imported without the disputed secret, so the audit asks for it."""
    for what, values in (
        ("passwords", [e.password for e in entries]),
        ("TOTP seeds", [e.totp for e in entries]),
    ):
        if len({value.fingerprint() for value in values if value is not None}) > 1:
            return what
    return None


def describe_dispute(entries: list[ExportEntry], account_id: str) -> str | None:
    """Which entries disagree on a secret, and what the import did about it."""
    what = disputed_secret(entries)
    if what is None:
        return None
    numbers = pgettext("between entry numbers", " and ").join(str(e.entry) for e in entries)
    if what == "passwords":
        message = _(
            "entries {numbers} hold different passwords: no password imported; keep the right "
            "one in the password manager, then `store-audit set-secret {account}`"
        )
    else:
        message = _(
            "entries {numbers} hold different TOTP seeds: no TOTP seed imported; keep the right "
            "one in the password manager, then `store-audit set-secret {account} --totp`"
        )
    return message.format(numbers=numbers, account=account_id)
