"""add, set-secret and verify-totp: prompts, --stdin, --force, validation before any write, and
nothing left behind when a write fails."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyotp
import pytest
from click.testing import Result

from auditor.errors import ExitCode
from auditor.inventory import load_inventory
from auditor.secrets import Secret
from auditor.secrets.totp import check_code, describe_check
from tests.canaries import random_seed
from tests.conftest import UseBackend, invoke
from tests.keyrings import MemoryKeyring

SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
EXISTING = (
    '# my stores\nversion = 1\n\n[[accounts]]\nid = "etsy"  # the old shop\n'
    'platform = "etsy"\nlogin = "shop@acme.test"\nmfa = "sms"\n'
)


class FailOnWrite(MemoryKeyring):
    def __init__(self, fail_at: int) -> None:
        super().__init__()
        self.fail_at = fail_at

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.writes + 1 == self.fail_at:
            self.writes += 1
            raise OSError("disk full")
        super().set_password(service, username, password)


def add(inventory: Path, *extra: str, answers: str) -> Result:
    return invoke(
        "add",
        "amazon-us",
        "--platform",
        "amazon",
        "--login",
        "ops@acme.test",
        "--mfa",
        "totp",
        "--region",
        "US",
        "--inventory",
        inventory,
        *extra,
        input=answers,
    )


def test_add_creates_the_inventory_and_stores_both_secrets(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "new" / "store-audit.toml"
    inventory.parent.mkdir()
    result = add(inventory, answers=f"Pw-1!xyzXYZ\nPw-1!xyzXYZ\n{SEED}\n")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "added amazon-us to" in result.stdout and "(created)" in result.stdout
    account = load_inventory(inventory).account("amazon-us")
    assert account is not None and (account.platform, account.region, account.mfa) == (
        "amazon",
        "US",
        "totp",
    )
    assert memory_keyring.entries == {
        ("store-audit/amazon-us", "ops@acme.test"): "Pw-1!xyzXYZ",
        ("store-audit/amazon-us/totp", "ops@acme.test"): SEED,
    }
    assert oct(inventory.stat().st_mode & 0o777) == "0o600"


def test_add_keeps_comments_and_refuses_what_exists(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(EXISTING)
    added = add(inventory, answers="pw-Aa1!pw-Aa1!\npw-Aa1!pw-Aa1!\n\n")
    assert added.exit_code == ExitCode.OK
    assert "its password is in the keyring" in added.stdout
    text = inventory.read_text()
    assert text.startswith("# my stores\n") and 'id = "etsy"  # the old shop' in text
    assert 'mfa = "sms"\n\n[[accounts]]\nid = "amazon-us"' in text  # tidy: a blank line

    again = add(inventory, answers="x\nx\n\n")
    assert again.exit_code == ExitCode.USAGE
    assert "account 'amazon-us' is already in the inventory" in again.stderr
    assert inventory.read_text() == text


def test_add_never_replaces_a_keyring_entry_without_force(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    memory_keyring.entries["store-audit/amazon-us", "ops@acme.test"] = "left-over"
    refused = add(inventory, answers="New-pw-1!x\nNew-pw-1!x\n\n")
    assert refused.exit_code == ExitCode.USAGE
    assert "already holds a password for amazon-us" in refused.stderr
    assert not inventory.exists()
    assert memory_keyring.entries == {("store-audit/amazon-us", "ops@acme.test"): "left-over"}
    forced = add(inventory, "--force", answers="New-pw-1!x\nNew-pw-1!x\n\n")
    assert forced.exit_code == ExitCode.OK
    assert memory_keyring.entries[("store-audit/amazon-us", "ops@acme.test")] == "New-pw-1!x"


@pytest.mark.parametrize(
    ("extra", "answers", "message"),
    [
        ((), "pw\npw\nNOT-A-SEED-189\n", "the TOTP seed was not stored: the seed is not valid"),
        (("--mfa", "sms"), f"pw\npw\n{SEED}\n", "a TOTP seed was given but --mfa is 'sms'"),
        (("--recovery-email", "a\u0007b@x.com"), "pw\npw\n\n", "recovery_email: holds a control"),
        ((), "\n\n", "no password given"),
    ],
    ids=["bad seed", "seed without totp", "bad field", "empty password"],
)
def test_add_validates_before_writing(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    extra: tuple[str, ...],
    answers: str,
    message: str,
) -> None:
    inventory = tmp_path / "store-audit.toml"
    result = add(inventory, *extra, answers=answers)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr
    assert memory_keyring.writes == 0 and not inventory.exists()


@pytest.mark.parametrize("fail_at", [1, 2])
def test_add_leaves_nothing_when_a_write_fails(
    tmp_path: Path, use_backend: UseBackend, fail_at: int
) -> None:
    backend = FailOnWrite(fail_at)
    use_backend(backend)
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(EXISTING)
    result = add(inventory, answers=f"Pw-1!xyz\nPw-1!xyz\n{SEED}\n")
    assert result.exit_code == ExitCode.KEYRING
    assert "amazon-us" in result.stderr and "OSError" in result.stderr
    assert backend.entries == {}
    assert inventory.read_text() == EXISTING


def test_set_secret(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(EXISTING)
    first = invoke("set-secret", "etsy", "--stdin", "--inventory", inventory, input="Etsy-pw-1!x\n")
    assert first.exit_code == ExitCode.OK
    assert memory_keyring.entries == {("store-audit/etsy", "shop@acme.test"): "Etsy-pw-1!x"}
    assert f"password_changed = {dt.date.today().isoformat()} (was not set)" in first.stdout
    assert load_inventory(inventory).accounts[0].password_changed == dt.date.today()
    assert inventory.read_text().startswith("# my stores\n")  # comments kept
    refused = invoke("set-secret", "etsy", "--stdin", "--inventory", inventory, input="other\n")
    assert refused.exit_code == ExitCode.USAGE and "--force" in refused.stderr
    forced = invoke(
        "set-secret",
        "etsy",
        "--inventory",
        inventory,
        "--force",
        input="Etsy-pw-2!x\nEtsy-pw-2!x\n",
    )  # prompted, hidden, confirmed
    assert forced.exit_code == ExitCode.OK
    assert memory_keyring.entries[("store-audit/etsy", "shop@acme.test")] == "Etsy-pw-2!x"

    seed = invoke(
        "set-secret", "etsy", "--totp", "--stdin", "--inventory", inventory, input=f"{SEED}\n"
    )
    assert seed.exit_code == ExitCode.OK
    assert 'etsy: mfa = "totp" (was "sms")' in seed.stdout
    assert load_inventory(inventory).accounts[0].mfa == "totp"
    bad = invoke(
        "set-secret",
        "etsy",
        "--totp",
        "--stdin",
        "--force",
        "--inventory",
        inventory,
        input="123456\n",
    )
    assert bad.exit_code == ExitCode.USAGE and "not valid base32" in bad.stderr
    assert memory_keyring.entries[("store-audit/etsy/totp", "shop@acme.test")] == SEED
    unknown = invoke("set-secret", "nope", "--stdin", "--inventory", inventory, input="x\n")
    assert unknown.exit_code == ExitCode.USAGE and "no account with id 'nope'" in unknown.stderr


NOW = 1_800_000_015.0  # 15 s into a 30-second step


@pytest.mark.parametrize("steps", [0, 1, -1, 3, -3])
def test_check_code_finds_the_clock_offset(steps: int) -> None:
    code = pyotp.TOTP(SEED).at(NOW - steps * 30)
    assert check_code(Secret(SEED), code, NOW).steps == steps


def test_check_code_from_another_seed_matches_nothing() -> None:
    other = pyotp.TOTP(random_seed(20)).at(NOW)
    assert check_code(Secret(SEED), other, NOW).steps is None


@pytest.mark.parametrize(
    ("steps", "ok", "words"),
    [
        (0, True, "matches the stored seed now"),
        (1, True, "one step (30 s) off"),
        (3, False, "runs 90 s behind this computer's"),
        (-3, False, "runs 90 s ahead of"),
        (None, False, "belongs to another account"),
    ],
)
def test_verdicts(steps: int | None, ok: bool, words: str) -> None:
    from auditor.secrets.totp import CodeCheck

    line, good = describe_check("amazon-us", CodeCheck(steps, 30, 10))
    assert good is ok and words in line


def test_verify_totp_command(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(EXISTING)
    memory_keyring.entries["store-audit/etsy/totp", "shop@acme.test"] = (
        f"otpauth://totp/Etsy:shop%40acme.test?secret={SEED}&issuer=Etsy"
    )
    now = invoke(
        "verify-totp", "etsy", "--inventory", inventory, input=pyotp.TOTP(SEED).now() + "\n"
    )
    assert now.exit_code == ExitCode.OK, now.stdout  # now, or one step off at a boundary
    wrong = invoke(
        "verify-totp",
        "etsy",
        "--inventory",
        inventory,
        input=pyotp.TOTP(random_seed(20)).now() + "\n",
    )
    assert wrong.exit_code == ExitCode.FINDINGS and "another account" in wrong.stdout
    drifted = invoke(
        "verify-totp",
        "etsy",
        "--inventory",
        inventory,
        input=pyotp.TOTP(SEED).at(__import__("time").time() - 150) + "\n",
    )
    assert drifted.exit_code == ExitCode.FINDINGS and "behind this computer's" in drifted.stdout
    garbage = invoke("verify-totp", "etsy", "--inventory", inventory, input="abc\n")
    assert garbage.exit_code == ExitCode.USAGE
    assert "etsy: the code holds a letter or symbol" in garbage.stderr
    short = invoke("verify-totp", "etsy", "--inventory", inventory, input="12345\n")
    assert short.exit_code == ExitCode.USAGE, short.stdout
    assert "etsy: the code has 5 digits; the stored seed makes 6-digit codes" in short.stderr
    assert "another account" not in short.stdout + short.stderr
    del memory_keyring.entries["store-audit/etsy/totp", "shop@acme.test"]
    missing = invoke("verify-totp", "etsy", "--inventory", inventory, input="123456\n")
    assert missing.exit_code == ExitCode.USAGE and "no TOTP seed stored" in missing.stderr


def test_verify_totp_names_the_account_whose_seed_made_the_code(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    # The same judgement as `why`'s: a code from another stored seed is named for its account.
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(
        EXISTING + '\n[[accounts]]\nid = "shopify"\nplatform = "shopify"\n'
        'login = "shop@acme.test"\nmfa = "totp"\n'
    )
    other = random_seed(20)
    memory_keyring.entries["store-audit/etsy/totp", "shop@acme.test"] = SEED
    memory_keyring.entries["store-audit/shopify/totp", "shop@acme.test"] = other
    result = invoke(
        "verify-totp", "etsy", "--inventory", inventory, input=pyotp.TOTP(other).now() + "\n"
    )
    assert result.exit_code == ExitCode.FINDINGS, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "this code is shopify's: you are reading the wrong entry in your authenticator"
    )


def test_add_reads_password_and_seed_from_stdin(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    result = invoke(
        "add", "etsy", "--platform", "etsy", "--login", "shop@acme.test", "--mfa", "totp",
        "--password-stdin", "--inventory", inventory, input=f"Etsy-stdin-Xq9!zL\n{SEED}\n",
    )  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    first_line = (
        memory_keyring.entries[("store-audit/etsy", "shop@acme.test")] == "Etsy-stdin-Xq9!zL"
    )
    assert first_line, "the password is the first line"
    assert ("store-audit/etsy/totp", "shop@acme.test") in memory_keyring.entries
