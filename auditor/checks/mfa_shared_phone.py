"""mfa.shared-phone: one phone number receives the codes for several accounts, so losing or
porting that number locks the seller out of all of them at once."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.findings import Finding, finding, join_names
from auditor.inventory import Account

ID = "mfa.shared-phone"


def phone_key(phone: str) -> str:
    """Digits only, with an international `00` prefix read as `+`."""
    digits = re.sub(r"\D", "", phone)
    return digits[2:] if phone.strip().startswith("00") else digits


def find_shared_phones(ctx: AuditContext) -> Iterator[Finding]:
    """Group accounts by the number in `mfa_phone`."""
    groups: dict[str, list[Account]] = defaultdict(list)
    for account in ctx.accounts:
        if account.mfa_phone:
            groups[phone_key(account.mfa_phone)].append(account)
    for accounts in groups.values():
        if len(accounts) < 2:
            continue
        ids = sorted(a.id for a in accounts)
        yield finding(
            ID,
            CATALOG[ID].severity,
            ids,
            f"{accounts[0].mfa_phone} receives the codes for {join_names(ids)}: losing, "
            "replacing or having that one number ported away locks you out of all of them",
            "Move these accounts to an authenticator app or security key, so no single phone "
            "number is the key to all of them.",
            subject=accounts[0].mfa_phone,
        )
