"""password.reused: one password on several accounts, so one leak opens them all."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import SENSITIVE_KINDS, AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _
from auditor.inventory.second_factors import what_it_guards
from auditor.vocabulary import Severity


def find_reused_passwords(context: AuditContext) -> Iterator[Finding]:
    """One finding per group of accounts sharing a password; critical if a mailbox or payment
    account is in it."""
    for group in context.reuse_groups:
        ids = sorted(a.id for a in group)
        sensitive = sorted(a.id for a in group if a.kind in SENSITIVE_KINDS)
        severity = Severity.CRITICAL if sensitive else CHECK.severity
        message = _("{accounts} use the same password: one leak or phishing page opens all").format(
            accounts=join_names(ids)
        )
        if sensitive:
            guards = [
                what_it_guards(context.by_id[i], sorted(context.dependents(i))) for i in sensitive
            ]
            message = _(
                "{accounts} use the same password: one leak or phishing page opens all, "
                "including {guarded}"
            ).format(accounts=join_names(ids), guarded=join_names(guards))
        first = sensitive[0] if sensitive else ids[0]
        yield CHECK.finding(
            ids,
            message,
            _(
                "Give each account its own generated password from a password manager, starting "
                "with {first}."
            ).format(first=first),
            severity=severity,
        )


CHECK = Check(
    id="password.reused",
    severity=Severity.HIGH,
    fires_when=N_("the same password on two or more accounts"),
    advice=N_(
        "Give each account its own generated password, mailboxes and payment accounts first."
    ),
    severity_note=N_("critical when a mailbox or payment account is among them"),
    across_accounts=True,
    run=find_reused_passwords,
    fix=Fix.PASSWORD,
    action=change_passwords,
    weakens_mailbox=True,
    same_password=True,
)
