"""set-secret --backup-codes, use-backup-code and verify-password through the CLI, against a real
gnome-keyring daemon over D-Bus: what is stored, what the audit then counts, what a typed code or
password is found to be, and that nothing typed ever comes back out."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyotp
import pytest
from click.testing import Result
from keyring.backends import SecretService

from auditor.errors import ExitCode
from tests.canaries import find_leaks, leak_forms, random_core, random_seed
from tests.conftest import invoke

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
[[accounts]]
id = "shopify"
platform = "shopify"
login = "shop@acme.test"
mfa = "totp"
"""
LOGINS = {"gmail-owner": "owner@gmail.com", "amazon-us": "owner@gmail.com"}
LOGINS["amazon-ca"] = "owner+ca@gmail.com"
LOGINS["shopify"] = "shop@acme.test"


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
    assert "mfa.no-backup-codes:shopify" in before
    assert "every way in runs through that one device" in before["mfa.no-backup-codes:shopify"]
    assert before["mfa.no-backup-codes:gmail-owner"]  # the mailbox amazon-us signs in with
    assert "mfa.no-backup-codes:amazon-us" not in before  # Seller Central issues no codes

    # pasted at hidden prompts, one a line, an empty line to finish
    stored = invoke(
        "set-secret", "shopify", "--backup-codes", "--inventory", inventory,
        input="\n".join(CODES[:3]) + "\n\n",
    )  # fmt: skip
    assert stored.exit_code == ExitCode.OK, stored.stderr
    assert "stored 3 backup codes of shopify" in stored.stdout
    assert real_keyring.get_password("store-audit/shopify/backup", "shop@acme.test") == (
        "\n".join(CODES[:3])
    )
    after = findings(inventory)
    assert "mfa.no-backup-codes:shopify" not in after
    assert "mfa.few-backup-codes:shopify" not in after  # three is enough

    # typed without the space and in another case: still that code
    used = invoke(
        "use-backup-code", "shopify", "--inventory", inventory,
        input=CODES[1].replace(" ", "").upper() + "\n",
    )  # fmt: skip
    assert used.exit_code == ExitCode.OK, used.stderr
    assert "2 backup codes left" in used.stdout and "--backup-codes --force" in used.stdout
    assert real_keyring.get_password("store-audit/shopify/backup", "shop@acme.test") == (
        f"{CODES[0]}\n{CODES[2]}"
    )
    assert "2 backup codes left" in findings(inventory)["mfa.few-backup-codes:shopify"]

    again = invoke("use-backup-code", "shopify", "--inventory", inventory, input=CODES[1] + "\n")
    assert again.exit_code == ExitCode.MISMATCH  # a typing matter, not a finding
    assert "not one of the 2 stored for shopify; nothing was changed" in again.stdout

    for code in (CODES[0], CODES[2]):
        invoke("use-backup-code", "shopify", "--inventory", inventory, input=code + "\n")
    assert "mfa.no-backup-codes:shopify" in findings(inventory)  # the last one used
    outputs = [stored, used, again]
    assert find_leaks([r.stdout + r.stderr for r in outputs], forms) == []


def test_set_backup_codes_validates_and_never_replaces_without_force(
    real_keyring: SecretService.Keyring, inventory: Path
) -> None:
    def set_codes(text: str, *extra: str) -> tuple[int, str]:
        result = invoke(
            "set-secret", "gmail-owner", "--backup-codes", "--stdin", *extra,
            "--inventory", inventory, input=text,
        )  # fmt: skip
        return result.exit_code, result.stdout + result.stderr

    entry = ("store-audit/gmail-owner/backup", "owner@gmail.com")
    assert set_codes("\n  \n") == (
        ExitCode.USAGE,
        "store-audit: error: gmail-owner: the backup codes were not stored: no backup code given\n",
    )
    code, text = set_codes("1234-5678\n" + "x" * 65 + "\n")
    assert code == ExitCode.USAGE and "code 2 is longer than a backup code can be" in text
    assert "65" not in text  # a secret's length is never said (issue 26)
    assert "x" * 10 not in text
    assert real_keyring.get_password(*entry) is None

    assert set_codes("1234-5678\r\n8765-4321\r\n")[0] == ExitCode.OK
    code, text = set_codes("1111-2222\n")
    assert code == ExitCode.USAGE and "already holds backup codes for gmail-owner" in text
    assert real_keyring.get_password(*entry) == "1234-5678\n8765-4321"
    assert set_codes("1111-2222\n", "--force")[0] == ExitCode.OK
    assert real_keyring.get_password(*entry) == "1111-2222"

    amazon = invoke(
        "set-secret", "amazon-ca", "--backup-codes", "--stdin", "--inventory", inventory,
        input="1234-5678\n",
    )  # fmt: skip
    assert amazon.exit_code == ExitCode.USAGE and "Amazon issues no backup codes" in amazon.stderr
    assert real_keyring.get_password("store-audit/amazon-ca/backup", "owner+ca@gmail.com") is None
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
            ExitCode.MISMATCH,
            "that is not the password stored for amazon-us: it is the password of amazon-ca: "
            "wrong store or wrong login?\n",
        ),
        (PASSWORDS["amazon-us"].lower(), ExitCode.MISMATCH, "nor any other account's: check Caps"),
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


WHY_INVENTORY = """\
version = 1
[[accounts]]
id = "gmail-owner"
platform = "gmail"
login = "owner@gmail.com"
recovery_email = "ops@outlook.com"
mfa = "totp"
[[accounts]]
id = "outlook-ops"
platform = "outlook"
login = "ops@outlook.com"
mfa = "sms"
mfa_phone = "+1 555 010 0000"
[[accounts]]
id = "amazon-us"
platform = "amazon"
region = "US"
login = "owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "amazon-ca"
platform = "amazon"
region = "CA"
login = "Owner+ca@gmail.com"
mfa = "sms"
mfa_phone = "+1 (555) 010-0000"
[[accounts]]
id = "etsy"
platform = "etsy"
login = "shop@acme.test"
mfa = "totp"
"""
WHY_LOGINS = {
    "gmail-owner": "owner@gmail.com",
    "outlook-ops": "ops@outlook.com",
    "amazon-us": "owner@gmail.com",
    "amazon-ca": "Owner+ca@gmail.com",
    "etsy": "shop@acme.test",
}


class WhyKeyring:
    """Passwords for every account, seeds for the app users, backup codes for etsy."""

    def __init__(self) -> None:
        self.passwords = {i: f"{i.title()}-{random_core()}!" for i in WHY_LOGINS}
        self.seeds = {i: random_seed(20) for i in ("gmail-owner", "amazon-us", "etsy")}
        self.entries = {
            (f"store-audit/{i}", WHY_LOGINS[i]): value for i, value in self.passwords.items()
        }
        self.entries |= {
            (f"store-audit/{i}/totp", WHY_LOGINS[i]): value for i, value in self.seeds.items()
        }
        self.entries[("store-audit/etsy/backup", WHY_LOGINS["etsy"])] = "1111\n2222\n3333"
        self.forms = {
            f"{i} {n}": leak_forms(v, v)
            for n, table in (("password", self.passwords), ("seed", self.seeds))
            for i, v in table.items()
        }


@pytest.fixture
def why_setup(
    real_keyring: SecretService.Keyring, tmp_path: Path
) -> Iterator[tuple[WhyKeyring, Path]]:
    planted = WhyKeyring()
    for (service, user), value in planted.entries.items():
        real_keyring.set_password(service, user, value)
    path = tmp_path / "why.toml"
    path.write_text(WHY_INVENTORY)
    yield planted, path
    for service, user in planted.entries:
        real_keyring.delete_password(service, user)


def why(path: Path, account_id: str, *extra: str, input: str | None = None) -> Result:
    return invoke("why", account_id, "--inventory", path, *extra, input=input)


def code(seed: str, offset: float = 0.0) -> str:
    """The code the seed shows `offset` seconds from now, taken early enough in its 30 s step
    that the command checking it (started right after, on a loaded machine) is in the same step."""
    while (time.time() + offset) % 30 > 20:
        time.sleep(0.5)
    return str(pyotp.TOTP(seed).at(time.time() + offset))


@pytest.mark.parametrize(
    ("account_id", "answers", "step", "says", "cause"),
    [
        (
            "amazon-us",
            lambda k: f"{k.passwords['amazon-ca']}\n\n",
            "3. Right password?",
            "it is the password of amazon-ca: wrong store or wrong login?",
            "most likely cause: the password of amazon-ca",
        ),
        (
            "amazon-us",
            lambda k: f"{k.passwords['amazon-us']}\n{code(k.seeds['etsy'])}\n",
            "4. Right code?",
            "this code is etsy's: you are reading the wrong entry in your authenticator",
            "most likely cause: the code from etsy's authenticator entry",
        ),
        (
            "amazon-us",
            lambda k: f"\n{code(k.seeds['amazon-us'])[:5]}\n",
            "4. Right code?",
            "amazon-us: the code has 5 digits; the stored seed makes 6-digit codes",
            "most likely cause: a mistyped code (wrong length)",
        ),
        (  # issue 26, item 6: a (numeric) password pasted at the code prompt: never its length
            "amazon-us",
            lambda k: "\n314159265358979323\n",
            "4. Right code?",
            "what you typed is not a code of 6 digits: a password pasted where it goes?",
            "most likely cause: a mistyped code (wrong length)",
        ),
        (
            "amazon-us",
            lambda k: f"\n{code(k.seeds['amazon-us'], -120)}\n",
            "4. Right code?",
            "the authenticator's clock runs 120 s behind this computer's",
            "most likely cause: the authenticator's clock is off, so its codes are rejected",
        ),
        (
            "amazon-ca",
            lambda k: "\n",
            "5. Locked out of the mailbox too?",
            "amazon-ca → owner@gmail.com → ops@outlook.com → +1 555 010 0000: that is the phone",
            "most likely cause: one lost phone locks amazon-ca and its way back in",
        ),
        (
            "etsy",
            lambda k: f"{k.passwords['etsy']}\n{code(k.seeds['etsy'])}\n",
            "4. Right code?",
            "etsy: the code matches the stored seed now",
            "nothing here explains it: the account may be restricted or the site down",
        ),
    ],
    ids=["wrong-store password", "wrong-entry code", "5-digit code", "password as code",
         "drifting clock",
         "lost-phone chain", "nothing wrong"],
)  # fmt: skip
def test_why_finds_the_cause(
    why_setup: tuple[WhyKeyring, Path],
    account_id: str,
    answers: Callable[[WhyKeyring], str],
    step: str,
    says: str,
    cause: str,
) -> None:
    planted, path = why_setup
    result = why(path, account_id, input=answers(planted))
    assert result.exit_code == ExitCode.OK, result.stderr
    section = result.stdout.split(step, 1)[1].split("\n" + str(int(step[0]) + 1) + ". ")[0]
    assert says in section, result.stdout
    assert result.stdout.rstrip("\n").splitlines()[-1].startswith(cause)
    assert find_leaks([result.stdout, result.stderr], planted.forms) == []


def test_why_names_the_login_to_type_and_the_alias_not_to(
    why_setup: tuple[WhyKeyring, Path],
) -> None:
    _, path = why_setup
    result = why(path, "amazon-us", "--no-prompt")
    assert (
        "1. Right door?\n   sign in to Amazon US at https://sellercentral.amazon.com (source: "
        "https://github.com/amzn/selling-partner-api-docs/blob/"
    ) in result.stdout  # Amazon's own developer guide
    assert "account health and appeals: https://sellercentral.amazon.com/gp/help/external/" in (
        result.stdout
    )
    etsy = why(path, "etsy", "--no-prompt").stdout
    assert "store-audit has no sourced sign-in page for Etsy: type the address" in etsy
    assert "   type exactly: owner@gmail.com\n" in result.stdout
    step2 = result.stdout.split("2. Right email?")[1].split("3. Right password?")[0]
    assert step2 == (
        "\n   type exactly: owner@gmail.com\n"
        "   amazon-ca signs in with Owner+ca@gmail.com: don't type that one here, it opens "
        "amazon-ca\n"
    )  # the mailbox gmail-owner is the same address, but not a door to Amazon
    assert "codes come from the authenticator app entry for owner@gmail.com" in result.stdout


def test_why_without_prompts_or_stdin_asks_nothing_and_says_what_it_knows(
    why_setup: tuple[WhyKeyring, Path],
) -> None:
    planted, path = why_setup
    closed = why(path, "amazon-ca")  # stdin closed: every question skipped, no traceback
    assert closed.exit_code == ExitCode.OK and closed.stderr == ""
    assert "   skipped: `store-audit verify-password` checks it\n" in closed.stdout
    quiet = why(path, "amazon-ca", "--no-prompt")
    assert "Password you are typing" not in quiet.stdout
    assert "skipped: `store-audit verify-password` checks it" in quiet.stdout
    data = json.loads(why(path, "amazon-ca", "--format", "json").stdout)
    assert data["schema"] == "store-audit/why/1"
    assert [s["number"] for s in data["steps"]] == [1, 2, 3, 4, 5, 6]
    assert data["steps"][3]["lines"][0] == "codes come by text message to the phone ending in 0000"
    assert data["conclusion"].startswith("most likely cause: one lost phone locks amazon-ca")
    assert find_leaks([closed.stdout, quiet.stdout], planted.forms) == []


def test_map_shows_who_signs_in_where(why_setup: tuple[WhyKeyring, Path]) -> None:
    planted, path = why_setup
    data = json.loads(invoke("map", "--inventory", path, "--format", "json").stdout)
    assert data["schema"] == "store-audit/map/1"
    gmail = next(m for m in data["mailboxes"] if m["account"] == "gmail-owner")
    assert gmail["signs_in"] == ["amazon-us", "amazon-ca"]  # Owner+ca@gmail.com is that mailbox
    outlook = next(m for m in data["mailboxes"] if m["account"] == "outlook-ops")
    assert outlook["recovers"] == ["gmail-owner"]
    assert data["phones"] == [
        {"phone": "+1 555 010 0000", "receives": ["outlook-ops", "amazon-ca"], "held_by": None}
    ]
    rows = {a["id"]: a for a in data["accounts"]}
    assert (rows["etsy"]["backup_codes"], rows["amazon-us"]["backup_codes"]) == (3, 0)
    assert rows["amazon-ca"]["codes"] == "sms to …0000"
    assert rows["etsy"]["codes"] == "authenticator app"

    doctor = invoke("doctor", "--inventory", path)
    assert "backup codes in the keyring: for 1 account\n" in doctor.stdout

    table = invoke("map", "--inventory", path)
    assert table.exit_code == ExitCode.OK
    assert table.stdout.startswith("Mailboxes:\n")
    assert "shop@acme.test" in table.stdout and "(not in the inventory)" in table.stdout
    markdown = invoke("map", "--inventory", path, "--format", "markdown").stdout
    assert "## Phones" in markdown and "| +1 555 010 0000 | outlook-ops, amazon-ca  |" in markdown
    outputs = [table.stdout, markdown, json.dumps(data)]
    assert find_leaks(outputs, planted.forms) == []


def test_the_html_report_draws_the_map_for_a_narrow_screen_and_paper(
    why_setup: tuple[WhyKeyring, Path],
) -> None:
    _, path = why_setup
    page = invoke("audit", "--inventory", path, "--format", "html").stdout
    section = page.split('<h2 id="map">Who signs in where</h2>', 1)[1]
    assert "<table" not in section  # lists wrap at 400 px; tables would scroll sideways
    assert "overflow-wrap: anywhere" in page and 'name="viewport"' in page
    assert "<li><strong>etsy</strong> (Etsy): no sourced sign-in page<br>" in section
    assert "backup codes: 3</li>" in section


def test_why_map_and_verify_password_never_write_the_keyring(
    why_setup: tuple[WhyKeyring, Path], secret_service_env: dict[str, str]
) -> None:
    import secretstorage

    planted, path = why_setup
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)

        def items() -> list[tuple[str, str]]:
            return sorted(
                (i.item_path, i.get_secret().decode()) for i in collection.get_all_items()
            )

        before = items()
        answers = f"{planted.passwords['etsy']}\n{code(planted.seeds['etsy'])}\n"
        assert why(path, "etsy", input=answers).exit_code == ExitCode.OK
        assert invoke("map", "--inventory", path).exit_code == ExitCode.OK
        verify = invoke("verify-password", "etsy", "--inventory", path, input=answers)
        assert verify.exit_code == ExitCode.OK
        unchanged = items() == before  # compared apart, so a failure never prints a secret
        assert unchanged, "why, map or verify-password changed the keyring"
    finally:
        connection.close()
