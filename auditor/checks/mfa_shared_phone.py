"""mfa.shared-phone: one phone number receives the codes for several accounts, so losing or
porting that number locks the seller out of all of them at once."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext, recorded_twice
from auditor.checks.findings import Finding, join_names
from auditor.checks.wording import strong_methods
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
        if len(accounts) < 2 or recorded_twice(accounts):
            continue
        ids = sorted(a.id for a in accounts)
        every = "both" if len(ids) == 2 else "all of them"
        yield CHECK.finding(
            ids,
            f"{accounts[0].mfa_phone} receives the codes for {join_names(ids)}: losing, "
            f"replacing or having that one number ported away locks you out of {every} at once",
            "Keep the phone, but do not let it be the only way in: "
            f"{_second_ways(accounts, context)}.",
            subject=accounts[0].mfa_phone,
        )


def _second_ways(accounts: list[Account], context: AuditContext) -> str:
    """Backup codes for each account that has none stored, and a second factor where the
    platform offers one; the accounts whose codes are stored are named as such."""
    with_app = sorted(
        a.id for a in accounts if "an authenticator app" in strong_methods(a.platform)
    )
    stored = {a.id: context.secrets.backup_codes(a.id) for a in accounts}
    lacking = sorted(i for i, count in stored.items() if not count)
    steps = []
    if lacking:
        steps.append(
            f"save the backup codes of {join_names(lacking)} offline, where the platform gives them"
        )
    kept = [f"{i} has {stored[i]}" for i in sorted(stored) if stored[i]]
    if kept:
        steps.append(f"keep the stored backup codes where you can reach them ({', '.join(kept)})")
    if with_app:
        steps.append(f"add an authenticator app as a second method on {join_names(with_app)}")
    return "; ".join(steps)


def _action(facts: ActionFacts) -> str:
    # what each account needs (backup codes, an app) is in the finding: some have codes stored
    return (
        f"Give {join_names(facts.ids)} a way in that is not {facts.subject}, so losing it does "
        "not lock you out of them all"
    )


CHECK = Check(
    id="mfa.shared-phone",
    severity=Severity.MEDIUM,
    fires_when="one phone number receives codes for several accounts",
    advice=(
        "Save each account's backup codes offline and add an authenticator app where the platform "
        "offers one, so losing the one number does not lock you out of them all."
    ),
    across_accounts=True,
    run=find_shared_phones,
    fix=Fix.OWN,
    action=_action,
)
