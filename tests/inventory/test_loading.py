"""Loading the inventory: what is accepted, and a one-line error naming file, account and key for
everything that is not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.errors import InventoryError
from auditor.inventory import load_inventory, locate_inventory, parse_inventory
from auditor.vocabulary import Severity

GOOD = """\
version = 1
[seller]
name = "Acme"
domains = ["acmehome.com"]
[policy]
fail_on = "medium"
[[accounts]]
id = "amazon-us"
platform = "Amazon"
login = "ops@acmehome.com"
mfa = "totp"
password_changed = 2025-06-01
ignore = [{ check = "mfa.sms-only", reason = "no app", until = 2027-01-01 }]
[[accounts]]
id = "gmail-owner"
platform = "gmail"
login = "owner@gmail.com"
mfa = "none"
keyring_service = "vault/gmail"
"""

ACCOUNT = '[[accounts]]\nid = "{id}"\nplatform = "ebay"\nlogin = "x@y.com"\nmfa = "sms"\n'


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "inv.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_loads_a_valid_inventory(tmp_path: Path) -> None:
    inv = load_inventory(write(tmp_path, GOOD))
    amazon, gmail = inv.accounts
    assert (amazon.platform, amazon.kind, amazon.service) == (
        "amazon",
        "store",
        "store-audit/amazon-us",
    )
    assert amazon.password_changed == dt.date(2025, 6, 1)
    assert amazon.ignores[0].until == dt.date(2027, 1, 1)
    assert (gmail.kind, gmail.service, gmail.totp_service) == (
        "mailbox",
        "vault/gmail",
        "vault/gmail/totp",
    )
    assert inv.policy.fail_on == Severity.MEDIUM
    assert inv.policy.min_password_length == 12
    assert inv.seller.domains == ("acmehome.com",)


def test_marketplaces_record_one_unified_account(tmp_path: Path) -> None:
    text = (
        "version = 1\n"
        + ACCOUNT.format(id="amazon-na").replace('"ebay"', '"amazon"')
        + 'marketplaces = ["us", "CA", "MX", "US"]\n'
    )
    (account,) = load_inventory(write(tmp_path, text)).accounts
    assert account.marketplaces == ("US", "CA", "MX")
    assert account.unified_group == "amazon-na"


def test_an_unknown_platform_is_allowed_and_defaults_to_kind_other(tmp_path: Path) -> None:
    inv = load_inventory(
        write(
            tmp_path, "version = 1\n" + ACCOUNT.format(id="x").replace("ebay", "Corner Shop Portal")
        )
    )
    assert (inv.accounts[0].platform, inv.accounts[0].kind) == ("corner shop portal", "other")


BAD = [
    ("missing version", ACCOUNT.format(id="a"), "version: missing"),
    ("other version", "version = 2\n", "version: 2 is not a version"),
    ("unknown top-level key", "version = 1\ncolour = 1\n", "top level: colour: unknown key"),
    (
        "unknown account key",
        "version = 1\n" + ACCOUNT.format(id="a") + "pasword = 'x'\n",
        "account 'a' (accounts[0]): pasword: unknown key",
    ),
    (
        "duplicate id",
        "version = 1\n" + ACCOUNT.format(id="a") + ACCOUNT.format(id="a"),
        "account 'a' (accounts[1]): id: already used by accounts[0]",
    ),
    (
        "bad id",
        "version = 1\n" + ACCOUNT.format(id="Amazon US"),
        "accounts[0]: id: 'Amazon US' must be",
    ),
    (
        "bad mfa",
        "version = 1\n" + ACCOUNT.format(id="a").replace('"sms"', '"totpp"'),
        "account 'a' (accounts[0]): mfa: 'totpp' is not one of none, sms",
    ),
    (
        "bad kind",
        "version = 1\n" + ACCOUNT.format(id="a") + 'kind = "shop"\n',
        "account 'a' (accounts[0]): kind: 'shop' is not one of store",
    ),
    (
        "quoted date",
        "version = 1\n" + ACCOUNT.format(id="a") + 'password_changed = "2025-01-01"\n',
        "account 'a' (accounts[0]): password_changed: '2025-01-01' must be a TOML date",
    ),
    (
        "impossible date",
        "version = 1\n" + ACCOUNT.format(id="a") + "password_changed = 2025-13-01\n",
        "line 7: account 'a' (accounts[0]): password_changed: invalid TOML",
    ),
    (
        "future date",
        "version = 1\n" + ACCOUNT.format(id="a") + "password_changed = 2999-01-01\n",
        "account 'a' (accounts[0]): password_changed: 2999-01-01 is in the future",
    ),
    (
        "missing login",
        "version = 1\n" + ACCOUNT.format(id="a").replace('login = "x@y.com"\n', ""),
        "account 'a' (accounts[0]): login: missing",
    ),
    (
        "unknown ignore check",
        "version = 1\n"
        + ACCOUNT.format(id="a")
        + 'ignore = [{ check = "mfa.sms", reason = "x" }]\n',
        "account 'a' (accounts[0]): ignore[0]: check: 'mfa.sms' is not a check id",
    ),
    (
        "ignore without reason",
        "version = 1\n" + ACCOUNT.format(id="a") + 'ignore = [{ check = "mfa.sms-only" }]\n',
        "account 'a' (accounts[0]): ignore[0]: reason: missing",
    ),
    (
        "bad fail_on",
        "version = 1\n[policy]\nfail_on = 'severe'\n",
        "policy: fail_on: 'severe' is not one of",
    ),
    (
        "bad score",
        "version = 1\n[policy]\nmin_password_score = 5\n",
        "policy: min_password_score: 5 must be a whole number from 0 to 4",
    ),
    (
        "bad seller domain",
        "version = 1\n[seller]\ndomains = ['acme']\n",
        "seller: domains: 'acme': the domain 'acme' has no top-level part",
    ),
    (
        "bad phone",
        "version = 1\n" + ACCOUNT.format(id="a") + 'mfa_phone = "call me"\n',
        "account 'a' (accounts[0]): mfa_phone: 'call me' is not a phone number",
    ),
    (
        "an alias that is no address",
        "version = 1\n" + ACCOUNT.format(id="a") + 'aliases = ["acme at foxmail"]\n',
        "account 'a' (accounts[0]): aliases: 'acme at foxmail' is not an address",
    ),
    (
        "a payout that is no account id",
        "version = 1\n" + ACCOUNT.format(id="a") + 'payout = "Ping Pong"\n',
        "account 'a' (accounts[0]): payout: 'Ping Pong' must be the id of the payout account",
    ),
    (
        "a backup method that is no method",
        "version = 1\n" + ACCOUNT.format(id="a") + 'mfa_backup = "none"\n',
        "account 'a' (accounts[0]): mfa_backup: 'none' is not one of sms, voice, email, totp",
    ),
    (
        "a backup phone that is no phone",
        "version = 1\n" + ACCOUNT.format(id="a") + 'mfa_backup_phone = "call me"\n',
        "account 'a' (accounts[0]): mfa_backup_phone: 'call me' is not a phone number",
    ),
    (
        "a seller country that is no country code",
        'version = 1\n[seller]\ncountry = "China"\n',
        "seller: country: 'China' must be a two-letter code such as CN",
    ),
    (
        "marketplaces not a list of codes",
        "version = 1\n" + ACCOUNT.format(id="a") + 'marketplaces = "US"\n',
        "account 'a' (accounts[0]): marketplaces: must be a list of region codes",
    ),
    ("TOML syntax", "version = 1\n[[accounts]\n", "line 2: invalid TOML"),
    ("not UTF-8", b"version = 1\n# caf\xe9\n", "not UTF-8 text"),
    (
        "control character",
        "version = 1\n" + ACCOUNT.format(id="a") + 'store = "a\\u0000b"\n',
        "account 'a' (accounts[0]): store: holds a control character",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD, ids=[b[0] for b in BAD])
def test_bad_inventory_names_file_account_and_key(
    tmp_path: Path, name: str, text: str | bytes, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InventoryError) as caught:
        load_inventory(path)
    message = caught.value.message
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InventoryError, match="no such file"):
        load_inventory(tmp_path / "nope.toml")


def test_locate_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("STORE_AUDIT_INVENTORY", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(InventoryError, match="no inventory found"):
        locate_inventory(None, cwd=work)
    configured = tmp_path / "config" / "store-audit" / "inventory.toml"
    configured.parent.mkdir(parents=True)
    configured.write_text("version = 1\n")
    assert locate_inventory(None, cwd=work) == configured
    (work / "store-audit.toml").write_text("version = 1\n")
    assert locate_inventory(None, cwd=work) == work / "store-audit.toml"
    monkeypatch.setenv("STORE_AUDIT_INVENTORY", "/from/env.toml")
    assert locate_inventory(None, cwd=work) == Path("/from/env.toml")
    assert locate_inventory("explicit.toml", cwd=work) == Path("explicit.toml")


@given(st.binary(max_size=400))
def test_any_bytes_give_an_inventory_or_one_clean_error(raw: bytes) -> None:
    try:
        parse_inventory(raw, Path("fuzz.toml"))
    except InventoryError as error:
        assert error.message.startswith("fuzz.toml: ") and "\n" not in error.message


@given(st.integers(min_value=0, max_value=GOOD.count("\n") - 1), st.text(max_size=40))
def test_any_value_on_any_line_gives_an_inventory_or_one_clean_error(line: int, value: str) -> None:
    lines = GOOD.splitlines()
    key = lines[line].split("=", 1)[0]
    lines[line] = f"{key}= {value}" if "=" in lines[line] else value
    try:
        parse_inventory("\n".join(lines).encode("utf-8", "surrogatepass"), Path("fuzz.toml"))
    except InventoryError as error:
        assert error.message.startswith("fuzz.toml: ") and "\n" not in error.message


def test_a_merged_amazon_account_spans_regions(tmp_path: Path) -> None:
    # Amazon merges one seller account across regions (Settings > Global accounts): one login
    # for US, JP and DE is a valid record, not a mix of unified accounts.
    path = tmp_path / "inv.toml"
    path.write_text(
        "version = 1\n"
        + ACCOUNT.format(id="amazon-global").replace('"ebay"', '"amazon"')
        + 'region = "US"\nmarketplaces = ["JP", "DE"]\n'
    )
    account = load_inventory(path).accounts[0]
    assert account.marketplaces == ("JP", "DE")
