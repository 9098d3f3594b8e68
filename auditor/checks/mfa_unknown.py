"""mfa.unknown: the inventory does not say which second factor the account uses."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.checks.findings import Finding, finding
from auditor.inventory import platforms
from auditor.vocabulary import Severity


def find_unknown_mfa(context: AuditContext) -> Iterator[Finding]:
    """Accounts with `mfa = "unknown"`."""
    for account in context.accounts:
        if account.mfa == "unknown":
            yield finding(
                CHECK.id,
                CHECK.severity,
                [account.id],
                f"The inventory does not say which two-step verification {account.id} uses, so "
                "nobody can tell whether a password alone opens it",
                f"Look {platforms.security_settings(account.platform)} and set mfa for "
                f"{account.id} in the inventory.",
            )


def _action(facts: ActionFacts) -> str:
    return f"Find out which 2FA {facts.first} uses and record it in the inventory"


CHECK = Check(
    id="mfa.unknown",
    severity=Severity.MEDIUM,
    fires_when='mfa = "unknown"',
    advice="Check the account's security settings and record its 2FA in the inventory.",
    run=find_unknown_mfa,
    fix=Fix.MFA,
    action=_action,
)
