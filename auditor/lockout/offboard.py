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
from auditor.inventory import Account, Inventory, pages
from auditor.inventory.people import Person
from auditor.inventory.people_access import new_phones, people_by_id, reach_of, set_command
from auditor.secrets import SecretView

KIND_ORDER = {"mailbox": 0, "payment": 1, "store": 2}
"""Mailboxes first (they reset the rest), then payout accounts (the money), then stores."""

REACH = {
    "login_users": "the primary login (they know its password)",
    "sub_users": "a sub-user of their own",
    "codes_to": "its authenticator or codes",
    "trusted_devices": "a device it trusts without a code",
    "phone": "the phone its codes go to",
    "backup_phone": "the backup phone its codes go to",
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
        known = ", ".join(p.id for p in inventory.people) or "none: add [[people]] entries"
        raise UsageError(f"{inventory.path}: no person with id {person_id!r} (people: {known})")
    order = {account.id: index for index, account in enumerate(inventory.accounts)}
    reached = [a for a in inventory.accounts if _reach(context, a, person)]
    reached.sort(
        key=lambda a: (KIND_ORDER.get(a.kind, 3), -len(context.dependents(a.id)), order[a.id])
    )
    record_left = None
    if person.left is None:
        record_left = f'left = {today.isoformat()}   # in [[people]] id = "{person.id}"'
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
        changes.append(
            f"remove their sub-user with {account.platform_name}'s {page.name} ({page.url})"
            if page
            else f"remove their own login from {account.id}, where {account.platform_name} "
            "lists its users (store-audit has no sourced page for it)"
        )
    if "login_users" in reach:
        changes.append("change the password")
        commands.append(f"store-audit set-secret {account.id} --force")
    if "codes_to" in reach and account.mfa == "totp":
        changes.append("set up the authenticator again on a phone you hold (their copy stays)")
        commands.append(f"store-audit set-secret {account.id} --totp --force")
    elif "codes_to" in reach:
        changes.append("move the codes to a phone or an authenticator you hold")
    if "phone" in reach:
        changes.append(f"replace {account.mfa_phone} as the code phone with one you hold")
    if "backup_phone" in reach:
        changes.append(f"replace {account.mfa_backup_phone} as the backup phone with one you hold")
    if {"login_users", "trusted_devices", "codes_to"} & set(reach):
        changes.append("sign out every session and device the account trusts")
    lists = set_command(account, [person.id], new_phones(reach))
    if lists != f"store-audit set {account.id}":
        commands.append(lists)
    kind = {"mailbox": f"mailbox {account.login}", "payment": "payout account"}
    what = f"{account.id} ({account.platform_name} {kind.get(account.kind, account.kind)})"
    resets = tuple(sorted(context.dependents(account.id))) if account.kind == "mailbox" else ()
    return Step(account.id, what, reach, tuple(changes), tuple(commands), resets)
