"""mfa.few-backup-codes: fewer than 3 backup codes are left, so the next lost phone may find
the seller with none. `store-audit use-backup-code` keeps the count true."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.vocabulary import Severity

FEW = 3
"""Fewer codes than this left fires the check."""


def find_few_backup_codes(context: AuditContext) -> Iterator[Finding]:
    """Accounts with one or two stored backup codes (none at all is mfa.no-backup-codes)."""
    for account in context.reported_accounts:
        left = context.secrets.backup_codes(account.id)
        if not 0 < left < FEW:
            continue
        codes = "backup code" if left == 1 else "backup codes"
        yield CHECK.finding(
            [account.id],
            f"{account.id} has {left} {codes} left: once they are used, a lost phone locks you out",
            f"Generate a new set of backup codes in {account.platform_name}'s security settings "
            f"and store it with `store-audit set-secret {account.id} --backup-codes --force`.",
        )


def _action(facts: ActionFacts) -> str:
    return f"Generate a new set of backup codes for {facts.who}"


CHECK = Check(
    id="mfa.few-backup-codes",
    severity=Severity.LOW,
    fires_when=f"fewer than {FEW} backup codes are left",
    advice="Generate a new set of backup codes and store it with `set-secret ID --backup-codes`.",
    run=find_few_backup_codes,
    fix=Fix.OWN,
    action=_action,
)
