"""`store-audit set`: every non-secret field from the command line, validated by the loader,
comments kept, nothing written when any assignment is wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from auditor.errors import ExitCode
from auditor.inventory import load_inventory
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

EXISTING = (
    '# my stores\nversion = 1\n\n[[accounts]]\nid = "etsy"  # the old shop\n'
    'platform = "etsy"\nlogin = "shop@acme.test"\nmfa = "unknown"\nregion = "US"\n'
)


@pytest.fixture
def inventory(tmp_path: Path) -> Path:
    path = tmp_path / "store-audit.toml"
    path.write_text(EXISTING)
    return path


def test_set_records_fields_and_keeps_comments(inventory: Path) -> None:
    result = invoke(
        "set",
        "etsy",
        "mfa=totp",
        "store=Acme Crafts",
        "mfa_phone=+1 555 010 0000",
        "recovery-email=owner@acme.test",
        "password_changed=today",
        "region=",
        "--inventory",
        inventory,
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert 'etsy: mfa = "totp" (was "unknown")' in result.stdout
    assert "etsy: region removed" in result.stdout
    account = load_inventory(inventory).accounts[0]
    assert (account.mfa, account.store, account.mfa_phone, account.recovery_email) == (
        "totp",
        "Acme Crafts",
        "+1 555 010 0000",
        "owner@acme.test",
    )
    assert account.password_changed == dt.date.today() and account.region is None
    text = inventory.read_text()
    assert text.startswith("# my stores\n") and 'id = "etsy"  # the old shop' in text


def test_set_then_audit_has_no_mfa_unknown(inventory: Path, memory_keyring: MemoryKeyring) -> None:
    before = invoke("audit", "--inventory", inventory, "--format", "json", "--fail-on", "never")
    assert "mfa.unknown:etsy" in before.stdout
    assert invoke("set", "etsy", "mfa=sms", "--inventory", inventory).exit_code == ExitCode.OK
    after = invoke("audit", "--inventory", inventory, "--format", "json", "--fail-on", "never")
    assert "mfa.unknown" not in after.stdout and "mfa.sms-only:etsy" in after.stdout


@pytest.mark.parametrize(
    "assignment, message",
    [
        ("mfa=sometimes", "account 'etsy' (accounts[0]): mfa"),
        ("mfa_phone=call me", "mfa_phone: 'call me' is not a phone number"),
        ("password_changed=yesterday", "password_changed: 'yesterday' is not a date"),
        ("password_changed=2999-01-01", "password_changed: 2999-01-01 is in the future"),
        ("kind=shop", "kind"),
        ("mfa=", "mfa: required, so it cannot be removed"),
        ("colour=red", "colour: not a field `set` changes"),
        ("id=new", "id: the keyring files this account's secrets under it"),
        ("login=", "login: required, so it cannot be removed"),
        ("mfa", "'mfa': write KEY=VALUE"),
    ],
)
def test_a_bad_assignment_writes_nothing(inventory: Path, assignment: str, message: str) -> None:
    result = invoke("set", "etsy", "store=Kept Out", assignment, "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2  # the line and at most a hint
    assert f"{inventory}: account 'etsy'" in result.stderr  # the line names file and account
    assert inventory.read_text() == EXISTING


def test_set_on_an_unknown_account_or_no_inventory(inventory: Path, tmp_path: Path) -> None:
    unknown = invoke("set", "ebay", "mfa=sms", "--inventory", inventory)
    assert unknown.exit_code == ExitCode.USAGE and "no account with id 'ebay'" in unknown.stderr
    assert inventory.read_text() == EXISTING
    missing = tmp_path / "none.toml"
    absent = invoke("set", "ebay", "mfa=sms", "--inventory", missing)
    assert absent.exit_code == ExitCode.USAGE and not missing.exists()


def test_set_with_the_same_value_changes_nothing(inventory: Path) -> None:
    result = invoke("set", "etsy", "mfa=unknown", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK and "nothing changed" in result.stdout
    assert inventory.read_text() == EXISTING


PEOPLE = '\n[[people]]\nid = "owner"\nrole = "owner"\n\n[[people]]\nid = "maria"\nrole = "staff"\n'


def test_set_records_who_signs_in_how(inventory: Path) -> None:
    inventory.write_text(EXISTING + 'login_users = ["owner", "maria"]\n' + PEOPLE)
    result = invoke(
        "set", "etsy", "login_users=owner", "sub_users=maria", "security_questions=yes",
        "--inventory", inventory,
    )  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    assert 'login_users = ["owner"] (was ["owner", "maria"])' in result.stdout
    assert "security_questions = true (was not set)" in result.stdout
    account = load_inventory(inventory).accounts[0]
    assert account.access.login_users == ("owner",) and account.access.sub_users == ("maria",)
    assert account.security_questions
    removed = invoke("set", "etsy", "sub_users=", "--inventory", inventory)
    assert "sub_users removed" in removed.stdout
    assert load_inventory(inventory).accounts[0].access.sub_users == ()


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("codes_to=owner,li", "account 'etsy' (accounts[0]): codes_to: 'li' is not a person"),
        ("security_questions=maybe", "security_questions: 'maybe': write true or false"),
    ],
)
def test_a_bad_person_or_flag_writes_nothing(
    inventory: Path, assignment: str, message: str
) -> None:
    inventory.write_text(EXISTING + PEOPLE)
    result = invoke("set", "etsy", assignment, "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr and len(result.stderr.strip().splitlines()) <= 2
    assert inventory.read_text() == EXISTING + PEOPLE
