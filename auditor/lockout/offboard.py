"""`store-audit offboard PERSON`: the ordered checklist for the day someone leaves. Every account
they could get into (with its primary login, a sub-user of their own, its codes, its code phone,
a trusted device), mailboxes and payout accounts first (whoever holds those can reset or empty
the rest), what to change on each, and the `store-audit` commands that record each change, so
that the next audit has none of their findings. Read-only: it reads the inventory, never the
keyring.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from auditor.checks import AuditContext
from auditor.errors import UsageError
from auditor.i18n import N_, _, listed
from auditor.inventory import Account, Inventory, pages
from auditor.inventory.people import Person
from auditor.inventory.people_access import new_phones, people_by_id, reach_of, set_command
from auditor.secrets import SecretView
from auditor.vocabulary import shown_kind

KIND_ORDER = {"mailbox": 0, "payment": 1, "store": 2}
"""Mailboxes first (they reset the rest), then payout accounts (the money), then stores."""

REACH = {
    "login_users": N_("the primary login (they know its password)"),
    "sub_users": N_("a sub-user of their own"),
    "codes_to": N_("its authenticator or codes"),
    "trusted_devices": N_("a device it trusts without a code"),
    "phone": N_("the phone its codes go to"),
    "backup_phone": N_("the backup phone its codes go to"),
}


@dataclass(frozen=True)
class Step:
    """One account to close to the person."""

    account: str
    """The account id."""
    what: str
    """The account as a person names it: `outlook-ops (Outlook mailbox a@b.c)`."""
    reach: tuple[str, ...]
    """How they can get in (see REACH)."""
    changes: tuple[str, ...]
    """What to change on the platform, in order."""
    commands: tuple[str, ...]
    """The `store-audit` commands that record those changes."""
    resets: tuple[str, ...]
    """For a mailbox: the accounts that sign in or recover through it, which they could reset."""


@dataclass(frozen=True)
class Offboarding:
    """The whole checklist for one person."""

    person: Person
    """Who is leaving."""
    today: dt.date
    """The day it was made."""
    record_left: str | None
    """What to add to their `[[people]]` entry when the inventory has no `left` date yet."""
    steps: tuple[Step, ...]
    """The accounts, in the order to do them."""


def build_offboarding(inventory: Inventory, person_id: str, today: dt.date) -> Offboarding:
    """The checklist for `person_id`; a UsageError naming the people there are if unknown."""
    context = AuditContext(inventory, SecretView({}), today)
    person = people_by_id(context.inventory).get(person_id)
    if person is None:
        known = listed(p.id for p in inventory.people)
        unknown = _("{path}: no person with id {person!r} (people: {known})")
        if not known:
            unknown = _(
                "{path}: no person with id {person!r} (people: none: add [[people]] entries)"
            )
        raise UsageError(unknown.format(path=inventory.path, person=person_id, known=known))
    order = {account.id: index for index, account in enumerate(inventory.accounts)}
    reached = [a for a in inventory.accounts if _reach(context, a, person)]
    reached.sort(
        key=lambda a: (KIND_ORDER.get(a.kind, 3), -len(context.dependents(a.id)), order[a.id])
    )
    record_left = None
    if person.left is None:
        record_left = _('left = {day}   # in [[people]] id = "{person}"').format(
            day=today.isoformat(), person=person.id
        )
    return Offboarding(
        person, today, record_left, tuple(_step(context, a, person) for a in reached)
    )


def _reach(context: AuditContext, account: Account, person: Person) -> tuple[str, ...]:
    return reach_of(context.inventory, account, person.id)


def _step(context: AuditContext, account: Account, person: Person) -> Step:
    reach = _reach(context, account, person)
    changes, commands = [], []
    if "sub_users" in reach:
        page = pages.topic_page(account.platform, "sub_users")
        remove = (
            _("remove their sub-user with {platform}'s {page} ({url})")
            if page
            else _(
                "remove their own login from {account}, where {platform} lists its users "
                "(store-audit has no sourced page for it)"
            )
        )
        changes.append(
            remove.format(
                platform=account.platform_name,
                account=account.id,
                page=_(page.name) if page else "",
                url=page.url if page else "",
            )
        )
    if "login_users" in reach:
        changes.append(_("change the password"))
        commands.append(f"store-audit set-secret {account.id} --force")
    if "codes_to" in reach and account.mfa == "totp":
        changes.append(_("set up the authenticator again on a phone you hold (their copy stays)"))
        commands.append(f"store-audit set-secret {account.id} --totp --force")
    elif "codes_to" in reach:
        changes.append(_("move the codes to a phone or an authenticator you hold"))
    if "phone" in reach:
        phone = _("replace {phone} as the code phone with one you hold")
        changes.append(phone.format(phone=account.mfa_phone))
    if "backup_phone" in reach:
        phone = _("replace {phone} as the backup phone with one you hold")
        changes.append(phone.format(phone=account.mfa_backup_phone))
    if {"login_users", "trusted_devices", "codes_to"} & set(reach):
        changes.append(_("sign out every session and device the account trusts"))
    lists = set_command(account, [person.id], new_phones(reach))
    if lists != f"store-audit set {account.id}":
        commands.append(lists)
    what = _what(account)
    resets = tuple(sorted(context.dependents(account.id))) if account.kind == "mailbox" else ()
    return Step(account.id, what, reach, tuple(changes), tuple(commands), resets)


PAGE_NAMES = (N_("User Permissions"),)
"""The pages.toml page names a platform's Chinese pages translate (GLOSSARY.md: Amazon's
用户权限); the others are shown as the platform names them."""


def _what(account: Account) -> str:
    """`outlook-ops (Outlook mailbox ops@…)`, `payoneer (Payoneer payout account)`."""
    if account.kind == "mailbox":
        what = _("{account} ({platform} mailbox {login})")
    elif account.kind == "payment":
        what = _("{account} ({platform} payout account)")
    else:
        what = _("{account} ({platform} {kind})")
    return what.format(
        account=account.id,
        platform=account.platform_name,
        login=account.login,
        kind=shown_kind(account.kind),
    )
