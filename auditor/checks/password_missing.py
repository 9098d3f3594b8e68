"""password.missing: the keyring holds no password for the account, so nothing about it can be
checked, and the seller is one forgotten password away from a locked store."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.vocabulary import Severity


def find_missing_passwords(context: AuditContext) -> Iterator[Finding]:
    """Accounts with no (or an empty) password entry."""
    for account in context.reported_accounts:
        if context.secrets.password(account.id) is None:
            yield CHECK.finding(
                [account.id],
                f"No password for {account.id} in the keyring (service {account.service!r}, user "
                f"{account.login!r}), so its password was not audited",
                f"Store it with `store-audit set-secret {account.id}`; if nobody knows it, reset "
                f'it through {account.platform_name}\'s "Forgot password" first.',
            )


def _action(facts: ActionFacts) -> str:
    return (
        f"Store the password of {facts.who} in the keyring: `store-audit set-secret {facts.first}`"
    )


CHECK = Check(
    id="password.missing",
    severity=Severity.HIGH,
    fires_when="no password for the account in the keyring",
    advice=(
        "Store the password with `store-audit set-secret ID`; if nobody knows it, reset it with "
        'the platform\'s "Forgot password" first.'
    ),
    run=find_missing_passwords,
    fix=Fix.OWN,
    action=_action,
)
