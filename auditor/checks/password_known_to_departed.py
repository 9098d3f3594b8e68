"""password.known-to-departed: an account's password is older than the day someone who signed
in with it left. They may still know it (or have it saved in a browser or a tool)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _
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
        left = join_names(
            _("{person} left on {date}").format(person=p.label, date=p.left) for p in knew
        )
        message = (
            _(
                "{id}'s password was last changed {changed}, before {left}; they signed in with "
                "it and may still know it"
            )
            if account.password_changed
            else _(
                "{id}'s password has no change recorded, before {left}; they signed in with it "
                "and may still know it"
            )
        )
        changed = account.password_changed.isoformat() if account.password_changed else ""
        yield CHECK.finding(
            [account.id],
            message.format(id=account.id, changed=changed, left=left),
            _(
                "Change the {platform} password now and store it with `store-audit set-secret "
                "{id} --force` (that records password_changed), then sign out the devices it "
                "trusts; a change recorded on or after {date} ends this."
            ).format(platform=account.platform_name, id=account.id, date=latest.isoformat()),
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
    fires_when=N_(
        "an account's password is older than the day someone who signed in with it "
        "(`login_users`) left"
    ),
    advice=N_("Change the password and record it (`store-audit set-secret ID`)."),
    severity_note=N_(
        "critical for a payment account or a mailbox others sign in or recover through"
    ),
    run=find_known_to_departed,
    fix=Fix.PASSWORD,
    action=change_passwords,
)
