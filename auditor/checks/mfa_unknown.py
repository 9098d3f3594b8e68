"""mfa.unknown: the inventory does not say which second factor the account uses."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.findings import Finding, finding

ID = "mfa.unknown"


def find_unknown_mfa(ctx: AuditContext) -> Iterator[Finding]:
    """Accounts with `mfa = "unknown"`."""
    for account in ctx.accounts:
        if account.mfa == "unknown":
            yield finding(
                ID,
                CATALOG[ID].severity,
                [account.id],
                f"The inventory does not say which two-step verification {account.id} uses, so "
                "nobody can tell whether a password alone opens it",
                f"Check the security settings on {account.platform_name} and set mfa for "
                f"{account.id} in the inventory.",
            )
