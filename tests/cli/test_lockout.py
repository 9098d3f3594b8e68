"""set-secret --backup-codes, use-backup-code and verify-password through the CLI, against a real
gnome-keyring daemon over D-Bus: what is stored, what the audit then counts, what a typed code or
password is found to be, and that nothing typed ever comes back out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import SecretService

from auditor.errors import ExitCode
from tests.canaries import find_leaks, leak_forms, random_core
from tests.conftest import UseBackend, invoke

pytestmark = pytest.mark.secret_service

INVENTORY = """\
version = 1
[[accounts]]
id = "gmail-owner"
platform = "gmail"
login = "owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "amazon-us"
platform = "amazon"
login = "owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "amazon-ca"
platform = "amazon"
login = "owner+ca@gmail.com"
mfa = "sms"
mfa_phone = "+1 555 010 0000"
"""
LOGINS = {"gmail-owner": "owner@gmail.com", "amazon-us": "owner@gmail.com"}
LOGINS["amazon-ca"] = "owner+ca@gmail.com"


@pytest.fixture
def real_keyring(
    secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, use_backend: UseBackend
) -> Iterator[SecretService.Keyring]:
    for name, value in secret_service_env.items():
        monkeypatch.setenv(name, value)
    backend = SecretService.Keyring()
    use_backend(backend)
    yield backend
    for account_id, login in LOGINS.items():
        for suffix in ("", "/totp", "/backup"):
            try:
                backend.delete_password(f"store-audit/{account_id}{suffix}", login)
            except Exception:  # noqa: S112 (not every test writes every entry)
                continue


@pytest.fixture
def inventory(tmp_path: Path) -> Path:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    return path


def findings(inventory: Path) -> dict[str, str]:
    result = invoke("audit", "--inventory", inventory, "--format", "json", "--fail-on", "never")
    assert result.exit_code == ExitCode.OK, result.stderr
    return {f["key"]: f["message"] for f in json.loads(result.stdout)["findings"]}


CODES = [f"{random_core()[:4]} {random_core()[:4]}" for _ in range(4)]


def test_backup_codes_are_stored_counted_and_crossed_off(
    real_keyring: SecretService.Keyring, inventory: Path
) -> None:
    forms = {f"code {i}": leak_forms(c, c.replace(" ", "")) for i, c in enumerate(CODES)}
    before = findings(inventory)
    assert "mfa.no-backup-codes:amazon-us" in before
    assert "every way in runs through that one device" in before["mfa.no-backup-codes:amazon-us"]
    assert before["mfa.no-backup-codes:gmail-owner"]  # the mailbox amazon-us signs in with

    # pasted at hidden prompts, one a line, an empty line to finish
    stored = invoke(
        "set-secret", "amazon-us", "--backup-codes", "--inventory", inventory,
        input="\n".join(CODES[:3]) + "\n\n",
    )  # fmt: skip
    assert stored.exit_code == ExitCode.OK, stored.stderr
    assert "stored 3 backup codes of amazon-us" in stored.stdout
    assert real_keyring.get_password("store-audit/amazon-us/backup", "owner@gmail.com") == (
        "\n".join(CODES[:3])
    )
    after = findings(inventory)
    assert "mfa.no-backup-codes:amazon-us" not in after
    assert "mfa.few-backup-codes:amazon-us" not in after  # three is enough

    # typed without the space and in another case: still that code
    used = invoke(
        "use-backup-code", "amazon-us", "--inventory", inventory,
        input=CODES[1].replace(" ", "").upper() + "\n",
    )  # fmt: skip
    assert used.exit_code == ExitCode.OK, used.stderr
    assert "2 backup codes left" in used.stdout and "--backup-codes --force" in used.stdout
    assert real_keyring.get_password("store-audit/amazon-us/backup", "owner@gmail.com") == (
        f"{CODES[0]}\n{CODES[2]}"
    )
    assert "2 backup codes left" in findings(inventory)["mfa.few-backup-codes:amazon-us"]

    again = invoke("use-backup-code", "amazon-us", "--inventory", inventory, input=CODES[1] + "\n")
    assert again.exit_code == ExitCode.FINDINGS
    assert "not one of the 2 stored for amazon-us; nothing was changed" in again.stdout

    for code in (CODES[0], CODES[2]):
        invoke("use-backup-code", "amazon-us", "--inventory", inventory, input=code + "\n")
    assert "mfa.no-backup-codes:amazon-us" in findings(inventory)  # the last one used
    outputs = [stored, used, again]
    assert find_leaks([r.stdout + r.stderr for r in outputs], forms) == []


def test_set_backup_codes_validates_and_never_replaces_without_force(
    real_keyring: SecretService.Keyring, inventory: Path
) -> None:
    def set_codes(text: str, *extra: str) -> tuple[int, str]:
        result = invoke(
            "set-secret", "amazon-ca", "--backup-codes", "--stdin", *extra,
            "--inventory", inventory, input=text,
        )  # fmt: skip
        return result.exit_code, result.stdout + result.stderr

    entry = ("store-audit/amazon-ca/backup", "owner+ca@gmail.com")
    assert set_codes("\n  \n") == (
        ExitCode.USAGE,
        "store-audit: error: amazon-ca: the backup codes were not stored: no backup code given\n",
    )
    code, text = set_codes("1234-5678\n" + "x" * 65 + "\n")
    assert code == ExitCode.USAGE and "code 2 is 65 characters long" in text
    assert "x" * 10 not in text
    assert real_keyring.get_password(*entry) is None

    assert set_codes("1234-5678\r\n8765-4321\r\n")[0] == ExitCode.OK
    code, text = set_codes("1111-2222\n")
    assert code == ExitCode.USAGE and "already holds backup codes for amazon-ca" in text
    assert real_keyring.get_password(*entry) == "1234-5678\n8765-4321"
    assert set_codes("1111-2222\n", "--force")[0] == ExitCode.OK
    assert real_keyring.get_password(*entry) == "1111-2222"

    both = invoke(
        "set-secret", "amazon-ca", "--totp", "--backup-codes", "--inventory", inventory, input="x\n"
    )
    assert both.exit_code == ExitCode.USAGE and "give one of them" in both.stderr
    none = invoke("use-backup-code", "amazon-us", "--inventory", inventory, input="1234\n")
    assert (
        none.exit_code == ExitCode.USAGE and "no backup codes stored for amazon-us" in none.stderr
    )


PASSWORDS = {
    "gmail-owner": f"Mailbox-{random_core()}!",
    "amazon-us": f"Us-store-{random_core()}!",
    "amazon-ca": f"Ca-store-{random_core()}!",
}


@pytest.fixture
def passwords(real_keyring: SecretService.Keyring) -> SecretService.Keyring:
    for account_id, value in PASSWORDS.items():
        real_keyring.set_password(f"store-audit/{account_id}", LOGINS[account_id], value)
    return real_keyring


@pytest.mark.parametrize(
    ("typed", "exit_code", "says"),
    [
        (PASSWORDS["amazon-us"], ExitCode.OK, "that is the password stored for amazon-us\n"),
        (
            PASSWORDS["amazon-ca"],
            ExitCode.FINDINGS,
            "that is not the password stored for amazon-us: it is the password of amazon-ca: "
            "wrong store or wrong login?\n",
        ),
        (PASSWORDS["amazon-us"].lower(), ExitCode.FINDINGS, "nor any other account's: check Caps"),
    ],
    ids=["this account's", "another store's", "nobody's"],
)
def test_verify_password(
    passwords: SecretService.Keyring, inventory: Path, typed: str, exit_code: int, says: str
) -> None:
    result = invoke("verify-password", "amazon-us", "--inventory", inventory, input=typed + "\n")
    assert result.exit_code == exit_code, result.stderr
    assert says in result.stdout
    forms = {i: leak_forms(v, v) for i, v in PASSWORDS.items()}
    assert find_leaks([result.stdout, result.stderr], forms) == []


def test_verify_password_without_a_stored_password_says_how_to_store_one(
    real_keyring: SecretService.Keyring, inventory: Path
) -> None:
    result = invoke("verify-password", "amazon-ca", "--inventory", inventory, input="x\n")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "store-audit: error: no password stored for amazon-ca\n"
        "hint: store one with `store-audit set-secret amazon-ca`\n"
    )
