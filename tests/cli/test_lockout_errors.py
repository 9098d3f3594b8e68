"""The lock-out commands on a broken keyring or a bad id: exit 3 or 2 with one line and a hint,
nothing on stdout, no traceback, and nothing typed asked for before the keyring answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.conftest import UseBackend, invoke
from tests.keyrings import FAILURES, RaisingKeyring

INVENTORY = """\
version = 1
[[accounts]]
id = "shop"
platform = "shopify"
login = "ops@acme.test"
mfa = "totp"
"""
COMMANDS = [
    ["why", "shop"],
    ["why", "shop", "--format", "json"],
    ["map"],
    ["verify-password", "shop"],
    ["use-backup-code", "shop"],
    ["set-secret", "shop", "--backup-codes", "--stdin"],
]


@pytest.mark.parametrize("failure", sorted(FAILURES))
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_exit_3_on_keyring_failure(
    tmp_path: Path, use_backend: UseBackend, failure: str, command: list[str]
) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    use_backend(RaisingKeyring(FAILURES[failure]))
    result = invoke(*command, "--inventory", path, input="1234 5678\n")
    assert result.exit_code == ExitCode.KEYRING, result.stdout
    error, hint = result.stderr.splitlines()
    assert error.startswith("store-audit: error: ") and hint.startswith("hint: ")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # not even a prompt: the keyring is asked first


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] != "map"], ids=" ".join)
def test_unknown_account_is_exit_2(
    tmp_path: Path, use_backend: UseBackend, command: list[str]
) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    use_backend(RaisingKeyring(FAILURES["locked"]))
    result = invoke(*[("nobody" if c == "shop" else c) for c in command], "--inventory", path)
    assert result.exit_code == ExitCode.USAGE  # the id is checked before the keyring is asked
    assert result.stderr == f"store-audit: error: {path}: no account with id 'nobody'\n"
