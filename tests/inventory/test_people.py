"""People and phones in the inventory: who signs in how, who receives the codes, who has left.
Every new key is validated like the rest: one line naming the file, the person, phone or
account, and the key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from auditor.errors import InventoryError
from auditor.inventory import parse_inventory
from auditor.inventory.people import Access, Person, Phone

PEOPLE = """\
version = 1

[[people]]
id = "owner"
role = "owner"
name = "Wang Fang"

[[people]]
id = "li-wei"
role = "staff"

[[people]]
id = "shenzhen-agency"
role = "agency"
left = 2026-10-20

[[phones]]
number = "+86 138 0013 8000"
holder = "li-wei"
line = "personal"

[[accounts]]
id = "amazon-us"
platform = "amazon"
login = "ops@acmehome.com"
mfa = "sms"
mfa_phone = "+86 138 0013 8000"
login_users = ["owner", "shenzhen-agency"]
sub_users = ["li-wei"]
codes_to = ["li-wei"]
security_questions = true
"""


def load(text: str) -> object:
    return parse_inventory(text.encode(), Path("inv.toml"))


def test_people_phones_and_access_are_read() -> None:
    inventory = parse_inventory(PEOPLE.encode(), Path("inv.toml"))
    assert inventory.people == (
        Person("owner", "owner", "Wang Fang"),
        Person("li-wei", "staff"),
        Person("shenzhen-agency", "agency", left=dt.date(2026, 10, 20)),
    )
    assert inventory.phones == (Phone("+86 138 0013 8000", "personal", "li-wei"),)
    account = inventory.accounts[0]
    assert account.access == Access(("owner", "shenzhen-agency"), ("li-wei",), ("li-wei",))
    assert account.security_questions


def test_an_inventory_without_people_still_loads() -> None:
    text = PEOPLE[PEOPLE.index("[[accounts]]") :].replace('mfa_phone = "+86 138 0013 8000"\n', "")
    text = "version = 1\n" + "\n".join(
        line for line in text.splitlines() if not line.startswith(("login_", "sub_", "codes_"))
    )
    inventory = parse_inventory(text.encode(), Path("inv.toml"))
    assert inventory.people == () and inventory.accounts[0].access == Access()


def test_departure_is_counted_from_the_day_they_leave() -> None:
    person = Person("va", "virtual-assistant", left=dt.date(2026, 11, 27))
    assert person.has_left(dt.date(2026, 11, 27))
    assert person.has_left(dt.date(2026, 11, 28))
    assert not person.has_left(dt.date(2026, 11, 26))
    assert not Person("va", "virtual-assistant").has_left(dt.date(2099, 1, 1))


BAD = [
    (
        ('role = "staff"', 'role = "intern"'),
        "inv.toml: person 'li-wei' (people[1]): role: 'intern' is not one of owner, staff, "
        "virtual-assistant, agency, tool",
    ),
    (
        ("left = 2026-10-20", 'left = "last month"'),
        "inv.toml: person 'shenzhen-agency' (people[2]): left: 'last month' must be a TOML date "
        "such as 2026-10-20 (no quotes)",
    ),
    (
        ('id = "li-wei"', 'id = "owner"'),
        "inv.toml: person 'owner' (people[1]): id: already used by another person",
    ),
    (
        ('name = "Wang Fang"', 'phone = "+1 555"'),
        "inv.toml: person 'owner' (people[0]): phone: unknown key (known: id, left, name, role)",
    ),
    (
        ('line = "personal"', 'line = "burner"'),
        "inv.toml: phone '+86 138 0013 8000' (phones[0]): line: 'burner' is not one of company, "
        "personal, prepaid, virtual",
    ),
    (
        ('holder = "li-wei"', 'holder = "li"'),
        "inv.toml: phone '+86 138 0013 8000' (phones[0]): holder: 'li' is not a person in "
        "[[people]]",
    ),
    (
        ('number = "+86 138 0013 8000"', 'number = "call Li"'),
        "inv.toml: phone 'call Li' (phones[0]): number: 'call Li' is not a phone number",
    ),
    (
        ('sub_users = ["li-wei"]', 'sub_users = ["li"]'),
        "inv.toml: account 'amazon-us' (accounts[0]): sub_users: 'li' is not a person in "
        "[[people]]",
    ),
    (
        ('codes_to = ["li-wei"]', 'codes_to = "li-wei"'),
        "inv.toml: account 'amazon-us' (accounts[0]): codes_to: must be a list of person ids "
        'such as ["owner", "li-wei"]',
    ),
    (
        ('login_users = ["owner", "shenzhen-agency"]', 'trusted_devices = ["erp"]'),
        "inv.toml: account 'amazon-us' (accounts[0]): trusted_devices: 'erp' is not a person in "
        "[[people]]",
    ),
    (
        ("security_questions = true", 'security_questions = "yes"'),
        "inv.toml: account 'amazon-us' (accounts[0]): security_questions: 'yes' must be true or "
        "false",
    ),
    (
        ("[[phones]]", "[phones]"),
        "inv.toml: phones: must be an array of tables: write [[phones]]",
    ),
]


@pytest.mark.parametrize(("change", "message"), BAD, ids=[m.split(": ")[2] for _, m in BAD])
def test_bad_people_phones_and_access_name_file_place_and_key(
    change: tuple[str, str], message: str
) -> None:
    old, new = change
    assert old in PEOPLE
    with pytest.raises(InventoryError) as caught:
        load(PEOPLE.replace(old, new, 1))
    assert str(caught.value) == message
