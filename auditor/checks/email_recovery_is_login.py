"""email.recovery-is-login: the recovery email is the login mailbox itself, so losing that one
mailbox leaves no second way back in."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _
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
                _(
                    "{id}'s recovery email is its login mailbox {mailbox}: if that mailbox is lost "
                    "or taken over, there is no second way back in"
                ).format(id=account.id, mailbox=mailbox),
                _(
                    "Set a recovery email on {platform} that is a different mailbox, one with its "
                    "own 2FA."
                ).format(platform=account.platform_name),
            )


def _action(facts: ActionFacts) -> str:
    return _("Give {who} a recovery email on a different mailbox").format(who=facts.who)


CHECK = Check(
    id="email.recovery-is-login",
    severity=Severity.MEDIUM,
    fires_when=N_("the recovery email is the login mailbox itself"),
    advice=N_("Set a recovery email on a different mailbox that has its own 2FA."),
    run=find_recovery_is_login,
    fix=Fix.OWN,
    action=_action,
)
