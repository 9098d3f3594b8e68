"""`store-audit import` for each password manager, into a real gnome-keyring: the inventory and the
keyring hold exactly what the export said; a failure at any keyring write leaves both as they
were; a second run is a no-op that says so; --force replaces; --dry-run writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import secretstorage
from keyring.backend import KeyringBackend
from keyring.backends import SecretService
from keyring.errors import PasswordSetError

from auditor.errors import ExitCode
from auditor.inventory import load_inventory
from tests.conftest import UseBackend, invoke
from tests.exports import EXPORTS, ExportSet, make_logins

pytestmark = pytest.mark.secret_service

EXISTING = """\
# Acme's stores. This comment and the layout below must survive an import.
version = 1

[seller]
name = "Acme"   # trailing comment

[[accounts]]
id = "shopify"
platform = "shopify"
login = "ops@acme.test"
mfa = "totp"
"""


IMPORTED = ("amazon-us", "ebay-uk", "gmail-acme-owner", "shopify")
"""The accounts these tests import; other tests' entries in the shared daemon are not theirs."""


def same_entries(found: dict[tuple[str, str], str], expected: dict[tuple[str, str], str]) -> bool:
    """Whether the keyring holds exactly the expected entries with the expected values, compared
    without a failing assert ever printing a value."""
    return set(found) == set(expected) and all(found[k] == v for k, v in expected.items())


def keyring_contents(only: tuple[str, ...] | None = IMPORTED) -> dict[tuple[str, str], str]:
    """Every store-audit entry of the imported accounts (`only`; None: of any account) in the
    real keyring: (service, user) → value."""
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        found = {}
        for item in collection.get_all_items():
            attributes = item.get_attributes()
            service = attributes.get("service", "")
            if service.startswith("store-audit/") and (
                only is None or service.split("/")[1] in only
            ):
                found[attributes["service"], attributes["username"]] = item.get_secret().decode(
                    "utf-8"
                )
        return found
    finally:
        connection.close()


def write_export(tmp_path: Path, name: str, logins: ExportSet) -> Path:
    _, writer, _ = EXPORTS[name]
    path = tmp_path / f"export-{name}.{'json' if name.endswith('json') else 'csv'}"
    path.write_text(writer(logins), encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_import_into_a_real_keyring(
    name: str, tmp_path: Path, real_keyring: SecretService.Keyring
) -> None:
    manager, _, has_totp = EXPORTS[name]
    logins = make_logins()
    export = write_export(tmp_path, name, logins)
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(EXISTING)

    result = invoke("import", export, "--from", manager, "--inventory", inventory)
    assert result.exit_code == ExitCode.OK, result.stderr
    written = 5 if has_totp else 3
    assert f"3 account(s) added, 0 updated, {written} keyring entries written" in result.stdout
    assert "forum.example.org: not a platform store-audit knows" in result.stdout
    assert "holds your passwords in plain text: delete it" in result.stderr

    text = inventory.read_text()
    assert text.startswith("# Acme's stores. This comment and the layout below must survive")
    assert 'name = "Acme"   # trailing comment' in text
    accounts = {a.id: a for a in load_inventory(inventory).accounts}
    assert set(accounts) == {"shopify", "amazon-us", "ebay-uk", "gmail-acme-owner"}
    amazon, ebay, gmail = accounts["amazon-us"], accounts["ebay-uk"], accounts["gmail-acme-owner"]
    assert (amazon.platform, amazon.kind, amazon.region, amazon.login) == (
        "amazon",
        "store",
        "US",
        "ops@acme.test",
    )
    assert (ebay.platform, ebay.region, ebay.login, ebay.mfa) == (
        "ebay",
        "UK",
        "acme-uk",
        "unknown",
    )
    assert (gmail.kind, gmail.login) == ("mailbox", "acme.owner@gmail.com")
    assert amazon.mfa == gmail.mfa == ("totp" if has_totp else "unknown")

    expected = {
        ("store-audit/amazon-us", "ops@acme.test"): logins.amazon.password,
        ("store-audit/ebay-uk", "acme-uk"): logins.ebay.password,
        ("store-audit/gmail-acme-owner", "acme.owner@gmail.com"): logins.gmail.password,
    }
    if has_totp:
        expected[("store-audit/amazon-us/totp", "ops@acme.test")] = logins.amazon.totp
        expected[("store-audit/gmail-acme-owner/totp", "acme.owner@gmail.com")] = logins.gmail.totp
    assert same_entries(keyring_contents(), expected), sorted(keyring_contents())

    again = invoke("import", export, "--from", manager, "--inventory", inventory)
    assert again.exit_code == ExitCode.OK
    assert "nothing to do: all 3 account(s) are already in" in again.stdout
    assert inventory.read_text() == text


class FailingWrites(KeyringBackend):
    """The real Secret Service, except that the k-th password write fails."""

    priority = 1

    def __init__(self, inner: KeyringBackend, fail_at: int) -> None:
        super().__init__()
        self.inner, self.fail_at, self.writes = inner, fail_at, 0

    def get_password(self, service: str, username: str) -> str | None:
        return self.inner.get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes += 1
        if self.writes == self.fail_at:
            raise PasswordSetError("the daemon went away")
        self.inner.set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.inner.delete_password(service, username)


def test_a_failure_at_any_write_leaves_keyring_and_inventory_as_they_were(
    tmp_path: Path, real_keyring: SecretService.Keyring, use_backend: UseBackend
) -> None:
    logins = make_logins()
    export = write_export(tmp_path, "1password", logins)
    inventory = tmp_path / "store-audit.toml"
    # an account's entry already there, that the forced import replaces first and a failure must
    # restore (an entry no account names is another inventory's: an import never takes it over)
    inventory.write_text(
        EXISTING + '\n[[accounts]]\nid = "amazon-us"\nplatform = "amazon"\n'
        'login = "ops@acme.test"\nmfa = "totp"\n'
    )
    real_keyring.set_password("store-audit/amazon-us", "ops@acme.test", "old-amazon-pw")
    before_keyring, before_inventory = keyring_contents(), inventory.read_bytes()
    writes = 6  # amazon-us's old password kept aside (issue 26), three passwords, two seeds
    for fail_at in range(1, writes + 1):
        use_backend(FailingWrites(real_keyring, fail_at))
        result = invoke(
            "import", export, "--from", "1password", "--inventory", inventory, "--force"
        )
        assert result.exit_code == ExitCode.KEYRING, (fail_at, result.stderr)
        assert "PasswordSetError" in result.stderr and "(entry " in result.stderr
        if fail_at > 2:
            assert "this run wrote were removed" in result.stderr or "was removed" in result.stderr
        assert same_entries(keyring_contents(), before_keyring), fail_at
        assert inventory.read_bytes() == before_inventory, fail_at
    use_backend(real_keyring)
    done = invoke("import", export, "--from", "1password", "--inventory", inventory, "--force")
    assert done.exit_code == ExitCode.OK, done.stderr  # which keyring call failed, if one did
    stored = keyring_contents()[("store-audit/amazon-us", "ops@acme.test")]
    assert stored == logins.amazon.password, "the stored password is not the export's"


def test_dry_run_writes_nothing_and_changed_passwords_need_force(
    tmp_path: Path, real_keyring: SecretService.Keyring
) -> None:
    logins = make_logins()
    export = write_export(tmp_path, "lastpass", logins)
    inventory = tmp_path / "store-audit.toml"

    dry = invoke("import", export, "--from", "lastpass", "--inventory", inventory, "--dry-run")
    assert dry.exit_code == ExitCode.OK
    assert "dry run: nothing was written" in dry.stdout
    assert "amazon-us" in dry.stdout and "new account with TOTP seed" in dry.stdout
    assert not inventory.exists()
    assert not keyring_contents(), sorted(keyring_contents())

    assert (
        invoke("import", export, "--from", "lastpass", "--inventory", inventory).exit_code
        == ExitCode.OK
    )
    assert inventory.read_text().startswith("# store-audit inventory")  # created, version = 1

    changed = export.read_text(encoding="utf-8").replace(logins.ebay.password, "Changed-Pw-9!x")
    export.write_text(changed, encoding="utf-8", newline="")
    refused = invoke("import", export, "--from", "lastpass", "--inventory", inventory)
    assert refused.exit_code == ExitCode.USAGE
    assert "would replace what the keyring already holds (ebay-uk)" in refused.stderr
    # the dry run is the real run minus the writes: refused the same way
    dry_refused = invoke(
        "import", export, "--from", "lastpass", "--inventory", inventory, "--dry-run"
    )
    assert (dry_refused.exit_code, dry_refused.stderr) == (refused.exit_code, refused.stderr)
    assert "replaces the password in the keyring" in " ".join(dry_refused.stdout.split())
    stored = keyring_contents()[("store-audit/ebay-uk", "acme-uk")]
    assert stored == logins.ebay.password, "the stored password is not the export's"

    forced = invoke("import", export, "--from", "lastpass", "--inventory", inventory, "--force")
    assert forced.exit_code == ExitCode.OK, forced.stderr
    assert "0 account(s) added, 1 updated, 1 keyring entries written" in forced.stdout
    stored = keyring_contents()[("store-audit/ebay-uk", "acme-uk")]
    assert stored == "Changed-Pw-9!x", "--force did not replace the password"


def test_a_run_that_writes_nothing_leaves_no_file_behind(
    tmp_path: Path, real_keyring: SecretService.Keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no lock file, no config dir, no journal: a dry run, a run with nothing to import and a
    # second run of the same import leave the disk as they found it
    export = write_export(tmp_path, "lastpass", make_logins())
    notes = tmp_path / "notes-only.csv"
    notes.write_text("url,username,password,totp,extra,name,grouping,fav\nhttp://sn,,,,x,Wifi,,0\n")
    shop = tmp_path / "shop"
    shop.mkdir()
    inventory = shop / "store-audit.toml"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("STORE_AUDIT_INVENTORY", raising=False)
    monkeypatch.chdir(shop)

    for run in (
        ["--inventory", inventory, "--dry-run"],
        ["--dry-run"],  # the inventory would go to the config dir
    ):
        dry = invoke("import", export, "--from", "lastpass", *run)
        assert dry.exit_code == ExitCode.OK and "dry run: nothing was written" in dry.stdout
    nothing = invoke("import", notes, "--from", "lastpass")
    assert nothing.exit_code == ExitCode.OK and "nothing to import" in nothing.stdout
    assert sorted(shop.iterdir()) == [] and not (tmp_path / "config").exists()

    assert invoke("import", export, "--from", "lastpass", "--inventory", inventory).exit_code == 0
    before = {path.name: path.stat().st_mtime_ns for path in shop.iterdir()}
    again = invoke("import", export, "--from", "lastpass", "--inventory", inventory)
    assert again.exit_code == ExitCode.OK and "nothing to do" in again.stdout
    assert {path.name: path.stat().st_mtime_ns for path in shop.iterdir()} == before


def test_all_keeps_unknown_sites_as_other(
    tmp_path: Path, real_keyring: SecretService.Keyring
) -> None:
    export = write_export(tmp_path, "chrome", make_logins())
    inventory = tmp_path / "store-audit.toml"
    result = invoke("import", export, "--from", "chrome", "--inventory", inventory, "--all")
    assert result.exit_code == ExitCode.OK, result.stderr
    forum = load_inventory(inventory).account("forum.example.org")
    assert forum is not None and (forum.kind, forum.platform) == ("other", "forum.example.org")
    audit = invoke("audit", "--inventory", inventory, "--format", "json", "--fail-on", "never")
    assert "mfa.unknown:forum.example.org" in {
        f["key"] for f in json.loads(audit.stdout)["findings"]
    }
