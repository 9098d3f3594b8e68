"""Who can get into an account, read from the inventory: who is listed on it, who has left,
whose phone receives its codes, the platform's own way to give each person a login (from the
catalog, never assumed), and the `store-audit set` command that records a person's removal.
The people checks and `offboard` read it; it needs nothing but the inventory (and the day)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from auditor.i18n import N_, _
from auditor.inventory import pages
from auditor.inventory.model import Account, Inventory
from auditor.inventory.people import ACCESS_KEYS, Access, Person, Phone
from auditor.inventory.phone_numbers import phone_key

OWNER = "owner"


def people_by_id(inventory: Inventory) -> dict[str, Person]:
    """The inventory's `[[people]]`, by id."""
    return {person.id: person for person in inventory.people}


def phone_record(inventory: Inventory, number: str | None) -> Phone | None:
    """The `[[phones]]` record for a number, however it is spaced or prefixed."""
    if not number:
        return None
    country = inventory.seller.country
    key = phone_key(number, country)
    return next((p for p in inventory.phones if phone_key(p.number, country) == key), None)


PHONE_FIELDS = {"mfa_phone": "phone", "mfa_backup_phone": "backup_phone"}
"""The inventory keys of an account's code phones, and how a person's reach names each."""


def phone_holders(inventory: Inventory, account: Account) -> list[tuple[str, Person]]:
    """(reach, holder) for each code phone of the account (primary, backup) whose `[[phones]]`
    record names a holder."""
    people = people_by_id(inventory)
    found = []
    for field, reach in PHONE_FIELDS.items():
        record = phone_record(inventory, getattr(account, field))
        if record is not None and record.holder in people:
            found.append((reach, people[record.holder]))
    return found


def reach_of(inventory: Inventory, account: Account, person_id: str) -> tuple[str, ...]:
    """How the person gets into the account: the lists naming them, and their code phones."""
    phones = [
        reach for reach, holder in phone_holders(inventory, account) if holder.id == person_id
    ]
    return (*account.access.roles_of(person_id), *phones)


def new_phones(reach: tuple[str, ...]) -> str:
    """`mfa_phone=NEW-NUMBER`: the `set` assignments that record their phones replaced."""
    return " ".join(f"{field}=NEW-NUMBER" for field, name in PHONE_FIELDS.items() if name in reach)


def departed_on(
    inventory: Inventory, account: Account, today: dt.date
) -> list[tuple[Person, tuple[str, ...]]]:
    """The people gone by `today` (the audit's day) who are still listed on the account, or
    whose phone still receives its codes, each with what they still have (`login_users`,
    `phone`...)."""
    people = people_by_id(inventory)
    ids = [*account.access.everyone(), *(h.id for _, h in phone_holders(inventory, account))]
    return [
        (people[person_id], reach_of(inventory, account, person_id))
        for person_id in dict.fromkeys(ids)
        if people[person_id].has_left(today)
    ]


FEATURE_NAMES = (
    N_("User Permissions"),
    N_("Team access (formerly multi-user account access)"),
    N_("Seller Center user management"),
)
"""What the platforms call their sub-user features (`name` in pages.toml), for translation:
each is said the way the platform's own Chinese pages say it (GLOSSARY.md)."""


def own_login_advice(account: Account, names: str) -> str:
    """`give li-wei a login of their own with Amazon's User Permissions (URL)`, or a general
    sentence where the catalog has no sourced page for the platform's sub-user feature; a clause
    that a sentence goes on from (`Give ...` capitalizes it in English)."""
    page = pages.topic_page(account.platform, "sub_users")
    if page is not None and page.name:
        return _("give {people} a login of their own with {platform}'s {feature} ({url})").format(
            people=names, platform=account.platform_name, feature=_(page.name), url=page.url
        )
    if page is not None:
        return _(
            "give {people} a login of their own with {platform}'s sub-user feature ({url})"
        ).format(people=names, platform=account.platform_name, url=page.url)
    return _(
        "give {people} a login of their own, if {platform} offers one (store-audit has no "
        "sourced page for it)"
    ).format(people=names, platform=account.platform_name)


def without(access: Access, person_ids: Iterable[str]) -> Access:
    """The access with these people taken off every list."""
    for person_id in person_ids:
        access = access.without(person_id)
    return access


def set_command(account: Account, person_ids: Iterable[str], extra: str = "") -> str:
    """`store-audit set ID login_users=owner codes_to=`: the command that records these people
    taken off the account's lists (an empty value removes the key)."""
    after = without(account.access, person_ids)
    changed = [
        f"{key}={','.join(getattr(after, key))}"
        for key in ACCESS_KEYS
        if getattr(after, key) != getattr(account.access, key)
    ]
    return " ".join(["store-audit set", account.id, *changed, *([extra] if extra else [])])


def is_owner(person: Person) -> bool:
    """Whether the person is (one of) the owner(s)."""
    return person.role == OWNER


def since(person: Person) -> str:
    """`who left 2026-10-20`."""
    if person.left:
        return _("who left {date}").format(date=person.left.isoformat())
    return _("who left")
