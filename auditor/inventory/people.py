"""Who can get in, in the inventory (no secrets): the people and tools behind the accounts
(`[[people]]`: owner, staff, virtual assistant, agency, tool, and the day one left), the phones
that receive codes (`[[phones]]`: whose, and what kind of line), and per account how each person
signs in (`login_users`: with the account's own, primary login; `sub_users`: with a login of
their own) and who holds its authenticator or receives its codes (`codes_to`).

Every problem is one `InventoryError` line naming the file, the person, phone or account, and
the key, like the rest of the inventory.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from auditor.errors import InventoryError
from auditor.i18n import _, listed, pgettext

ROLES = ("owner", "staff", "virtual-assistant", "agency", "tool")
"""Who a person is to the seller: the owner, an employee, a virtual assistant, an agency, or a
tool (an ERP, a listing tool, a multi-store browser profile)."""
LINES = ("company", "personal", "prepaid", "virtual")
"""What a phone number is: a company line, someone's own, a prepaid SIM, or a virtual number
(a cancelled prepaid or virtual number is reissued, and the codes then reach a stranger)."""
REISSUED_LINES = frozenset({"prepaid", "virtual"})
ACCESS_KEYS = ("login_users", "sub_users", "codes_to", "trusted_devices")
"""The keys of an `[[accounts]]` table that name people."""
PERSON_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_PHONE = re.compile(r"\+?[0-9 ().-]{7,32}")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

Fail = Callable[[str, str], InventoryError]
"""The reader's error maker: (where, message) → an error naming the file."""


@dataclass(frozen=True)
class Person:
    """Someone (or some tool) who can get into accounts."""

    id: str
    """Unique id, written in accounts' `login_users`, `sub_users`, `codes_to`."""
    role: str
    """owner, staff, virtual-assistant, agency or tool (see ROLES)."""
    name: str | None = None
    """How reports name them, when the id is not enough."""
    left: dt.date | None = None
    """The day they left, or will leave; None while they stay."""

    def has_left(self, today: dt.date) -> bool:
        """Whether they are gone by `today` (a departure planned for later is not yet)."""
        return self.left is not None and self.left <= today

    @property
    def label(self) -> str:
        """`li-wei (staff)`: how findings name them."""
        role = {
            "owner": pgettext("role", "owner"),
            "staff": pgettext("role", "staff"),
            "virtual-assistant": pgettext("role", "virtual assistant"),
            "agency": pgettext("role", "agency"),
            "tool": pgettext("role", "tool"),
        }.get(self.role, self.role.replace("-", " "))
        return _("{id} ({role})").format(id=self.id, role=role)


def shown_line(line: str) -> str:
    """A phone's kind of line as a person reads it, in the run's language (`line` is the id)."""
    return {
        "company": pgettext("phone line", "company"),
        "personal": pgettext("phone line", "personal"),
        "prepaid": pgettext("phone line", "prepaid"),
        "virtual": pgettext("phone line", "virtual"),
    }.get(line, line)


@dataclass(frozen=True)
class Phone:
    """A phone number that receives codes, and whose it is."""

    number: str
    """The number as the inventory writes it; accounts' `mfa_phone` names it."""
    line: str
    """company, personal, prepaid or virtual (see LINES)."""
    holder: str | None = None
    """The person who has the phone in their hand, if recorded."""


@dataclass(frozen=True)
class Access:
    """How people get into one account."""

    login_users: tuple[str, ...] = ()
    """People who sign in with the account's own (primary) login, and so know its password."""
    sub_users: tuple[str, ...] = ()
    """People who sign in with a login of their own on the account (a sub-user)."""
    codes_to: tuple[str, ...] = ()
    """People who hold its authenticator or receive its codes."""
    trusted_devices: tuple[str, ...] = ()
    """People or tools whose device or browser profile the platform trusts ("don't ask again
    on this device"): they sign in without a code."""

    def everyone(self) -> tuple[str, ...]:
        """Every person listed, in the order first listed."""
        names = (*self.login_users, *self.sub_users, *self.codes_to, *self.trusted_devices)
        return tuple(dict.fromkeys(names))

    def roles_of(self, person_id: str) -> tuple[str, ...]:
        """The keys that list this person (`login_users`, `codes_to`...)."""
        return tuple(key for key in ACCESS_KEYS if person_id in getattr(self, key))

    def without(self, person_id: str) -> Access:
        """The same access with this person taken off every list."""
        return Access(
            *(tuple(p for p in getattr(self, key) if p != person_id) for key in ACCESS_KEYS)
        )


class _NamesPeople(Protocol):
    """An account as `read_who` checks it (the model's Account, which imports this module)."""

    @property
    def id(self) -> str: ...
    @property
    def access(self) -> Access: ...


def _is_no_person() -> str:
    return _("{key}: {value!r} is not a person in [[people]]")


def read_who(
    document: Mapping[str, Any], accounts: Sequence[_NamesPeople], fail: Fail
) -> tuple[tuple[Person, ...], tuple[Phone, ...]]:
    """The `[[people]]` and `[[phones]]` tables, with every person the accounts name checked
    against `[[people]]`."""
    people = read_people(document.get("people", []), fail)
    by_id = {person.id: person for person in people}
    for index, account in enumerate(accounts):
        where = _("account {id!r} (accounts[{index}])").format(id=account.id, index=index)
        check_names(account.access, by_id, where, fail)
    return people, read_phones(document.get("phones", []), by_id, fail)


def read_people(raw: Any, fail: Fail) -> tuple[Person, ...]:
    """The `[[people]]` tables."""
    if not isinstance(raw, list):
        raise fail("people", _("must be an array of tables: write [[people]]"))
    people: dict[str, Person] = {}
    for index, table in enumerate(raw):
        where = f"people[{index}]"
        if not isinstance(table, dict):
            raise fail(where, _("must be a table: write [[people]]"))
        person_id = table.get("id")
        if not isinstance(person_id, str) or not PERSON_ID.fullmatch(person_id):
            message = _(
                "id: {value!r} must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting "
                "with a letter or digit"
            )
            raise fail(where, message.format(value=person_id))
        where = _("person {id!r} ({place})").format(id=person_id, place=where)
        _no_unknown_keys(table, ("id", "role", "name", "left"), where, fail)
        if person_id in people:
            raise fail(where, _("id: already used by another person"))
        people[person_id] = Person(
            person_id,
            _choice(table, "role", ROLES, where, fail),
            _text(table, "name", where, fail),
            _date(table, "left", where, fail),
        )
    return tuple(people.values())


def read_phones(raw: Any, people: Mapping[str, Person], fail: Fail) -> tuple[Phone, ...]:
    """The `[[phones]]` tables; a holder must be one of `people`."""
    if not isinstance(raw, list):
        raise fail("phones", _("must be an array of tables: write [[phones]]"))
    phones = []
    for index, table in enumerate(raw):
        where = f"phones[{index}]"
        if not isinstance(table, dict):
            raise fail(where, _("must be a table: write [[phones]]"))
        number = _text(table, "number", where, fail)
        if number is None:
            raise fail(where, _("{key}: missing (required)").format(key="number"))
        where = _("phone {number!r} ({place})").format(number=number, place=where)
        _no_unknown_keys(table, ("number", "line", "holder"), where, fail)
        if not _PHONE.fullmatch(number.strip()):
            raise fail(
                where,
                _("{key}: {value!r} is not a phone number").format(key="number", value=number),
            )
        holder = _text(table, "holder", where, fail)
        if holder is not None and holder not in people:
            raise fail(where, _is_no_person().format(key="holder", value=holder))
        phones.append(Phone(number, _choice(table, "line", LINES, where, fail), holder))
    return tuple(phones)


def read_access(table: Mapping[str, Any], where: str, fail: Fail) -> Access:
    """An account's `login_users`, `sub_users`, `codes_to` and `trusted_devices` lists (the
    names are checked against `[[people]]` once every table is read: `check_names`)."""
    lists = []
    for key in ACCESS_KEYS:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(v, str) and PERSON_ID.fullmatch(v) for v in value
        ):
            raise fail(
                where,
                _('{key}: must be a list of person ids such as ["owner", "li-wei"]').format(
                    key=key
                ),
            )
        lists.append(tuple(dict.fromkeys(value)))
    return Access(*lists)


def check_names(access: Access, people: Mapping[str, Person], where: str, fail: Fail) -> None:
    """Every person an account names is in `[[people]]`."""
    for key in ACCESS_KEYS:
        for person_id in getattr(access, key):
            if person_id not in people:
                raise fail(where, _is_no_person().format(key=key, value=person_id))


def read_flag(table: Mapping[str, Any], key: str, where: str, fail: Fail) -> bool:
    """An optional true/false key."""
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise fail(where, _("{key}: {value!r} must be true or false").format(key=key, value=value))
    return value


def _no_unknown_keys(
    table: Mapping[str, Any], known: tuple[str, ...], where: str, fail: Fail
) -> None:
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise fail(
            where,
            _("{key}: unknown key (known: {known})").format(
                key=unknown[0], known=listed(sorted(known))
            ),
        )


def _text(table: Mapping[str, Any], key: str, where: str, fail: Fail) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > 512:
        raise fail(
            where, _("{key}: must be a non-empty string of at most 512 characters").format(key=key)
        )
    if _CONTROL.search(value):
        raise fail(where, _("{key}: holds a control character").format(key=key))
    return value


def _choice(
    table: Mapping[str, Any], key: str, allowed: tuple[str, ...], where: str, fail: Fail
) -> str:
    value = table.get(key)
    if value is None:
        raise fail(
            where,
            _("{key}: missing (required: one of {allowed})").format(
                key=key, allowed=listed(allowed)
            ),
        )
    if not isinstance(value, str) or value not in allowed:
        raise fail(
            where,
            _("{key}: {value!r} is not one of {allowed}").format(
                key=key, value=value, allowed=listed(allowed)
            ),
        )
    return value


def _date(table: Mapping[str, Any], key: str, where: str, fail: Fail) -> dt.date | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise fail(
            where,
            _("{key}: {value!r} must be a TOML date such as 2026-10-20 (no quotes)").format(
                key=key, value=value
            ),
        )
    return value
