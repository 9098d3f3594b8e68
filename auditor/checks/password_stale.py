"""password.stale: a password older than the policy's `max_password_age_days`."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _
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
                _(
                    "{id}'s password was last changed {date}, {age} days ago (the policy allows "
                    "{limit})"
                ).format(
                    id=account.id,
                    date=account.password_changed.isoformat(),
                    age=f"{age:,}",
                    limit=f"{limit:,}",
                ),
                _("Change the {platform} password and record the date in password_changed.").format(
                    platform=account.platform_name
                ),
            )


CHECK = Check(
    id="password.stale",
    severity=Severity.LOW,
    fires_when=N_("older than `max_password_age_days`"),
    advice=N_("Change it and record the date in password_changed."),
    run=find_stale_passwords,
    fix=Fix.PASSWORD,
    action=change_passwords,
)
