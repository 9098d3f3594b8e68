"""mfa.totp-invalid: a stored TOTP seed that cannot generate codes (bad base32, a bad URI)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.findings import Finding, finding
from auditor.totp import TotpError

ID = "mfa.totp-invalid"


def find_invalid_seeds(ctx: AuditContext) -> Iterator[Finding]:
    """Seeds whose parse failed, with the reason (which never quotes the seed)."""
    for account in ctx.accounts:
        problem = ctx.seeds.get(account.id)
        if isinstance(problem, TotpError):
            yield finding(
                ID,
                CATALOG[ID].severity,
                [account.id],
                f"The TOTP seed stored for {account.id} cannot generate codes: {problem}; "
                "codes from it will never match",
                f"Re-enrol the authenticator on {account.platform_name} and store the new seed "
                f"with `store-audit set-secret {account.id} --totp`.",
            )
