"""Inventory values that try to act (issue 26, item 14): markup in `map --format markdown`,
bidi overrides, zero-width characters and newlines in `set`'s was/now lines; and an inventory
written as an inline array, which the audit reads, is one `set` and `set-secret` can edit."""

from __future__ import annotations

import tomllib
from pathlib import Path

from auditor.errors import ExitCode
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

HOSTILE = (
    'version = 1\n[[accounts]]\nid = "shop"\nplatform = "shopify"\n'
    'store = "<img src=x onerror=alert(1)> [text](https://evil.example)"\n'
    'login = "ops@acme.test"\nmfa = "sms"\nmfa_phone = "+1 555 010 0000"\n'
    '[[accounts]]\nid = "other"\nplatform = "ebay"\nmfa = "sms"\n'
    'login = "<img src=x onerror=alert(1)> [text](https://evil.example)"\n'
)


def test_map_markdown_escapes_markup_as_audit_markdown_does(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(HOSTILE)
    result = invoke("map", "--format", "markdown", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "<img" not in result.stdout and "&lt;img" in result.stdout
    assert "[text](https://evil.example)" not in result.stdout
    assert "\\[text\\]" in result.stdout


def test_set_shows_hidden_characters_and_newlines_as_escapes(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(HOSTILE.replace("<img src=x onerror=alert(1)> ", "Acme\u202eSU\u200b"))
    result = invoke("set", "shop", "store=New\u202eName", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "\u202e" not in result.stdout and "\u200b" not in result.stdout
    assert "\\u202e" in result.stdout and "\\u200b" in result.stdout
    changed = [line for line in result.stdout.splitlines() if line.startswith("shop: store")]
    assert len(changed) == 1, result.stdout  # one line, whatever the value holds


def test_set_and_set_secret_edit_an_inline_array_inventory(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(
        'version = 1\naccounts = [ {id = "a1", platform = "ebay", login = "a@acme.test", '
        'mfa = "unknown"} ]\n'
    )
    assert invoke("audit", "--inventory", inventory, "--format", "json").exit_code in (0, 1)
    result = invoke("set", "a1", "mfa=sms", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert tomllib.loads(inventory.read_text())["accounts"][0]["mfa"] == "sms"
    env = {"PYTHON_KEYRING_BACKEND": "tests.keyrings.MemoryKeyring"}
    stored = invoke(
        "set-secret", "a1", "--stdin", "--inventory", inventory, input="New-pw-Xq9!zL\n", env=env
    )
    assert stored.exit_code == ExitCode.OK, stored.stderr
    assert memory_keyring.entries["store-audit/a1", "a@acme.test"] == "New-pw-Xq9!zL"
    assert "password_changed" in tomllib.loads(inventory.read_text())["accounts"][0]
