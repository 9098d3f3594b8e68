"""access.departed: a person who has left is still listed on an account (as a user of its
primary login, a sub-user, a holder of its codes or a trusted device), or their phone still
receives its codes. Until that is undone they can still get in, or stop the owner getting in."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, clause_list, pgettext
from auditor.inventory import Account
from auditor.inventory.people import Person
from auditor.inventory.people_access import departed_on, new_phones, set_command, since
from auditor.vocabulary import Severity

STILL = {
    "login_users": N_("signs in with its primary login"),
    "sub_users": N_("has a sub-user on it"),
    "codes_to": N_("holds its authenticator or receives its codes"),
    "trusted_devices": N_("has a device it trusts without a code"),
    "phone": N_("holds the phone its codes go to"),
    "backup_phone": N_("holds the backup phone its codes go to"),
}
"""What each listing means a departed person can still do (translated where it is said)."""


def find_departed(context: AuditContext) -> Iterator[Finding]:
    """One finding per account that still lists, or sends codes to, someone who has left."""
    for account in context.reported_accounts:
        gone = departed_on(context.inventory, account, context.today)
        if not gone:
            continue
        what = pgettext("between problems", "; ").join(
            _("{person}, {since}, still {things}").format(
                person=person.label,
                since=since(person),
                things=clause_list([_(STILL[r]) for r in roles]),
            )
            for person, roles in gone
        )
        yield CHECK.finding(
            [account.id],
            _("{id} ({platform}): {what}").format(
                id=account.id, platform=account.platform_name, what=what
            ),
            undo_steps(account, gone),
            subject=join_names(person.id for person, _roles in gone),
        )


def undo_steps(account: Account, gone: list[tuple[Person, tuple[str, ...]]]) -> str:
    """What to change on the platform, then the command that records it."""
    roles = {role for _person, each in gone for role in each}
    steps = []
    if "sub_users" in roles:
        steps.append(
            _("remove their sub-user from {platform}").format(platform=account.platform_name)
        )
    if "login_users" in roles:
        steps.append(
            _("change the password (`store-audit set-secret {id} --force`)").format(id=account.id)
        )
    if roles & {"codes_to", "phone", "backup_phone"}:
        steps.append(_new_codes(account))
    if "trusted_devices" in roles or "login_users" in roles:
        steps.append(_("sign out every device the account trusts"))
    ids = [person.id for person, _roles in gone]
    extra = new_phones(tuple(roles))
    if roles - {"phone", "backup_phone"} or extra:
        steps.append(_("record it: `{command}`").format(command=set_command(account, ids, extra)))
    return _("On {id}: {steps}.").format(
        id=account.id, steps=pgettext("between steps", "; ").join(steps)
    )


def _new_codes(account: Account) -> str:
    """Where the codes must go now, and for an authenticator the command that stores the new
    seed."""
    if account.mfa == "totp":
        return _(
            "set up the authenticator again on a phone you hold (`store-audit set-secret {id} "
            "--totp --force`)"
        ).format(id=account.id)
    return _("move the codes to a phone or an authenticator you hold")


def _action(facts: ActionFacts) -> str:
    return _("Shut {people}, who left, out of {account}").format(
        people=facts.subject, account=facts.who
    )


CHECK = Check(
    id="access.departed",
    severity=Severity.HIGH,
    fires_when=N_(
        "a person who has left (`left` on or before today) is still listed on an account, or "
        "their phone still receives its codes"
    ),
    advice=N_(
        "Remove their sub-user, change the password they knew, move the codes to a phone or "
        "authenticator you hold, then take them off the account's lists (`store-audit offboard "
        "PERSON` lists every step)."
    ),
    run=find_departed,
    fix=Fix.OWN,
    action=_action,
)
