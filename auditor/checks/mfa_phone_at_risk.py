"""mfa.phone-at-risk: an account's sms or voice codes go to a phone someone other than the owner
holds (staff, a virtual assistant, an agency), or to a prepaid or virtual number. A staff phone
leaves with the person; a cancelled prepaid or virtual number is reissued (in China after 90
days), and the store's codes then reach a stranger."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _, pgettext
from auditor.inventory import Account
from auditor.inventory.people import REISSUED_LINES, Person, Phone
from auditor.inventory.people_access import is_owner, people_by_id, phone_record
from auditor.inventory.second_factors import strong_methods
from auditor.vocabulary import Severity


def find_phone_at_risk(context: AuditContext) -> Iterator[Finding]:
    """sms and voice accounts whose `mfa_phone` (or backup method's `mfa_backup_phone`) is a
    `[[phones]]` record held by someone who is not an owner (and has not left: that is
    access.departed's), or a prepaid or virtual line."""
    people = people_by_id(context.inventory)
    for account in context.reported_accounts:
        # the primary method's phone, then the backup method's (Seller Central's 2SV backup)
        found = [
            (key, record, risks)
            for key, method, phone in (
                ("mfa_phone", account.mfa, account.mfa_phone),
                ("mfa_backup_phone", account.mfa_backup, account.mfa_backup_phone),
            )
            if method in ("sms", "voice")
            and (record := phone_record(context.inventory, phone)) is not None
            and (risks := _risks(record, people, context))
        ]
        if not found:
            continue
        key, record, risks = found[0]
        sensitive = context.is_sensitive(account)
        yield CHECK.finding(
            [account.id],
            _("{id}'s codes go to {phone}, which {risks}").format(
                id=account.id,
                phone=record.number,
                risks=pgettext("between the risks of one phone", "; it ").join(risks),
            ),
            _(
                "Move {id}'s codes to {target}, then record it with `store-audit set {id} "
                "{key}=...` (or mfa=totp)."
            ).format(id=account.id, target=_target(account), key=key),
            subject=record.number,
            severity=Severity.HIGH if sensitive else CHECK.severity,
        )


def _risks(record: Phone, people: dict[str, Person], context: AuditContext) -> list[str]:
    """Why codes to this phone are at risk: a holder who is not an owner (and has not left:
    that is access.departed's), a line that is reissued once cancelled."""
    holder = people.get(record.holder) if record.holder else None
    risks = []
    if holder is not None and not is_owner(holder) and not holder.has_left(context.today):
        risks.append(_("is held by {person}, and leaves with them").format(person=holder.label))
    if record.line in REISSUED_LINES:
        line = (
            _(
                "is a prepaid number: once cancelled or lapsed it is reissued to someone else "
                "(in China after 90 days), who then receives the codes"
            )
            if record.line == "prepaid"
            else _(
                "is a virtual number: once cancelled or lapsed it is reissued to someone else "
                "(in China after 90 days), who then receives the codes"
            )
        )
        risks.append(line)
    return risks


def _target(account: Account) -> str:
    """An authenticator app the owner holds where the platform offers one (per the catalog)."""
    if "an authenticator app" in strong_methods(account.platform):
        return _(
            "an authenticator app on a phone the owner holds, or a company line the owner holds"
        )
    return _("a company line the owner holds (a contract, not prepaid)")


def _action(facts: ActionFacts) -> str:
    return _("Move {who}'s codes off {phone}, to a phone or app the owner holds").format(
        who=facts.who, phone=facts.subject
    )


CHECK = Check(
    id="mfa.phone-at-risk",
    severity=Severity.MEDIUM,
    fires_when=N_(
        "sms or voice codes go to a phone held by staff, a virtual assistant or an agency, or "
        "to a prepaid or virtual number (reissued to a stranger once cancelled)"
    ),
    advice=N_("Move the codes to an authenticator app or a company line the owner holds."),
    severity_note=N_("high for a mailbox or payment account, or one others depend on"),
    run=find_phone_at_risk,
    fix=Fix.MFA,
    action=_action,
)
