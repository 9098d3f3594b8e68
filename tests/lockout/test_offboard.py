"""`store-audit offboard PERSON` on the bundled example: exactly the accounts the departed agency
can get into, mailboxes and payout accounts first; carrying out the commands it prints leaves the
next audit with none of the agency's findings; it reads nothing from the keyring and writes
nothing."""

from __future__ import annotations

import datetime as dt
import json
import shlex
from pathlib import Path

import pytest

from auditor.demo import demo_inventory_path, demo_store
from auditor.errors import ExitCode
from auditor.inventory import load_inventory
from auditor.inventory.people import Access, Person, Phone
from auditor.lockout.offboard import build_offboarding
from tests.canaries import random_core, random_seed
from tests.conftest import invoke
from tests.helpers import TODAY, account, inventory, run
from tests.keyrings import MemoryKeyring

AGENCY = "shenzhen-agency"
PEOPLE_CHECKS = ("access.departed", "password.known-to-departed")


@pytest.fixture
def example(tmp_path: Path, memory_keyring: MemoryKeyring) -> Path:
    """The example inventory in a scratch directory, its demo secrets in the keyring."""
    path = tmp_path / "store-audit.toml"
    path.write_text(demo_inventory_path().read_text())
    memory_keyring.entries.update(demo_store(load_inventory(path))._entries)
    return path


def offboard(path: Path, person: str = AGENCY, fmt: str = "json") -> dict[str, object]:
    result = invoke("offboard", person, "--inventory", path, "--format", fmt)
    assert result.exit_code == ExitCode.OK, result.stderr
    return json.loads(result.stdout) if fmt == "json" else {"text": result.stdout}


def audit(path: Path) -> list[dict[str, object]]:
    result = invoke("audit", "--inventory", path, "--format", "json", "--fail-on", "never")
    assert result.exit_code == ExitCode.OK, result.stderr
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return findings


def theirs(findings: list[dict[str, object]], person: str = AGENCY) -> list[str]:
    """The findings about the person: a people check, or one that names them."""
    return [
        str(f["key"])
        for f in findings
        if str(f["check"]) in PEOPLE_CHECKS and person in str(f["message"])
    ]


def test_offboard_lists_exactly_what_the_agency_reaches_mailbox_and_payout_first(
    example: Path, memory_keyring: MemoryKeyring
) -> None:
    before = example.read_text()
    plan = offboard(example)
    steps = plan["steps"]
    assert isinstance(steps, list)
    assert [s["account"] for s in steps] == ["outlook-ops", "payoneer", "ebay"]
    assert steps[0]["reach"] == ["login_users"]
    assert "amazon-na" in steps[0]["resets"]  # the mailbox resets the stores behind it
    assert steps[1]["reach"] == ["sub_users"]
    assert steps[2]["commands"] == [
        "store-audit set-secret ebay --force",
        "store-audit set-secret ebay --totp --force",
        "store-audit set ebay login_users=owner codes_to=",
    ]
    assert plan["person"] == {
        "id": AGENCY, "role": "agency", "name": None, "left": "2026-10-20", "has_left": True,
    }  # fmt: skip
    # read-only: the keyring is not even read, the inventory not touched
    assert memory_keyring.reads == 0 and memory_keyring.writes == 0
    assert example.read_text() == before


def test_after_the_recorded_changes_the_audit_has_none_of_the_agencys_findings(
    example: Path,
) -> None:
    assert len(theirs(audit(example))) == 5  # departed on 3 accounts, 2 old passwords
    plan = offboard(example)
    for step in plan["steps"]:  # type: ignore[attr-defined]
        for command in step["commands"]:
            args = shlex.split(command)[1:]
            secret = None
            if args[0] == "set-secret":
                secret = random_seed(20) if "--totp" in args else f"New-{random_core()}!"
                args.append("--stdin")
            args = [a.replace("NEW-NUMBER", "+1 555 010 0300") for a in args]
            result = invoke(*args, "--inventory", example, input=secret)
            assert result.exit_code == ExitCode.OK, (command, result.stderr)
    assert theirs(audit(example)) == []
    assert offboard(example)["steps"] == []  # nothing of theirs is left to close
    text = str(offboard(example, fmt="text")["text"])
    assert "who left 2026-10-20: no account in the inventory names them" in " ".join(text.split())


def test_offboard_text_and_markdown_say_the_same_steps(example: Path) -> None:
    text = str(offboard(example, fmt="text")["text"])
    assert text.startswith("Offboarding shenzhen-agency (agency), who left 2026-10-20: 3")
    assert text.index("1. outlook-ops") < text.index("2. payoneer") < text.index("3. ebay")
    assert "   record: store-audit set-secret outlook-ops --force\n" in text
    markdown = str(offboard(example, "li-wei", fmt="markdown")["text"])
    assert "- [ ] Record the day they leave: `left = " in markdown  # li-wei has no date yet
    assert "(https://sellercentral.amazon.ca/gp/help/external/901?language=en_CA)" in markdown
    assert "- [ ] `store-audit set walmart sub_users= mfa_phone=NEW-NUMBER`" in markdown


def test_an_unknown_person_is_one_line_naming_the_people(example: Path) -> None:
    result = invoke("offboard", "nobody", "--inventory", example)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip().endswith(
        "no person with id 'nobody' (people: owner, li-wei, maria, shenzhen-agency, erp)"
    )
    assert len(result.stderr.strip().splitlines()) <= 2


@pytest.mark.parametrize(("days", "fires"), [(-1, True), (0, True), (1, False)])
def test_a_departure_yesterday_makes_an_older_password_a_finding_tomorrow_does_not(
    days: int, fires: bool
) -> None:
    va = Person("va", "virtual-assistant", left=TODAY + dt.timedelta(days=days))
    inv = inventory(
        account(
            "amazon-us",
            platform="amazon",
            access=Access(("owner", "va")),
            password_changed=TODAY - dt.timedelta(days=10),
        ),
        people=(Person("owner", "owner"), va),
    )
    found = run("password.known-to-departed", inv)
    assert [f.key for f in found] == (["password.known-to-departed:amazon-us"] if fires else [])
    plan = build_offboarding(inv, "va", TODAY)  # offboard lists the account either way
    assert [s.account for s in plan.steps] == ["amazon-us"]


def test_a_backup_code_phone_in_a_departed_hand_is_found_and_replaced() -> None:
    gone = Person("li", "staff", left=TODAY - dt.timedelta(days=1))
    inv = inventory(
        account(
            "amazon-na",
            platform="amazon",
            mfa="sms",
            mfa_phone="+1 555 010 0000",
            mfa_backup="sms",
            mfa_backup_phone="+86 170 0000 0002",
        ),
        people=(Person("owner", "owner"), gone),
        phones=(Phone("+86 17000000002", "prepaid", "li"),),
    )
    departed = run("access.departed", inv)
    assert [f.key for f in departed] == ["access.departed:amazon-na"]
    assert "holds the backup phone its codes go to" in departed[0].message
    assert "`store-audit set amazon-na mfa_backup_phone=NEW-NUMBER`" in departed[0].remediation
    risky = run("mfa.phone-at-risk", inv)  # a prepaid line, whoever holds it
    assert "set amazon-na mfa_backup_phone=..." in risky[0].remediation
    (step,) = build_offboarding(inv, "li", TODAY).steps
    assert step.reach == ("backup_phone",)
    assert step.commands == ("store-audit set amazon-na mfa_backup_phone=NEW-NUMBER",)
