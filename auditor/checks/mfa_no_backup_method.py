"""mfa.no-backup-method: the platform's 2FA keeps a backup method (Seller Central's 2SV: a
primary and a backup, one of them a phone, on different numbers) and the inventory does not
say what it is, or names a phone backup without its number. When the primary is lost, "Didn't
receive the code?" sends the code to the backup: a seller who cannot say where that goes cannot
check it is a phone the company still controls, of its own, not shared with other stores."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_some_names
from auditor.i18n import N_, _
from auditor.inventory import Account, platforms
from auditor.vocabulary import Severity

PHONE_METHODS = frozenset({"sms", "voice"})


def find_missing_backup_methods(context: AuditContext) -> Iterator[Finding]:
    """Accounts on a platform that requires a backup method, whose record lacks it or its
    phone number."""
    for account in context.reported_accounts:
        platform = platforms.lookup(account.platform)
        if platform is None or not platform.twofa.backup_method:
            continue
        if account.mfa in ("none", "unknown") or platform.offers(account.mfa) is False:
            continue  # mfa.unknown or mfa.impossible-record asks for the whole record first
        missing = _missing(account)
        if missing is None:
            continue
        yield CHECK.finding(
            [account.id],
            _(
                "{id}: the inventory does not say {missing}; {platform} requires a backup method "
                "({source}), and when the primary is lost “Didn't receive the code?” sends the "
                "code there, so check it is a phone your company controls, on a number of its own "
                "that no other store uses"
            ).format(
                id=account.id,
                missing=missing,
                platform=platform.name,
                source=platform.twofa.backup_method,
            ),
            _(
                "Record it from {place}: `store-audit set {id} mfa_backup=sms "
                "mfa_backup_phone=+NUMBER`."
            ).format(place=platforms.settings_place(account.platform), id=account.id),
        )


def _missing(account: Account) -> str | None:
    """What the record leaves out, in words; None when primary and backup are complete."""
    if account.mfa_backup is None:
        return _("which backup method its two-step verification uses")
    if account.mfa_backup in PHONE_METHODS and not account.mfa_backup_phone:
        return _("which phone number its backup codes go to")
    if account.mfa in PHONE_METHODS and not account.mfa_phone:
        return _("which phone number its codes go to")
    return None


def _action(facts: ActionFacts) -> str:
    if len(facts.ids) == 1:
        return _("Record the 2SV backup method of {who} and the phone it rings").format(
            who=facts.who
        )
    return _("Record the 2SV backup methods of {accounts} and the phones they ring").format(
        accounts=join_some_names(facts.ids)
    )


CHECK = Check(
    id="mfa.no-backup-method",
    severity=Severity.MEDIUM,
    fires_when=N_(
        "the platform requires a 2FA backup method (Seller Central) and the inventory does not "
        "record it, or not the phone number it uses"
    ),
    advice=N_(
        "Record the backup method and its phone: a number the company controls, other than the "
        "primary, used by no other store."
    ),
    run=find_missing_backup_methods,
    fix=Fix.RECORD,
    action=_action,
)
