"""Typos are caught, not accepted silently (issue 23, item 8): an unknown platform at `add` or
`set` needs `--platform-unknown` and gets the closest known one; an unknown account id or command
gets the closest one."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

INVENTORY = """\
version = 1
[[accounts]]
id = "amazon-na"
platform = "amazon"
login = "ops@acme.test"
mfa = "totp"
"""


@pytest.fixture
def inventory(tmp_path: Path, memory_keyring: MemoryKeyring) -> Path:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    return path


def test_add_with_a_misspelt_platform_asks_for_confirmation(
    inventory: Path, memory_keyring: MemoryKeyring
) -> None:
    add = [*"add wm --platform walmrt --login wm@acme.test --mfa sms".split(), "--inventory"]
    result = invoke(*add, inventory, "--password-stdin", input="Wm-pw-5#kQz!vL2r\n")
    assert result.exit_code == ExitCode.USAGE
    assert "platform 'walmrt' is not in the platform catalog: did you mean walmart?" in (
        result.stderr
    )
    assert "--platform-unknown" in result.stderr
    assert inventory.read_text() == INVENTORY and not memory_keyring.entries
    confirmed = invoke(
        *add, inventory, "--platform-unknown", "--password-stdin", input="Wm-pw-5#kQz!vL2r\n"
    )
    assert confirmed.exit_code == ExitCode.OK, confirmed.stderr
    assert 'platform = "walmrt"' in inventory.read_text()


def test_set_with_a_misspelt_platform_asks_for_confirmation(inventory: Path) -> None:
    result = invoke("set", "amazon-na", "platform=wallmart", "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert "did you mean walmart?" in result.stderr
    assert inventory.read_text() == INVENTORY
    known = invoke("set", "amazon-na", "platform=walmart", "--inventory", inventory)
    assert known.exit_code == ExitCode.OK, known.stderr
    odd = invoke(
        "set", "amazon-na", "platform=mystore", "--platform-unknown", "--inventory", inventory
    )
    assert odd.exit_code == ExitCode.OK, odd.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["audit", "--account", "amazon-us"],
        ["onboard", "amazon-us"],
        ["set", "amazon-us", "mfa=sms"],
        ["set-secret", "amazon-us", "--stdin"],
        ["verify-totp", "amazon-us"],
        ["why", "amazon-us", "--no-prompt"],
        ["remove", "amazon-us", "--yes"],
        ["rename", "amazon-us", "amazon-x"],
    ],
)
def test_an_unknown_id_suggests_the_closest(inventory: Path, command: list[str]) -> None:
    result = invoke(*command, "--inventory", inventory, input="x\n")
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert "no account with id 'amazon-us': did you mean amazon-na?" in result.stderr


def test_a_misspelt_key_and_command_suggest_the_closest(inventory: Path) -> None:
    key = invoke("set", "amazon-na", "platfrom=ebay", "--inventory", inventory)
    assert key.exit_code == ExitCode.USAGE
    assert "platfrom: not a field `set` changes: did you mean platform?" in key.stderr
    command = invoke("audti")
    assert command.exit_code == ExitCode.USAGE
    assert "No such command 'audti': did you mean audit?" in command.stderr
