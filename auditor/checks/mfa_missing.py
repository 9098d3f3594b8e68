"""mfa.missing: an account with no second factor; critical for a mailbox or payment account, or
one other accounts sign in or recover through."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.findings import Finding, finding, join_names
from auditor.severity import Severity

ID = "mfa.missing"


def find_missing_mfa(ctx: AuditContext) -> Iterator[Finding]:
    """Accounts with `mfa = "none"`."""
    for account in ctx.accounts:
        if account.mfa != "none":
            continue
        dependents = sorted(ctx.dependents(account.id))
        sensitive = ctx.is_sensitive(account)
        message = (
            f"{account.id} ({account.platform_name} {account.kind} {account.login}) has no "
            "two-step verification: a password is all it takes to get in"
        )
        if dependents:
            message += f", and {join_names(dependents)} sign in or recover through it"
        yield finding(
            ID,
            Severity.CRITICAL if sensitive else CATALOG[ID].severity,
            [account.id],
            message,
            f"Turn on two-step verification for {account.id} with an authenticator app or a "
            "security key, and keep the backup codes offline.",
        )
