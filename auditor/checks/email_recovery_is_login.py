"""email.recovery-is-login: the recovery email is the login mailbox itself, so losing that one
mailbox leaves no second way back in."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.emails import canonical_mailbox
from auditor.findings import Finding, finding

ID = "email.recovery-is-login"


def find_recovery_is_login(ctx: AuditContext) -> Iterator[Finding]:
    """Compare each account's recovery mailbox with its login mailbox."""
    for account in ctx.accounts:
        if not account.recovery_email:
            continue
        mailbox = canonical_mailbox(account.login).canonical
        if canonical_mailbox(account.recovery_email).canonical == mailbox:
            yield finding(
                ID,
                CATALOG[ID].severity,
                [account.id],
                f"{account.id}'s recovery email is its login mailbox {mailbox}: if that mailbox is "
                "lost or taken over, there is no second way back in",
                f"Set a recovery email on {account.platform_name} that is a different mailbox, "
                "one with its own 2FA.",
            )
