"""mfa.unknown: the inventory does not say which second factor the account uses."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.inventory import platforms
from auditor.vocabulary import Severity


def find_unknown_mfa(context: AuditContext) -> Iterator[Finding]:
    """Accounts with `mfa = "unknown"`."""
    for account in context.reported_accounts:
        if account.mfa == "unknown":
            yield CHECK.finding(
                [account.id],
                f"The inventory does not say which two-step verification {account.id} uses, so "
                "nobody can tell whether a password alone opens it",
                f"Look {platforms.security_settings(account.platform)} and set mfa for "
                f"{account.id} in the inventory.",
            )


def _action(facts: ActionFacts) -> str:
    if len(facts.ids) == 1:
        return (
            f"Find out which 2FA {facts.who} uses and record it: "
            f"`store-audit set {facts.first} mfa=METHOD`"
        )
    shown = facts.ids if len(facts.ids) <= 5 else (*facts.ids[:4], f"{len(facts.ids) - 4} more")
    return (
        f"Find out which 2FA {join_names(shown)} use and record each: "
        "`store-audit set ID mfa=METHOD`"
    )


CHECK = Check(
    id="mfa.unknown",
    severity=Severity.MEDIUM,
    fires_when='`mfa = "unknown"`',
    advice="Check the account's security settings and record its 2FA in the inventory.",
    run=find_unknown_mfa,
    fix=Fix.RECORD,
    action=_action,
)
