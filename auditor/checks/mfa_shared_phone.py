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
            f"Keep the phone, but do not let it be the only way in: {_second_ways(accounts)}.",
            subject=accounts[0].mfa_phone,
        )


def _second_ways(accounts: list[Account]) -> str:
    """Backup codes for each account, and a second factor where the platform offers one."""
    with_app = sorted(
        a.id for a in accounts if "an authenticator app" in strong_methods(a.platform)
    )
    steps = [
        f"save the backup codes of {join_names(sorted(a.id for a in accounts))} offline, where "
        "the platform gives them"
    ]
    if with_app:
        steps.append(f"add an authenticator app as a second method on {join_names(with_app)}")
    return "; ".join(steps)


def _action(facts: ActionFacts) -> str:
    return (
        f"Save backup codes for {join_names(facts.ids)}, so losing {facts.subject} does not "
        "lock you out of them all"
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
