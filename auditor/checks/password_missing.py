"""password.missing: the keyring holds no password for the account, so nothing about it can be
checked, and the seller is one forgotten password away from a locked store."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _
from auditor.vocabulary import Severity


def find_missing_passwords(context: AuditContext) -> Iterator[Finding]:
    """Accounts with no (or an empty) password entry."""
    for account in context.reported_accounts:
        if context.secrets.password(account.id) is None:
            yield CHECK.finding(
                [account.id],
                _(
                    "No password for {id} in the keyring (service {service!r}, user {user!r}), so "
                    "its password was not audited"
                ).format(id=account.id, service=account.service, user=account.login),
                _(
                    "Store it with `store-audit set-secret {id}`; if nobody knows it, reset it "
                    'through {platform}\'s "Forgot password" first.'
                ).format(id=account.id, platform=account.platform_name),
            )


def _action(facts: ActionFacts) -> str:
    return _("Store the password of {who} in the keyring: `store-audit set-secret {id}`").format(
        who=facts.who, id=facts.first
    )


CHECK = Check(
    id="password.missing",
    severity=Severity.HIGH,
    fires_when=N_("no password for the account in the keyring"),
    advice=N_(
        "Store the password with `store-audit set-secret ID`; if nobody knows it, reset it with "
        'the platform\'s "Forgot password" first.'
    ),
    run=find_missing_passwords,
    fix=Fix.OWN,
    action=_action,
)
