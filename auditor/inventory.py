"""The seller's account inventory: a TOML file that holds no secrets (SPEC §1).

`load_inventory` reads and validates it into frozen records. Every problem raises an
`InventoryError` whose one line names the file, the account (by id, else by index) and the key.
`locate_inventory` finds the file the way every command does.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor import platforms
from auditor.catalog import CATALOG
from auditor.emails import decode_domain, domain_problem
from auditor.errors import InventoryError
from auditor.severity import FAIL_ON_NAMES, Severity, parse_fail_on

INVENTORY_VERSION = 1
ENV_VARIABLE = "STORE_AUDIT_INVENTORY"
LOCAL_NAME = "store-audit.toml"
CONFIG_NAME = "inventory.toml"
ACCOUNT_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
PHONE = re.compile(r"\+?[0-9 ().-]{7,32}")
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_ACCOUNTS = 20_000
"""More than an agency audits at once; bounds an audit's time (~15 s) and memory (~300 MB)."""
MAX_TEXT = 512
"""Longest value of any text field (addresses stop at 254, names are shorter)."""
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and newline allowed


@dataclass(frozen=True)
class Seller:
    """Who the inventory belongs to."""

    name: str | None = None
    """The seller's business name; used as a zxcvbn hint and in report titles."""
    domains: tuple[str, ...] = ()
    """The seller's own mail domains, which the typo check compares against."""


@dataclass(frozen=True)
class Policy:
    """The thresholds the audit holds passwords and the CI gate to."""

    min_password_score: int = 3
    """zxcvbn score (0-4) below which `password.weak` fires."""
    min_password_length: int = 12
    """Length below which `password.weak` fires."""
    max_password_age_days: int = 365
    """Age after which `password.stale` fires."""
    fail_on: Severity | None = Severity.HIGH
    """Default for `--fail-on`; None means never fail."""


@dataclass(frozen=True)
class Ignore:
    """A risk the seller has accepted for one account, with a reason."""

    check: str
    """The catalog id it silences."""
    reason: str
    """Why the seller accepts the risk; shown in reports."""
    until: dt.date | None = None
    """The last day it applies; after it the finding counts again."""

    def active_on(self, day: dt.date) -> bool:
        """Whether the suppression still applies on `day`."""
        return self.until is None or day <= self.until


@dataclass(frozen=True)
class Account:
    """One sign-in the seller depends on: a store, a mailbox, a payment account."""

    id: str
    """Unique, stable id; findings and keyring entries are named after it."""
    platform: str
    """Platform id, lower case (`amazon`, `gmail`, or free text)."""
    kind: str
    """store, mailbox, payment or other."""
    login: str
    """The sign-in email or user name."""
    mfa: str
    """The second factor in use (see `platforms.MFA_METHODS`)."""
    store: str | None = None
    """Display name of the store or account."""
    region: str | None = None
    """Marketplace region, such as US or DE."""
    recovery_email: str | None = None
    """Where password resets go, when that differs from the login."""
    mfa_phone: str | None = None
    """The phone that receives sms or voice codes."""
    password_changed: dt.date | None = None
    """When the password was last changed."""
    keyring_service: str | None = None
    """Override of the keyring service name."""
    ignores: tuple[Ignore, ...] = ()
    """Accepted risks for this account."""
    line: int | None = None
    """Line of its `[[accounts]]` header in the file, for reports that point into it."""

    @property
    def service(self) -> str:
        """The keyring service that holds this account's password (SPEC §2)."""
        return self.keyring_service or f"store-audit/{self.id}"

    @property
    def totp_service(self) -> str:
        """The keyring service that holds this account's TOTP seed."""
        return f"{self.service}/totp"

    @property
    def addresses(self) -> tuple[tuple[str, str], ...]:
        """("login", value) and ("recovery email", value), for the fields that are set."""
        fields = (("login", self.login), ("recovery email", self.recovery_email))
        return tuple((name, value) for name, value in fields if value)

    @property
    def platform_name(self) -> str:
        """The platform as prose names it (eBay, Amazon)."""
        return platforms.display_name(self.platform)


@dataclass(frozen=True)
class Inventory:
    """A validated inventory file."""

    path: Path
    """Where it was read from."""
    accounts: tuple[Account, ...]
    """Accounts in file order."""
    seller: Seller = field(default_factory=Seller)
    """The seller's name and own domains."""
    policy: Policy = field(default_factory=Policy)
    """Thresholds for the checks and the gate."""

    def account(self, account_id: str) -> Account | None:
        """The account with this id, if any."""
        return next((a for a in self.accounts if a.id == account_id), None)


def locate_inventory(explicit: str | Path | None, *, cwd: Path | None = None) -> Path:
    """The inventory path: `--inventory`, then $STORE_AUDIT_INVENTORY, then ./store-audit.toml,
    then inventory.toml in the platform's config dir. Raises when none of them exists."""
    if explicit is not None:
        return Path(explicit)
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return Path(from_env)
    local = (cwd or Path.cwd()) / LOCAL_NAME
    if local.is_file():
        return Path(LOCAL_NAME) if cwd is None else local
    configured = config_inventory_path()
    if configured.is_file():
        return configured
    raise InventoryError(
        f"no inventory found: looked for ./{LOCAL_NAME} and {configured}",
        hint=f"pass --inventory PATH or set ${ENV_VARIABLE}; `store-audit demo` needs none",
    )


def inventory_path_for_writing(explicit: str | Path | None) -> Path:
    """Where `add` and `import` write: the inventory every command would find, or, when there is
    none yet, inventory.toml in the config dir (found from any working directory)."""
    try:
        return locate_inventory(explicit)
    except InventoryError:
        return config_inventory_path()


def config_inventory_path() -> Path:
    """inventory.toml in the per-user config dir (click.get_app_dir)."""
    import click

    return Path(click.get_app_dir("store-audit")) / CONFIG_NAME


def load_inventory(path: Path) -> Inventory:
    """Read and validate an inventory file."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InventoryError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InventoryError(f"{path}: is a directory, not an inventory file") from None
    except OSError as error:
        raise InventoryError(f"{path}: cannot read: {error.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InventoryError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    return parse_inventory(raw, path)


def parse_inventory(raw: bytes, path: Path) -> Inventory:
    """Validate the bytes of an inventory file that was read from `path`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InventoryError(f"{path}: not UTF-8 text (byte {error.start})") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InventoryError(f"{path}: {_place_of_toml_error(text, str(error))}") from None
    except RecursionError:
        raise InventoryError(f"{path}: invalid TOML: nested too deeply") from None
    return _Reader(path, _account_header_lines(text)).inventory(document)


_ACCOUNTS_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*accounts[ \t]*\]\]", re.MULTILINE)


def _account_header_lines(text: str) -> list[int]:
    """1-based lines of the `[[accounts]]` headers. When their count differs from the number of
    accounts (inline tables, a header inside a multi-line string), no lines are claimed."""
    lines, line, position = [], 1, 0
    for match in _ACCOUNTS_HEADER.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.append(line)
    return lines


class _Reader:
    """Walks a parsed document, naming the place of every problem it finds."""

    def __init__(self, path: Path, lines: list[int]) -> None:
        self.path = path
        self.lines = lines  # of the [[accounts]] headers; used when there is one per account

    def fail(self, where: str, message: str) -> InventoryError:
        return InventoryError(f"{self.path}: {where}: {message}")

    def inventory(self, document: dict[str, Any]) -> Inventory:
        self.no_unknown_keys(document, {"version", "seller", "policy", "accounts"}, "top level")
        if "version" not in document:
            raise self.fail("version", f"missing; add `version = {INVENTORY_VERSION}` at the top")
        version = document["version"]
        if type(version) is not int or version != INVENTORY_VERSION:
            raise self.fail(
                "version",
                f"{version!r} is not a version this store-audit reads (it reads "
                f"{INVENTORY_VERSION})",
            )
        seller = self.seller(self.table(document, "seller", "seller"))
        policy = self.policy(self.table(document, "policy", "policy"))
        raw_accounts = document.get("accounts", [])
        if not isinstance(raw_accounts, list):
            raise self.fail("accounts", "must be an array of tables: write [[accounts]]")
        if len(raw_accounts) > MAX_ACCOUNTS:
            raise self.fail(
                "accounts",
                f"{len(raw_accounts):,} accounts; store-audit audits at "
                f"most {MAX_ACCOUNTS:,} per inventory: split it",
            )
        accounts: list[Account] = []
        first_seen: dict[str, int] = {}
        for index, raw in enumerate(raw_accounts):
            line = self.lines[index] if len(self.lines) == len(raw_accounts) else None
            account = self.account(raw, index, line)
            if account.id in first_seen:
                raise self.fail(
                    f"account {account.id!r} (accounts[{index}])",
                    f"id: already used by accounts[{first_seen[account.id]}]",
                )
            first_seen[account.id] = index
            accounts.append(account)
        return Inventory(self.path, tuple(accounts), seller, policy)

    def table(self, document: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
        value = document.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(where, f"must be a table: write [{key}]")
        return value

    def no_unknown_keys(self, table: Mapping[str, Any], known: set[str], where: str) -> None:
        unknown = sorted(set(table) - known)
        if unknown:
            raise self.fail(where, f"{unknown[0]}: unknown key (known: {', '.join(sorted(known))})")

    def seller(self, table: dict[str, Any]) -> Seller:
        self.no_unknown_keys(table, {"name", "domains"}, "seller")
        name = self.optional_text(table, "name", "seller", multiline=True)
        domains = table.get("domains", [])
        if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
            raise self.fail("seller", "domains: must be a list of domain names")
        checked = []
        for domain in domains:
            problem = domain_problem(domain)
            if problem:
                raise self.fail("seller", f"domains: {domain!r}: {problem}")
            checked.append(decode_domain(domain))
        return Seller(name, tuple(checked))

    def policy(self, table: dict[str, Any]) -> Policy:
        known = {"min_password_score", "min_password_length", "max_password_age_days", "fail_on"}
        self.no_unknown_keys(table, known, "policy")
        defaults = Policy()
        fail_on = defaults.fail_on
        if "fail_on" in table:
            value = table["fail_on"]
            if not isinstance(value, str) or value.lower() not in FAIL_ON_NAMES:
                raise self.fail(
                    "policy", f"fail_on: {value!r} is not one of {', '.join(FAIL_ON_NAMES)}"
                )
            fail_on = parse_fail_on(value)
        return Policy(
            min_password_score=self.integer(
                table, "min_password_score", 0, 4, defaults.min_password_score
            ),
            min_password_length=self.integer(
                table, "min_password_length", 1, 72, defaults.min_password_length
            ),
            max_password_age_days=self.integer(
                table, "max_password_age_days", 1, 36500, defaults.max_password_age_days
            ),
            fail_on=fail_on,
        )

    def integer(self, table: dict[str, Any], key: str, low: int, high: int, default: int) -> int:
        value = table.get(key, default)
        if type(value) is not int or not low <= value <= high:
            raise self.fail(
                "policy", f"{key}: {value!r} must be a whole number from {low} to {high}"
            )
        return value

    def optional_text(
        self, table: Mapping[str, Any], key: str, where: str, *, multiline: bool = False
    ) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"{key}: must be a non-empty string")
        if len(value) > MAX_TEXT:
            raise self.fail(where, f"{key}: longer than {MAX_TEXT} characters")
        if (_CONTROL_IN_TEXT if multiline else _CONTROL).search(value):
            raise self.fail(where, f"{key}: holds a control character")
        return value

    def required_text(self, table: Mapping[str, Any], key: str, where: str) -> str:
        value = self.optional_text(table, key, where)
        if value is None:
            raise self.fail(where, f"{key}: missing (required)")
        return value

    def choice(
        self, table: Mapping[str, Any], key: str, where: str, allowed: tuple[str, ...]
    ) -> str:
        value = table[key]
        if not isinstance(value, str) or value not in allowed:
            raise self.fail(where, f"{key}: {value!r} is not one of {', '.join(allowed)}")
        return value

    def date(self, table: Mapping[str, Any], key: str, where: str) -> dt.date | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.fail(
                where, f"{key}: {value!r} must be a TOML date such as 2025-06-01 (no quotes)"
            )
        if key == "password_changed" and value > dt.date.today():
            raise self.fail(where, f"{key}: {value.isoformat()} is in the future")
        return value

    def account(self, raw: Any, index: int, line: int | None = None) -> Account:
        where = f"accounts[{index}]"
        if not isinstance(raw, dict):
            raise self.fail(where, "must be a table: write [[accounts]]")
        raw_id = raw.get("id")
        if isinstance(raw_id, str) and ACCOUNT_ID.fullmatch(raw_id):
            where = f"account {raw_id!r} ({where})"
        known = {
            "id",
            "platform",
            "kind",
            "store",
            "region",
            "login",
            "recovery_email",
            "mfa",
            "mfa_phone",
            "password_changed",
            "keyring_service",
            "ignore",
        }
        self.no_unknown_keys(raw, known, where)
        for required in ("id", "platform", "login", "mfa"):
            if required not in raw:
                raise self.fail(where, f"{required}: missing (required)")
        if not isinstance(raw_id, str) or not ACCOUNT_ID.fullmatch(raw_id):
            raise self.fail(
                where,
                f"id: {raw_id!r} must be 1-64 characters of a-z, 0-9, '.', '_' or '-', "
                "starting with a letter or digit",
            )
        platform = self.required_text(raw, "platform", where).strip().lower()
        kind = (
            self.choice(raw, "kind", where, platforms.KINDS)
            if "kind" in raw
            else platforms.default_kind(platform)
        )
        login = self.required_text(raw, "login", where)
        phone = self.optional_text(raw, "mfa_phone", where)
        if phone is not None and not PHONE.fullmatch(phone.strip()):
            raise self.fail(where, f"mfa_phone: {phone!r} is not a phone number")
        service = self.optional_text(raw, "keyring_service", where)
        if service is not None and service.endswith("/totp"):
            raise self.fail(where, "keyring_service: must not end in /totp (that names the seed)")
        return Account(
            id=raw_id,
            platform=platform,
            kind=kind,
            login=login,
            mfa=self.choice(raw, "mfa", where, platforms.MFA_METHODS),
            store=self.optional_text(raw, "store", where, multiline=True),
            region=self.optional_text(raw, "region", where),
            recovery_email=self.optional_text(raw, "recovery_email", where),
            mfa_phone=phone,
            password_changed=self.date(raw, "password_changed", where),
            keyring_service=service,
            ignores=self.ignores(raw.get("ignore", []), where),
            line=line,
        )

    def ignores(self, raw: Any, where: str) -> tuple[Ignore, ...]:
        if not isinstance(raw, list):
            raise self.fail(where, "ignore: must be a list of { check = ..., reason = ... }")
        result = []
        for index, entry in enumerate(raw):
            place = f"{where}: ignore[{index}]"
            if not isinstance(entry, dict):
                raise self.fail(place, "must be a table { check = ..., reason = ... }")
            self.no_unknown_keys(entry, {"check", "reason", "until"}, place)
            check = entry.get("check")
            if not isinstance(check, str) or check not in CATALOG:
                raise self.fail(
                    place, f"check: {check!r} is not a check id (see store-audit checks)"
                )
            reason = entry.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                raise self.fail(place, "reason: missing; say why this risk is accepted")
            if len(reason) > MAX_TEXT or _CONTROL_IN_TEXT.search(reason):
                raise self.fail(
                    place, f"reason: longer than {MAX_TEXT} characters or holds a control character"
                )
            result.append(Ignore(check, reason.strip(), self.date(entry, "until", place)))
        return tuple(result)


_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_KEY_AT_START = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
_ID_LINE = re.compile(r"\s*id\s*=\s*[\"']([^\"']*)[\"']")


def _place_of_toml_error(text: str, message: str) -> str:
    """Turn tomllib's "Invalid date (at line 12, column 20)" into a message that also names the
    account and the key on that line, so a bad date reads like every other inventory error."""
    found = _TOML_LINE.search(message)
    if not found:
        return f"invalid TOML: {message}"
    line_number = int(found.group(1))
    lines = text.splitlines()
    reason = message[: found.start()].strip()
    parts = [f"line {line_number}"]
    index = -1
    account_id = None
    for line in lines[: line_number - 1]:
        if line.strip().startswith("[[accounts]]"):
            index, account_id = index + 1, None
        elif line.strip().startswith("[") and not line.strip().startswith("[["):
            index, account_id = -1, None
        elif index >= 0 and (id_match := _ID_LINE.match(line)):
            account_id = id_match.group(1)
    if index >= 0:
        parts.append(
            f"account {account_id!r} (accounts[{index}])" if account_id else f"accounts[{index}]"
        )
    if 0 < line_number <= len(lines) and (key := _KEY_AT_START.match(lines[line_number - 1])):
        parts.append(key.group(1))
    return f"{': '.join(parts)}: invalid TOML: {reason}"


def permission_warning(path: Path) -> str | None:
    """A warning when others may write the inventory (they could point the audit at other keyring
    entries, or the gate at other accounts); None when it is private, or not a POSIX system."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if os.name != "posix" or not mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    who = "anyone" if mode & stat.S_IWOTH else "its group"
    return (
        f"{path} can be changed by {who} (mode {stat.S_IMODE(mode):04o}): someone else could "
        f"redirect which keyring entries store-audit reads; run chmod 600 {path}"
    )
