"""mfa.shared-phone: one phone number receives the codes for several accounts, so losing or
porting that number locks the seller out of all of them at once."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.checks.findings import Finding, finding, join_names
from auditor.inventory import Account
from auditor.vocabulary import Severity


def phone_key(phone: str) -> str:
    """Digits only, with an international `00` prefix read as `+`."""
    digits = re.sub(r"\D", "", phone)
    return digits[2:] if phone.strip().startswith("00") else digits


def find_shared_phones(context: AuditContext) -> Iterator[Finding]:
    """Group accounts by the number in `mfa_phone`."""
    groups: dict[str, list[Account]] = defaultdict(list)
    for account in context.accounts:
        if account.mfa_phone:
            groups[phone_key(account.mfa_phone)].append(account)
    for accounts in groups.values():
        if len(accounts) < 2:
            continue
        ids = sorted(a.id for a in accounts)
        yield finding(
            CHECK.id,
            CHECK.severity,
            ids,
            f"{accounts[0].mfa_phone} receives the codes for {join_names(ids)}: losing, "
            "replacing or having that one number ported away locks you out of all of them",
            "Move these accounts to an authenticator app or security key, so no single phone "
            "number is the key to all of them.",
            subject=accounts[0].mfa_phone,
        )


def _action(facts: ActionFacts) -> str:
    return f"Move {join_names(facts.ids)} off the one phone number {facts.subject} to app-based 2FA"


CHECK = Check(
    id="mfa.shared-phone",
    severity=Severity.MEDIUM,
    fires_when="one phone number receives codes for several accounts",
    advice="Move the accounts to an authenticator app so no single number unlocks them all.",
    across_accounts=True,
    run=find_shared_phones,
    fix=Fix.OWN,
    action=_action,
)
