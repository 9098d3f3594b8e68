"""The import as a seller meets it on a real keyring: the plan shows the inventory's 2FA values,
a seed in the export records mfa = "totp", `import -` reads a pipe, and an export where nothing
maps says so without claiming an inventory that does not exist."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from keyring.backends import SecretService

from auditor.errors import ExitCode
from auditor.inventory import load_inventory
from tests.canaries import random_core, random_seed
from tests.conftest import invoke
from tests.intake.terminal import CTRL_C, in_turn, run_on_a_terminal
from tests.intake.test_import import keyring_contents

pytestmark = pytest.mark.secret_service

HEADER = "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n"
INVENTORY = """\
# mine
version = 1

[[accounts]]
id = "ebay-uk"
platform = "ebay"
login = "acme-uk"
mfa = "sms"

[[accounts]]
id = "amazon-us"
platform = "amazon"
login = "ops@acme.test"
mfa = "unknown"
"""


def one_password_csv(*rows: tuple[str, str, str, str, str]) -> str:
    return HEADER + "".join(f"{t},{u},{n},{p},{o},false,false,,\n" for t, u, n, p, o in rows)


def test_a_seed_in_the_export_records_totp_and_the_plan_shows_the_inventory(
    tmp_path: Path, real_keyring: SecretService.Keyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(INVENTORY)
    seed = random_seed(20)
    export = tmp_path / "1p.csv"
    export.write_text(
        one_password_csv(
            ("eBay", "https://signin.ebay.co.uk/", "acme-uk", f"Eb-{random_core()}!x", ""),
            ("Amazon", "https://sellercentral.amazon.com/", "ops@acme.test", "Am-1!x", seed),
        )
    )
    dry = invoke("import", export, "--from", "1password", "--inventory", inventory, "--dry-run")
    assert dry.exit_code == ExitCode.OK, dry.stderr
    ebay_row = next(line for line in dry.stdout.splitlines() if line.startswith("ebay-uk"))
    assert " sms " in ebay_row  # the inventory's value, not "unknown"
    amazon = next(line for line in dry.stdout.splitlines() if line.startswith("amazon-us"))
    assert " totp " in amazon and "sets mfa = totp (was unknown)" in " ".join(dry.stdout.split())
    assert inventory.read_text() == INVENTORY

    done = invoke("import", export, "--from", "1password", "--inventory", inventory)
    assert done.exit_code == ExitCode.OK, done.stderr
    accounts = {a.id: a.mfa for a in load_inventory(inventory).accounts}
    assert accounts == {"ebay-uk": "sms", "amazon-us": "totp"}
    assert inventory.read_text().startswith("# mine\n")
    assert keyring_contents(only=None)[("store-audit/amazon-us/totp", "ops@acme.test")] == seed
    audit = invoke("audit", "--inventory", inventory, "--format", "json", "--fail-on", "never")
    assert "mfa.unknown" not in audit.stdout


def test_import_dash_reads_the_export_from_standard_input(
    tmp_path: Path, real_keyring: SecretService.Keyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    password = f"Et-{random_core()}!x"
    piped = one_password_csv(
        ("Etsy", "https://www.etsy.com/signin", "shop@acme.test", password, "")
    )
    result = invoke("import", "-", "--from", "1password", "--inventory", inventory, input=piped)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "1 account(s) added" in result.stdout
    assert "plain text" not in result.stderr  # no file to delete
    assert keyring_contents(only=None)[("store-audit/etsy", "shop@acme.test")] == password
    assert [p for p in tmp_path.iterdir() if not p.name.startswith(".")] == [inventory]
    empty = invoke("import", "-", "--from", "1password", "--inventory", inventory, input="")
    assert empty.exit_code == ExitCode.USAGE
    assert "(standard input): empty; nothing to import" in empty.stderr


def test_an_export_where_nothing_maps_creates_nothing(
    tmp_path: Path, real_keyring: SecretService.Keyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    export = tmp_path / "1p.csv"
    export.write_text(one_password_csv(("Forum", "https://forum.example.org/", "me", "Pw-1!", "")))
    result = invoke("import", export, "--from", "1password", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "no entry in the export maps to an account" in result.stdout
    assert f"{inventory} was not created" in result.stdout and "already in" not in result.stdout
    assert not inventory.exists()


def test_after_an_import_a_terminal_asks_each_unknown_2fa(
    tmp_path: Path, real_keyring: SecretService.Keyring, secret_service_env: dict[str, str]
) -> None:
    inventory = tmp_path / "store-audit.toml"
    export = tmp_path / "chrome.csv"
    export.write_text(
        "name,url,username,password,note\n"
        f"ebay.com,https://signin.ebay.com/,acme-us,Eb-{random_core()}!x,\n"
        f"etsy.com,https://www.etsy.com/signin,shop@acme.test,Et-{random_core()}!x,\n"
    )
    shown = run_on_a_terminal(
        [sys.executable, "-m", "auditor", "import", str(export), "--from", "chrome"]
        + ["--inventory", str(inventory)],
        {**os.environ, **secret_service_env},
        in_turn(["sms", ""]),  # eBay uses SMS; Enter skips Etsy
    )
    assert "Which 2FA does each account use? (Enter skips)" in shown, shown
    assert 'ebay-us: mfa = "sms" (was "unknown")' in shown
    accounts = {a.id: (a.mfa, a.store) for a in load_inventory(inventory).accounts}
    assert accounts == {"ebay-us": ("sms", None), "etsy": ("unknown", None)}  # hosts: no store


def test_a_ctrl_c_among_the_2fa_questions_keeps_the_answers_given_before_it(
    tmp_path: Path, real_keyring: SecretService.Keyring, secret_service_env: dict[str, str]
) -> None:
    # the newcomer trial answered one question, pressed Ctrl-C at the next, and lost the answer
    inventory = tmp_path / "store-audit.toml"
    export = tmp_path / "chrome.csv"
    export.write_text(
        "name,url,username,password,note\n"
        f"ebay.com,https://signin.ebay.com/,acme-us,Eb-{random_core()}!x,\n"
        f"etsy.com,https://www.etsy.com/signin,shop@acme.test,Et-{random_core()}!x,\n"
    )
    shown = run_on_a_terminal(
        [sys.executable, "-m", "auditor", "import", str(export), "--from", "chrome"]
        + ["--inventory", str(inventory)],
        {**os.environ, **secret_service_env},
        in_turn(["sms", CTRL_C]),
    )
    assert 'ebay-us: mfa = "sms" (was "unknown")' in shown, shown
    # (its last words, "interrupted by SIGINT", can be lost with the terminal as it exits)
    assert "Traceback" not in shown
    accounts = {a.id: a.mfa for a in load_inventory(inventory).accounts}
    assert accounts == {"ebay-us": "sms", "etsy": "unknown"}


def test_off_a_terminal_the_import_prints_the_set_commands(
    tmp_path: Path, real_keyring: SecretService.Keyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    export = tmp_path / "1p.csv"
    export.write_text(
        one_password_csv(
            ("Etsy", "https://www.etsy.com/signin", "shop@acme.test", f"E-{random_core()}!", "")
        )
    )
    result = invoke("import", export, "--from", "1password", "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert '1 account(s) have mfa = "unknown"' in result.stdout
    assert "  store-audit set etsy mfa=METHOD" in result.stdout
