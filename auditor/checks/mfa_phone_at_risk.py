"""mfa.phone-at-risk: an account's sms or voice codes go to a phone someone other than the owner
holds (staff, a virtual assistant, an agency), or to a prepaid or virtual number. A staff phone
leaves with the person; a cancelled prepaid or virtual number is reissued (in China after 90
days), and the store's codes then reach a stranger."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.checks.people_access import is_owner, people_by_id, phone_record
from auditor.findings import Finding
from auditor.inventory import Account
from auditor.inventory.people import REISSUED_LINES
from auditor.inventory.second_factors import strong_methods
from auditor.vocabulary import Severity


def find_phone_at_risk(context: AuditContext) -> Iterator[Finding]:
    """sms and voice accounts whose `mfa_phone` (or backup method's `mfa_backup_phone`) is a
    `[[phones]]` record held by someone who is not an owner (and has not left: that is
    access.departed's), or a prepaid or virtual line."""
    people = people_by_id(context)
    for account in context.reported_accounts:
        # the primary method's phone, then the backup method's (Seller Central's 2SV backup)
        found = next(
            (
                (key, record)
                for key, method, phone in (
                    ("mfa_phone", account.mfa, account.mfa_phone),
                    ("mfa_backup_phone", account.mfa_backup, account.mfa_backup_phone),
                )
                if method in ("sms", "voice") and (record := phone_record(context, phone))
            ),
            None,
        )
        if found is None:
            continue
        key, record = found
        holder = people.get(record.holder) if record.holder else None
        risks = []
        if holder is not None and not is_owner(holder) and not holder.has_left(context.today):
            risks.append(f"is held by {holder.label}, and leaves with them")
        if record.line in REISSUED_LINES:
            risks.append(
                f"is a {record.line} number: once cancelled or lapsed it is reissued to "
                "someone else (in China after 90 days), who then receives the codes"
            )
        if not risks:
            continue
        sensitive = context.is_sensitive(account)
        yield CHECK.finding(
            [account.id],
            f"{account.id}'s codes go to {record.number}, which " + "; it ".join(risks),
            f"Move {account.id}'s codes to {_target(account)}, then record it with `store-audit "
            f"set {account.id} {key}=...` (or mfa=totp).",
            subject=record.number,
            severity=Severity.HIGH if sensitive else CHECK.severity,
        )


def _target(account: Account) -> str:
    """An authenticator app the owner holds where the platform offers one (per the catalog)."""
    if "an authenticator app" in strong_methods(account.platform):
        return "an authenticator app on a phone the owner holds, or a company line the owner holds"
    return "a company line the owner holds (a contract, not prepaid)"


def _action(facts: ActionFacts) -> str:
    return f"Move {facts.who}'s codes off {facts.subject}, to a phone or app the owner holds"


CHECK = Check(
    id="mfa.phone-at-risk",
    severity=Severity.MEDIUM,
    fires_when=(
        "sms or voice codes go to a phone held by staff, a virtual assistant or an agency, or "
        "to a prepaid or virtual number (reissued to a stranger once cancelled)"
    ),
    advice=("Move the codes to an authenticator app or a company line the owner holds."),
    severity_note="high for a mailbox or payment account, or one others depend on",
    run=find_phone_at_risk,
    fix=Fix.MFA,
    action=_action,
)
