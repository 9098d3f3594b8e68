"""set-secret --security-answers through the CLI against a real gnome-keyring daemon: the
answers are stored one a line, the inventory then says the account has security questions, the
audit compares them between accounts (case and spaces aside) and nothing typed comes back out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyring.backends import SecretService

from auditor.errors import ExitCode
from tests.canaries import find_leaks, leak_forms, random_core
from tests.conftest import invoke

pytestmark = pytest.mark.secret_service

INVENTORY = """\
version = 1
[[accounts]]
id = "amazon-us"
platform = "amazon"
login = "owner@acme.test"
mfa = "totp"
security_questions = true
[[accounts]]
id = "paypal"
platform = "paypal"
login = "money@acme.test"
mfa = "totp"
"""


def findings(inventory: Path) -> dict[str, dict[str, object]]:
    result = invoke("audit", "--inventory", inventory, "--format", "json", "--fail-on", "never")
    assert result.exit_code == ExitCode.OK, result.stderr
    return {f["key"]: f for f in json.loads(result.stdout)["findings"]}


def test_answers_are_stored_compared_and_never_shown(
    real_keyring: SecretService.Keyring, tmp_path: Path
) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(INVENTORY)
    shared, other = f"Pet {random_core()}", f"Street {random_core()}"
    forms = {"shared": leak_forms(shared, shared[4:]), "other": leak_forms(other, other[7:])}
    assert "recovery.answers-missing:amazon-us" in findings(inventory)

    stored = invoke(
        "set-secret", "amazon-us", "--security-answers", "--inventory", inventory,
        input=f"{shared}\n{other}\n\n",
    )  # fmt: skip
    assert stored.exit_code == ExitCode.OK, stored.stderr
    assert "stored 2 security answers of amazon-us" in stored.stdout
    assert real_keyring.get_password("store-audit/amazon-us/answers", "owner@acme.test") == (
        f"{shared}\n{other}"
    )
    assert "recovery.answers-missing:amazon-us" not in findings(inventory)

    # paypal gets the same answer in other case and spacing, through stdin: the inventory now
    # says paypal has questions, and the audit finds the reuse
    second = invoke(
        "set-secret", "paypal", "--security-answers", "--stdin", "--inventory", inventory,
        input="  " + shared.upper().replace(" ", "   ") + "\n",
    )  # fmt: skip
    assert second.exit_code == ExitCode.OK, second.stderr
    assert "security_questions = true" in inventory.read_text().split('id = "paypal"')[1]
    assert "security_questions = true (was not set)" in second.stdout
    reused = findings(inventory)["recovery.answers-reused:amazon-us,paypal"]
    assert reused["severity"] == "high"  # a payment account among them

    again = invoke(
        "set-secret", "paypal", "--security-answers", "--stdin", "--inventory", inventory,
        input="something else\n",
    )  # fmt: skip
    assert again.exit_code == ExitCode.USAGE
    assert "already holds security answers for paypal" in again.stderr
    empty = invoke(
        "set-secret", "paypal", "--security-answers", "--stdin", "--force", "--inventory",
        inventory, input="\n\n",
    )  # fmt: skip
    assert empty.exit_code == ExitCode.USAGE and "no answer given" in empty.stderr
    outputs = [stored, second, again, empty]
    report = invoke("audit", "--inventory", inventory, "--format", "json", "--fail-on", "never")
    assert find_leaks([r.stdout + r.stderr for r in [*outputs, report]], forms) == []
