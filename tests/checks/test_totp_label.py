"""The one part of a stored value a report may show is an otpauth URI's label, and only where
email.totp-label-mismatch needs it (issue 26, item 8): never a label that holds the seed, never
more than 64 characters of it, never in a report about an account whose label fits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.canaries import find_leaks, leak_forms, random_seed
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

INVENTORY = (
    'version = 1\n[[accounts]]\nid = "amz"\nplatform = "amazon"\nlogin = "{}"\nmfa = "totp"\n'
)


def _audit(
    memory_keyring: MemoryKeyring, tmp_path: Path, uri: str, login: str = "ops@acme.test"
) -> str:
    memory_keyring.entries["store-audit/amz", login] = "Long-unique-Xq9!zL-pw"
    memory_keyring.entries["store-audit/amz/totp", login] = uri
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(INVENTORY.format(login))
    result = invoke("audit", "--inventory", inventory, "--format", "json")
    return result.stdout + result.stderr


@pytest.mark.parametrize("login", ["ops@acme.test", "opsuser"])
@pytest.mark.parametrize("where", ["label", "issuer"])
def test_a_label_that_holds_the_seed_is_never_shown(
    memory_keyring: MemoryKeyring, tmp_path: Path, where: str, login: str
) -> None:
    seed = random_seed(20)
    label = f"Amazon:{seed}" if where == "label" else f"{seed}:{login}"
    output = _audit(memory_keyring, tmp_path, f"otpauth://totp/{label}?secret={seed}", login)
    assert not find_leaks([output], {"seed": leak_forms(seed, seed)})


def test_a_label_for_another_login_is_named_and_bounded(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    seed = random_seed(20)
    output = _audit(
        memory_keyring, tmp_path, f"otpauth://totp/Amazon:other@acme.test?secret={seed}"
    )
    messages = [f["message"] for f in json.loads(output.split("\nstore-audit:")[0])["findings"]]
    assert any("labelled for other@acme.test" in m for m in messages), messages
    long_label = "x" * 300 + "@acme.test"
    output = _audit(memory_keyring, tmp_path, f"otpauth://totp/Amazon:{long_label}?secret={seed}")
    assert "x" * 65 not in output
