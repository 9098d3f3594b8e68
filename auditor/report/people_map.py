"""Who can get into which account, and through which phone: the people rows of `map` and of
the HTML report's map, built from the inventory's `[[people]]`, `[[phones]]` and each account's
lists. No secret is in it."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.checks.context import AuditContext
from auditor.i18n import N_, _
from auditor.inventory.people import shown_line
from auditor.inventory.people_access import phone_record, reach_of

HOW = {
    "login_users": N_("primary login"),
    "sub_users": N_("own sub-user"),
    "codes_to": N_("holds the codes"),
    "trusted_devices": N_("trusted device"),
    "phone": N_("code phone"),
    "backup_phone": N_("backup code phone"),
}
"""How a person gets into an account, in a map's few words (`_` where a row is built)."""


@dataclass(frozen=True)
class PersonRow:
    """One person and every way they have into the accounts."""

    id: str
    """The person's id."""
    role: str
    """owner, staff, virtual-assistant, agency or tool."""
    left: str | None
    """`left 2026-10-20`, `leaves 2027-01-31`, or None while they stay."""
    reaches: tuple[tuple[str, tuple[str, ...]], ...]
    """(account id, how they get in) for every account they can get into, in inventory order."""
    phones: tuple[str, ...]
    """The numbers they hold (`[[phones]]` holder)."""


def people_rows(context: AuditContext) -> tuple[PersonRow, ...]:
    """A row per `[[people]]` entry, in file order."""
    rows = []
    for person in context.inventory.people:
        reaches = []
        for account in context.accounts:
            how = [_(HOW[key]) for key in reach_of(context.inventory, account, person.id)]
            if how:
                reaches.append((account.id, tuple(how)))
        left = None
        if person.left is not None:
            gone = person.has_left(context.today)
            left = (_("left {date}") if gone else _("leaves {date}")).format(
                date=person.left.isoformat()
            )
        phones = tuple(p.number for p in context.inventory.phones if p.holder == person.id)
        rows.append(PersonRow(person.id, person.role, left, tuple(reaches), phones))
    return tuple(rows)


def phone_owner(context: AuditContext, number: str | None) -> str | None:
    """`li-wei, prepaid`: whose a code phone is and what kind of line, when recorded."""
    record = phone_record(context.inventory, number)
    if record is None:
        return None
    line = shown_line(record.line) if record.line else None
    if record.holder and line:
        return _("{holder}, {line}").format(holder=record.holder, line=line)
    return record.holder or line
