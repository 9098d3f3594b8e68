"""mfa.few-backup-codes: fewer than 3 backup codes are left, so the next lost phone may find
the seller with none. `store-audit use-backup-code` keeps the count true. Not for a platform
whose catalog entry says it issues no codes: there are none to generate, and the codes stored
are a wrong record (mfa.impossible-record)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _, ngettext
from auditor.inventory import platforms
from auditor.vocabulary import Severity

FEW = 3
"""Fewer codes than this left fires the check."""


def find_few_backup_codes(context: AuditContext) -> Iterator[Finding]:
    """Accounts with one or two stored backup codes (none at all is mfa.no-backup-codes)."""
    for account in context.reported_accounts:
        left = context.secrets.backup_codes(account.id)
        issues_none = platforms.offers(account.platform, platforms.BACKUP_CODES) is False
        if not 0 < left < FEW or issues_none:
            continue
        message = ngettext(
            "{id} has {count} backup code left: once it is used, a lost phone locks you out",
            "{id} has {count} backup codes left: once they are used, a lost phone locks you out",
            left,
        )
        yield CHECK.finding(
            [account.id],
            message.format(id=account.id, count=left),
            _(
                "Generate a new set of backup codes in {platform}'s security settings and store "
                "it with `store-audit set-secret {id} --backup-codes --force`."
            ).format(platform=account.platform_name, id=account.id),
        )


def _action(facts: ActionFacts) -> str:
    return _("Generate a new set of backup codes for {who}").format(who=facts.who)


CHECK = Check(
    id="mfa.few-backup-codes",
    severity=Severity.LOW,
    fires_when=N_("fewer than 3 backup codes are left"),  # FEW
    advice=N_(
        "Generate a new set of backup codes and store it with `set-secret ID --backup-codes`."
    ),
    run=find_few_backup_codes,
    fix=Fix.OWN,
    action=_action,
)
