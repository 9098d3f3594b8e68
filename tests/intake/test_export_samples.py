"""Every export sample in tests/data/exports/ (see SOURCES.md there) imported into a real
gnome-keyring with the result a seller expects: the accounts, the TOTP seeds, the skipped entries
numbered as the manager lists them, the non-logins counted by type; and each file given the wrong
`--from` named for the manager that wrote it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from keyring.backends import SecretService

from auditor.errors import ExitCode
from auditor.inventory import load_inventory
from tests.conftest import invoke
from tests.intake.test_import import keyring_contents, same_entries

pytestmark = pytest.mark.secret_service

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "exports"

# file, --from, {account id: mfa}, fragments the output must hold
IMPORTS = [
    (
        "bitwarden.csv",
        "bitwarden",
        {"amazon-us": "totp", "ebay-uk": "unknown"},
        ["Not logins, left out: 1 card, 1 identity, 1 secure note"],
    ),
    (
        "bitwarden.json",
        "bitwarden",
        {"etsy": "unknown", "paypal": "totp"},
        ["Not logins, left out: 1 card, 1 identity, 1 secure note"],
    ),
    (
        # an organisation's export: the collections are a hint in the plan, never recorded
        "bitwarden-organisation.csv",
        "bitwarden",
        {"amazon-us": "unknown", "etsy": "unknown"},
        [
            "Shared, says the export: amazon-us: in the Bitwarden organisation collections "
            "'Agency', 'Operations' Others there may hold these passwords; nothing about them "
            "was recorded."
        ],
    ),
    (
        "bitwarden-organisation.json",
        "bitwarden",
        {"ebay-us": "unknown", "paypal": "unknown", "etsy": "unknown"},
        [
            "ebay-us: in the Bitwarden organisation collection 'Agency' paypal: in a Bitwarden "
            "organisation Others there"
        ],
    ),
    (
        "1password8.csv",
        "1password",
        {"amazon-de": "totp", "gmail-acme-owner": "unknown"},
        ["entry 3 (Forum): forum.example.org: not a platform"],
    ),
    (
        # a Type column of folder names: a row holding a user name and password is a login
        "1password-all-fields.csv",
        "1password",
        {"amazon-de": "unknown", "ebay-uk": "unknown", "gmail-acme-owner": "unknown"},
        [
            "entry 4 (Old mailbox): no URL",
            "entry 7 (Hosting panel): panel.hosting.example: not a platform",
            "entry 8 (empty password): no password",
            "Not logins, left out: 1 credit card, 1 secure note imported into",
        ],
    ),
    ("1password7-mac.csv", "1password", {"ebay-us": "unknown", "walmart-us": "unknown"}, []),
    ("1password4.csv", "1password", {"shopify": "unknown"}, ["entry 2 (note): no password"]),
    (
        "chrome.csv",
        "chrome",
        {"amazon-ca": "unknown", "gmail-acme-owner": "unknown"},
        ["entry 3 (etsy.com): no user name"],
    ),
    ("chrome-2020.csv", "chrome", {"outlook-acme": "unknown"}, []),
    # Edge and Brave write Chrome's CSV, and a seller who exported from them says so
    ("chrome-2020.csv", "edge", {"outlook-acme": "unknown"}, []),
    ("chrome-2020.csv", "brave", {"outlook-acme": "unknown"}, []),
    (
        "firefox.csv",
        "firefox",
        {"amazon-us": "unknown", "ebay-uk": "unknown", "gmail-acme-owner": "unknown"},
        [
            "entry 3 (chrome://FirefoxAccounts): its URL is a chrome:// address, not a website",
            "entry 4 (router.acme.example): router.acme.example: not a platform",
        ],
    ),
    ("keepassxc.csv", "keepassxc", {"amazon-us": "totp"}, []),
    ("keepassxc-2.5.csv", "keepassxc", {"tiktok-us": "unknown"}, []),
    ("keepass2.csv", "keepass", {"amazon-uk": "unknown"}, ["entry 2 (Router): no URL"]),
    ("keepass2.csv", "keepassxc", {"amazon-uk": "unknown"}, []),
    ("lastpass.csv", "lastpass", {"paypal": "unknown"}, ["Not logins, left out: 1 secure note"]),
    (
        "bitwarden-two-passwords.csv",
        "bitwarden",
        {"etsy": "unknown"},
        ["entries 1 and 2 hold different passwords: no password imported"],
    ),
]
NOTHING = [
    ("1password-identities.csv", "1password", 0, "Not logins, left out: 2 non-login items"),
    ("lastpass-notes-only.csv", "lastpass", 0, "Not logins, left out: 1 secure note"),
    (
        # no type column: the identity, the card and the note are told apart from the login
        "1password-windows.csv",
        "1password",
        1,
        "Not logins, left out: 1 credit card, 1 identity, 1 non-login item",
    ),
]
REFUSED = [
    (
        "bitwarden-password-protected.json",
        "bitwarden",
        "a password-protected Bitwarden export",
        "export again without a file password",
    ),
    (
        "bitwarden-account-encrypted.json",
        "bitwarden",
        "an encrypted Bitwarden export",
        "not .json (Encrypted)",
    ),
    ("bitwarden.json", "chrome", "this looks like a Bitwarden export: use --from bitwarden", ""),
    ("chrome.csv", "lastpass", "this looks like a Chrome export: use --from chrome", ""),
    ("keepass2.csv", "1password", "this looks like a KeePass 2 export: use --from keepass", ""),
    ("lastpass.csv", "bitwarden", "this looks like a LastPass export: use --from lastpass", ""),
    ("keepassxc.csv", "chrome", "this looks like a KeePassXC export: use --from keepassxc", ""),
    ("1password8.csv", "keepassxc", "this looks like a 1Password export: use --from 1password", ""),
    ("bitwarden.csv", "1password", "this looks like a Bitwarden export: use --from bitwarden", ""),
    *(
        ("firefox.csv", manager, "this looks like a Firefox export: use --from firefox", "")
        for manager in (
            *("bitwarden", "1password", "chrome", "edge", "brave", "keepassxc", "keepass"),
            "lastpass",
        )
    ),
    *(
        (name, "firefox", f"this looks like a {said} export: use --from {manager}", "")
        for name, manager, said in (
            ("bitwarden.csv", "bitwarden", "Bitwarden"),
            ("bitwarden.json", "bitwarden", "Bitwarden"),
            ("1password8.csv", "1password", "1Password"),
            ("chrome.csv", "chrome", "Chrome"),
            ("keepassxc.csv", "keepassxc", "KeePassXC"),
            ("keepass2.csv", "keepass", "KeePass 2"),
            ("lastpass.csv", "lastpass", "LastPass"),
        )
    ),
]


def copy(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copy(SAMPLES / name, tmp_path / name))


@pytest.mark.parametrize("name, manager, accounts, fragments", IMPORTS)
def test_each_sample_imports_what_the_seller_saved(
    name: str,
    manager: str,
    accounts: dict[str, str],
    fragments: list[str],
    tmp_path: Path,
    real_keyring: SecretService.Keyring,
) -> None:
    inventory = tmp_path / "store-audit.toml"
    result = invoke("import", copy(tmp_path, name), "--from", manager, "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    flat = " ".join(result.stdout.split())
    assert not [f for f in fragments if f not in flat], "the plan does not say what it should"
    loaded = load_inventory(inventory)
    assert {a.id: a.mfa for a in loaded.accounts} == accounts
    stored = keyring_contents(only=None)
    for account in loaded.accounts:
        has_seed = (account.totp_service, account.login) in stored
        assert has_seed == (account.mfa == "totp"), account.id
    assert all(a.store is None or "." not in a.store for a in loaded.accounts)
    # what an export says about sharing is a hint in the plan, never a guess written down
    assert loaded.people == () and all(not a.access.everyone() for a in loaded.accounts)
    assert "people" not in inventory.read_text() and "_users" not in inventory.read_text()


def test_a_disputed_login_is_imported_without_a_password_and_the_audit_says_so(
    tmp_path: Path, real_keyring: SecretService.Keyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    export = copy(tmp_path, "bitwarden-two-passwords.csv")
    assert invoke("import", export, "--from", "bitwarden", "--inventory", inventory).exit_code == 0
    assert ("store-audit/etsy", "shop@acme.test") not in keyring_contents(only=None)
    audit = invoke("audit", "--inventory", inventory, "--format", "json", "--fail-on", "never")
    assert "password.missing:etsy" in {f["key"] for f in json.loads(audit.stdout)["findings"]}


@pytest.mark.parametrize("name, manager, logins, counted", NOTHING)
def test_an_export_without_logins_to_import_is_counted_not_an_error(
    name: str,
    manager: str,
    logins: int,
    counted: str,
    tmp_path: Path,
    real_keyring: SecretService.Keyring,
) -> None:
    inventory = tmp_path / "store-audit.toml"
    result = invoke("import", copy(tmp_path, name), "--from", manager, "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    said = f"({logins} login{'' if logins == 1 else 's'} in the export)"
    assert said in result.stdout and counted in result.stdout
    assert "nothing to import" in result.stdout and not inventory.exists()


@pytest.mark.parametrize("name, manager, message, hint", REFUSED)
def test_an_export_that_cannot_be_read_as_given_says_why(
    name: str,
    manager: str,
    message: str,
    hint: str,
    tmp_path: Path,
    real_keyring: SecretService.Keyring,
) -> None:
    inventory = tmp_path / "store-audit.toml"
    before = keyring_contents(only=None)  # the daemon is shared with the whole run
    result = invoke("import", copy(tmp_path, name), "--from", manager, "--inventory", inventory)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr and hint in result.stderr and "Traceback" not in result.stderr
    assert not inventory.exists()
    assert same_entries(keyring_contents(only=None), before), "the keyring changed"


# file, --from, the accounts and every skipped line of the plan with --all (which keeps logins of
# unknown sites, and nothing else)
SKIPPED_WITH_ALL = [
    (
        "1password-all-fields.csv",
        "1password",
        ["amazon-de", "ebay-uk", "gmail-acme-owner", "panel.hosting.example"],
        [
            "entry 4 (Old mailbox): no URL: cannot tell which site it is for",
            "entry 8 (empty password): no password",
        ],
    ),
    (
        # text without a scheme that names no host never becomes a platform; a bare host does
        "firefox-hand-written.csv",
        "firefox",
        ["amazon-de", "etsy"],
        [
            "entry 2 (space title): its URL is not a web address: cannot tell which site it is for",
            "entry 3 (acmebank): its URL is not a web address: cannot tell which site it is for",
            "entry 4 (owner@acme.test): its URL is not a web address: cannot tell which site it is "
            "for",
            "entry 6 (empty password): no password",
        ],
    ),
]


@pytest.mark.parametrize("name, manager, accounts, skipped", SKIPPED_WITH_ALL)
def test_what_all_cannot_keep_is_skipped_saying_why_without_offering_all(
    name: str,
    manager: str,
    accounts: list[str],
    skipped: list[str],
    tmp_path: Path,
    real_keyring: SecretService.Keyring,
) -> None:
    inventory = tmp_path / "store-audit.toml"
    export = copy(tmp_path, name)
    result = invoke(
        "import", export, "--from", manager, "--inventory", inventory, "--all", "--dry-run"
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    table = result.stdout.split("\n\n")[0].splitlines()[2:]  # below the header and its rule
    assert [row.split()[0] for row in table if not row.startswith(" ")] == accounts
    lines = [line.strip() for line in result.stdout.splitlines() if line.startswith("  entry ")]
    assert lines == skipped  # titles and reasons only: the plan shows no secret


def test_a_seed_store_audit_cannot_use_is_left_out_and_the_plan_says_why(
    tmp_path: Path, real_keyring: SecretService.Keyring
) -> None:
    # the seeds `add` and `set-secret --totp` refuse: the account comes in without one, its 2FA
    # is asked about (not recorded as totp), and the plan gives the reason, never the seed
    inventory = tmp_path / "store-audit.toml"
    export = copy(tmp_path, "bitwarden-unusable-seeds.json")
    result = invoke("import", export, "--from", "bitwarden", "--inventory", inventory, "--all")
    assert result.exit_code == ExitCode.OK, result.stderr
    loaded = load_inventory(inventory)
    assert {a.id: a.mfa for a in loaded.accounts} == {
        "amazon-us": "totp",
        "ebay-uk": "unknown",
        "etsy": "unknown",
        "paypal": "unknown",
        "store.steampowered.com": "unknown",
    }
    stored = keyring_contents(only=None)
    seeded = [a.id for a in loaded.accounts if (a.totp_service, a.login) in stored]
    assert seeded == ["amazon-us"]
    flat = " ".join(result.stdout.split())
    reasons = [
        "ebay-uk ebay acme-uk unknown new account; TOTP seed not imported: the URI's digits= is "
        "not 6, 7 or 8",
        "etsy etsy acme-shop unknown new account; TOTP seed not imported: the seed holds only 56 "
        "bits; authenticator apps need at least 80",
        "paypal paypal pay@acme.test unknown new account; TOTP seed not imported: the seed is not "
        "valid base32",
        "store.steampowered.com acme-games unknown new account; TOTP seed not imported: it is a "
        "Steam Guard secret (steam://)",
    ]
    assert not [r for r in reasons if r not in flat], "the plan does not say why"
    seeds = [i["login"]["totp"] for i in json.loads(export.read_text())["items"] if "login" in i]
    forms = {s for seed in seeds for s in (seed, seed.split("secret=")[-1].split("&")[0])}
    forms |= {seed.removeprefix("steam://") for seed in seeds}
    shown = result.stdout + result.stderr + inventory.read_text()
    assert not [form for form in forms if form in shown], "a seed reached the output"
