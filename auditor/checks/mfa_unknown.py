"""mfa.unknown: the inventory does not say which second factor the account uses."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_some_names
from auditor.i18n import N_, _
from auditor.inventory import platforms
from auditor.vocabulary import Severity


def find_unknown_mfa(context: AuditContext) -> Iterator[Finding]:
    """Accounts with `mfa = "unknown"`."""
    for account in context.reported_accounts:
        if account.mfa == "unknown":
            yield CHECK.finding(
                [account.id],
                _(
                    "The inventory does not say which two-step verification {id} uses, so nobody "
                    "can tell whether a password alone opens it"
                ).format(id=account.id),
                _("Look {where} and set mfa for {id} in the inventory.").format(
                    where=platforms.security_settings(account.platform), id=account.id
                ),
            )


def _action(facts: ActionFacts) -> str:
    if len(facts.ids) == 1:
        return _(
            "Find out which 2FA {who} uses and record it: `store-audit set {id} mfa=METHOD`"
        ).format(who=facts.who, id=facts.first)
    return _(
        "Find out which 2FA {accounts} use and record each: `store-audit set ID mfa=METHOD`"
    ).format(accounts=join_some_names(facts.ids))


CHECK = Check(
    id="mfa.unknown",
    severity=Severity.MEDIUM,
    fires_when='`mfa = "unknown"`',
    advice=N_("Check the account's security settings and record its 2FA in the inventory."),
    run=find_unknown_mfa,
    fix=Fix.RECORD,
    action=_action,
)
