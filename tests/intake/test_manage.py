"""Everyday changes without a text editor (issue 23, item 7): `list`, `remove ID`, `rename ID NEW`
and `set ID login=...` change the inventory and move or delete the account's keyring entries
together, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyring.errors import PasswordSetError

from auditor.errors import ExitCode
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

INVENTORY = """\
version = 1

# the owner's mailbox
[[accounts]]
id = "gmail-owner"
platform = "gmail"
login = "owner@gmail.com"
mfa = "totp"

[[accounts]]
id = "ebay-uk"   # the UK store
platform = "ebay"
login = "owner@gmail.com"
mfa = "totp"
store = "Acme UK"

[[accounts]]
id = "etsy"
platform = "etsy"
login = "shop@acme.test"
mfa = "sms"
"""
SECRETS = {
    ("store-audit/gmail-owner", "owner@gmail.com"): "Gm-pw-7#xQz!kV2r",
    ("store-audit/ebay-uk", "owner@gmail.com"): "Eb-pw-4$tLm@9wRp",
    ("store-audit/ebay-uk/totp", "owner@gmail.com"): "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    ("store-audit/ebay-uk/backup", "owner@gmail.com"): "1111\n2222\n3333",
    ("store-audit/etsy", "shop@acme.test"): "Et-pw-2!nVc#8kYs",
}


@pytest.fixture
def inventory(tmp_path: Path, memory_keyring: MemoryKeyring) -> Path:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    memory_keyring.entries.update(SECRETS)
    return path


def _ebay_entries(keyring: MemoryKeyring, service: str, user: str) -> dict[str, str]:
    return {
        suffix: keyring.entries[service + suffix, user]
        for suffix in ("", "/totp", "/backup")
        if (service + suffix, user) in keyring.entries
    }


def test_list_shows_each_account_and_what_is_stored(inventory: Path) -> None:
    result = invoke("list", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"3 accounts in {inventory}"
    assert "ebay-uk  eBay store, Acme UK  owner@gmail.com" in lines
    assert "    2FA: totp; stored: password, TOTP seed, 3 backup codes" in lines
    assert "    2FA: sms; stored: password" in lines
    assert all(len(line) <= 80 for line in lines[1:])
    data = json.loads(invoke("list", "--inventory", inventory, "--format", "json").stdout)
    assert data["schema"] == "store-audit/list/1"
    ebay = next(a for a in data["accounts"] if a["id"] == "ebay-uk")
    assert ebay["stored"] == {
        "password": True,
        "totp_seed": True,
        "backup_codes": 3,
        "security_answers": 0,
    }


def test_remove_takes_the_account_and_its_entries_and_nothing_else(
    inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    result = invoke("remove", "ebay-uk", "--yes", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert f"removed ebay-uk from {inventory}" in result.stdout
    assert "deleted its password, TOTP seed and backup codes from the keyring" in result.stdout
    text = inventory.read_text()
    assert 'id = "ebay-uk"' not in text and "# the owner's mailbox" in text
    assert _ebay_entries(memory_keyring, "store-audit/ebay-uk", "owner@gmail.com") == {}
    assert (
        memory_keyring.entries["store-audit/gmail-owner", "owner@gmail.com"]
        == (SECRETS["store-audit/gmail-owner", "owner@gmail.com"])
    )
    assert not (inventory.parent / ".store-audit.toml.journal").exists()
    assert invoke("audit", "--inventory", inventory).exit_code in (ExitCode.OK, ExitCode.FINDINGS)


def test_remove_asks_and_off_a_terminal_refuses_without_yes(
    inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    before = inventory.read_text()
    result = invoke("remove", "ebay-uk", "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert "there is no terminal to ask on" in result.stderr and "--yes" in result.stderr
    assert inventory.read_text() == before
    assert len(_ebay_entries(memory_keyring, "store-audit/ebay-uk", "owner@gmail.com")) == 3


def test_remove_of_an_unknown_id_suggests_the_closest(inventory: Path) -> None:
    result = invoke("remove", "ebay-us", "--yes", "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(
        f"store-audit: error: {inventory}: no account with id 'ebay-us': did you mean ebay-uk?"
    )


def test_rename_moves_every_entry_and_keeps_the_layout(
    inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    old = _ebay_entries(memory_keyring, "store-audit/ebay-uk", "owner@gmail.com")
    result = invoke("rename", "ebay-uk", "ebay-gb", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "renamed ebay-uk to ebay-gb" in result.stdout
    assert _ebay_entries(memory_keyring, "store-audit/ebay-gb", "owner@gmail.com") == old
    assert _ebay_entries(memory_keyring, "store-audit/ebay-uk", "owner@gmail.com") == {}
    assert 'id = "ebay-gb"   # the UK store' in inventory.read_text()
    listed = invoke("list", "--inventory", inventory).stdout
    assert "stored: password, TOTP seed, 3 backup codes" in listed


@pytest.mark.parametrize(
    ("new_id", "message"),
    [
        ("etsy", "an account with id 'etsy' is already there"),
        ("Bad Id!", "id"),
    ],
)
def test_rename_refuses_a_taken_or_bad_id_and_changes_nothing(
    inventory: Path, memory_keyring: MemoryKeyring, new_id: str, message: str
) -> None:
    before = inventory.read_text()
    entries = dict(memory_keyring.entries)
    result = invoke("rename", "ebay-uk", new_id, "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr and "Traceback" not in result.stderr
    assert inventory.read_text() == before and dict(memory_keyring.entries) == entries


def test_rename_onto_entries_another_inventory_holds_changes_nothing(
    inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.entries["store-audit/ebay-gb", "owner@gmail.com"] = "someone-else's"
    before = inventory.read_text()
    result = invoke("rename", "ebay-uk", "ebay-gb", "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert "already holds a password under service 'store-audit/ebay-gb'" in result.stderr
    assert inventory.read_text() == before
    assert len(_ebay_entries(memory_keyring, "store-audit/ebay-uk", "owner@gmail.com")) == 3


def test_set_login_moves_the_entries_to_the_new_user_name(
    inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    old = _ebay_entries(memory_keyring, "store-audit/ebay-uk", "owner@gmail.com")
    result = invoke("set", "ebay-uk", "login=uk@acme.test", "mfa=sms", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert 'ebay-uk: login = "uk@acme.test" (was "owner@gmail.com")' in result.stdout
    assert "moved its password, TOTP seed and backup codes in the keyring" in result.stdout
    assert _ebay_entries(memory_keyring, "store-audit/ebay-uk", "uk@acme.test") == old
    assert _ebay_entries(memory_keyring, "store-audit/ebay-uk", "owner@gmail.com") == {}
    assert 'login = "uk@acme.test"' in inventory.read_text()


def test_set_id_points_to_rename(inventory: Path) -> None:
    result = invoke("set", "ebay-uk", "id=ebay-gb", "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert "store-audit rename ID NEW" in result.stderr


class _FailsOnSecondWrite(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        if self.writes == 1:
            self.writes += 1
            raise PasswordSetError("disk full")
        super().set_password(service, username, password)


def test_a_failed_move_leaves_inventory_and_keyring_as_they_were(
    tmp_path: Path, use_backend: object
) -> None:
    backend = _FailsOnSecondWrite()
    backend.entries.update(SECRETS)
    use_backend(backend)  # type: ignore[operator]
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    entries = dict(backend.entries)
    result = invoke("rename", "ebay-uk", "ebay-gb", "--inventory", path)
    assert result.exit_code == ExitCode.KEYRING, result.stderr
    assert "ebay-gb TOTP seed" in result.stderr and "was removed" in result.stderr
    assert path.read_text() == INVENTORY
    assert dict(backend.entries) == entries
    assert not (tmp_path / ".store-audit.toml.journal").exists()
