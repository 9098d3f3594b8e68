"""Secrets read from standard input are bounded (issue 26, item 10): /dev/zero or a file piped
by mistake into a command that reads a password, seed, code or backup codes ends in one line
and exit 2, never a MemoryError, and nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.errors import ExitCode

INVENTORY = (
    'version = 1\n[[accounts]]\nid = "a"\nplatform = "ebay"\nlogin = "a@x.test"\nmfa = "totp"\n'
)
COMMANDS = [
    ["add", "b", "--platform", "ebay", "--login", "b@x.test", "--mfa", "sms", "--password-stdin"],
    ["set-secret", "a", "--stdin", "--force"],
    ["set-secret", "a", "--backup-codes", "--stdin"],
    ["use-backup-code", "a"],
    ["verify-password", "a"],
    ["verify-totp", "a"],
    ["why", "a"],
]


def _prepared(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """The inventory, the keyring's folder and the environment that uses it. The account holds
    a password, a seed and backup codes, so every command gets as far as its prompt."""
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(INVENTORY)
    keyring = tmp_path / "keyring"
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(keyring),
    }
    setup = (
        "import keyring; "
        "keyring.set_password('store-audit/a', 'a@x.test', 'Pw-Xq9!zL-long-one'); "
        "keyring.set_password('store-audit/a/totp', 'a@x.test', "
        "'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'); "
        "keyring.set_password('store-audit/a/backup', 'a@x.test', '1111-2222\\n3333-4444')"
    )
    subprocess.run([sys.executable, "-c", setup], env=env, check=True)
    return inventory, keyring, env


def _on_dev_zero(
    command: list[str], inventory: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    with open("/dev/zero", "rb") as zero:
        return subprocess.run(
            [sys.executable, "-m", "auditor", *command, "--inventory", str(inventory)],
            stdin=zero,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:3]))
def test_dev_zero_on_stdin_is_one_line_and_exit_2(tmp_path: Path, command: list[str]) -> None:
    inventory, keyring, env = _prepared(tmp_path)
    files = sorted(keyring.rglob("*"))
    assert files  # the backend's file is where the test looks
    before = inventory.read_bytes(), [f.read_bytes() for f in files if f.is_file()]
    result = _on_dev_zero(command, inventory, env)
    assert result.returncode == ExitCode.USAGE, result.stderr[-500:]
    assert "longer than 4096 characters" in result.stderr
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    after = inventory.read_bytes(), [f.read_bytes() for f in files if f.is_file()]
    assert after == before


def test_set_secret_refuses_an_entry_it_may_not_replace_before_reading_anything(
    tmp_path: Path,
) -> None:
    # the newcomer trial typed a new password twice, and only then heard it would not be stored
    inventory, _, env = _prepared(tmp_path)
    result = _on_dev_zero(["set-secret", "a", "--stdin"], inventory, env)  # would fail reading it
    assert result.returncode == ExitCode.USAGE
    assert "the keyring already holds a password for a" in result.stderr
    assert "4096" not in result.stderr and "Traceback" not in result.stderr


def test_backup_codes_for_a_platform_that_issues_none_are_refused_before_reading(
    tmp_path: Path,
) -> None:
    # the trial stored two codes under an Amazon account without a word; Seller Central issues none
    inventory, _, env = _prepared(tmp_path)
    inventory.write_text(INVENTORY.replace('platform = "ebay"', 'platform = "amazon"'))
    result = _on_dev_zero(["set-secret", "a", "--backup-codes", "--stdin"], inventory, env)
    assert result.returncode == ExitCode.USAGE, result.stderr
    assert "Amazon issues no backup codes (https://" in result.stderr
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
