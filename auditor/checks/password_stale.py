"""password.stale: a password older than the policy's `max_password_age_days`."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.vocabulary import Severity


def find_stale_passwords(context: AuditContext) -> Iterator[Finding]:
    """Accounts whose `password_changed` date is further back than the policy allows. Accounts
    without a date are not guessed at."""
    limit = context.inventory.policy.max_password_age_days
    for account in context.reported_accounts:
        if account.password_changed is None:
            continue
        age = (context.today - account.password_changed).days
        if age > limit:
            yield CHECK.finding(
                [account.id],
                f"{account.id}'s password was last changed {account.password_changed.isoformat()}, "
                f"{age:,} days ago (the policy allows {limit:,})",
                f"Change the {account.platform_name} password and record the date in "
                "password_changed.",
            )


CHECK = Check(
    id="password.stale",
    severity=Severity.LOW,
    fires_when="older than `max_password_age_days`",
    advice="Change it and record the date in password_changed.",
    run=find_stale_passwords,
    fix=Fix.PASSWORD,
    action=change_passwords,
)
