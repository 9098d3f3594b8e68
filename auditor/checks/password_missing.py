"""password.missing: the keyring holds no password for the account, so nothing about it can be
checked, and the seller is one forgotten password away from a locked store."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.findings import Finding, finding

ID = "password.missing"


def find_missing_passwords(ctx: AuditContext) -> Iterator[Finding]:
    """Accounts with no (or an empty) password entry."""
    for account in ctx.accounts:
        if ctx.secrets.password(account.id) is None:
            yield finding(
                ID,
                CATALOG[ID].severity,
                [account.id],
                f"No password for {account.id} in the keyring (service {account.service!r}, user "
                f"{account.login!r}), so its password was not audited",
                f"Store it with `store-audit set-secret {account.id}`; if nobody knows it, reset "
                f'it through {account.platform_name}\'s "Forgot password" first.',
            )
