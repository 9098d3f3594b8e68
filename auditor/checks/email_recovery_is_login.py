"""email.recovery-is-login: the recovery email is the login mailbox itself, so losing that one
mailbox leaves no second way back in."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.inventory.emails import canonical_mailbox
from auditor.vocabulary import Severity


def find_recovery_is_login(context: AuditContext) -> Iterator[Finding]:
    """Compare each account's recovery mailbox with its login mailbox."""
    for account in context.reported_accounts:
        if not account.recovery_email:
            continue
        mailbox = canonical_mailbox(account.login).canonical
        if canonical_mailbox(account.recovery_email).canonical == mailbox:
            yield CHECK.finding(
                [account.id],
                f"{account.id}'s recovery email is its login mailbox {mailbox}: if that mailbox is "
                "lost or taken over, there is no second way back in",
                f"Set a recovery email on {account.platform_name} that is a different mailbox, "
                "one with its own 2FA.",
            )


def _action(facts: ActionFacts) -> str:
    return f"Give {facts.who} a recovery email on a different mailbox"


CHECK = Check(
    id="email.recovery-is-login",
    severity=Severity.MEDIUM,
    fires_when="the recovery email is the login mailbox itself",
    advice="Set a recovery email on a different mailbox that has its own 2FA.",
    run=find_recovery_is_login,
    fix=Fix.OWN,
    action=_action,
)
