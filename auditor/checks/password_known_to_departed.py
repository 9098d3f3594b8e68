"""password.known-to-departed: an account's password is older than the day someone who signed
in with it left. They may still know it (or have it saved in a browser or a tool)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.inventory import Account
from auditor.inventory.people_access import people_by_id
from auditor.vocabulary import Severity


def find_known_to_departed(context: AuditContext) -> Iterator[Finding]:
    """Accounts whose `login_users` name someone gone by today, with no password change
    recorded on or after the day they left."""
    people = people_by_id(context.inventory)
    for account in context.reported_accounts:
        knew = [
            person
            for person in (people[p] for p in account.access.login_users)
            if person.left is not None
            and person.has_left(context.today)
            and (account.password_changed is None or account.password_changed < person.left)
        ]
        if not knew:
            continue
        latest = max(p.left for p in knew if p.left is not None)
        changed = (
            f"was last changed {account.password_changed.isoformat()}"
            if account.password_changed
            else "has no change recorded"
        )
        yield CHECK.finding(
            [account.id],
            f"{account.id}'s password {changed}, before "
            f"{join_names(f'{p.label} left on {p.left}' for p in knew)}; "
            "they signed in with it and may still know it",
            f"Change the {account.platform_name} password now and store it with `store-audit "
            f"set-secret {account.id} --force` (that records password_changed), then sign out the "
            f"devices it trusts; a change recorded on or after {latest.isoformat()} ends this.",
            severity=_severity(context, account),
        )


def _severity(context: AuditContext, account: Account) -> Severity:
    """Critical where others' recovery runs through it, or where the money is."""
    if account.kind == "payment" or (account.kind == "mailbox" and context.dependents(account.id)):
        return Severity.CRITICAL
    return CHECK.severity


CHECK = Check(
    id="password.known-to-departed",
    severity=Severity.HIGH,
    fires_when=(
        "an account's password is older than the day someone who signed in with it "
        "(`login_users`) left"
    ),
    advice="Change the password and record it (`store-audit set-secret ID`).",
    severity_note="critical for a payment account or a mailbox others sign in or recover through",
    run=find_known_to_departed,
    fix=Fix.PASSWORD,
    action=change_passwords,
)
