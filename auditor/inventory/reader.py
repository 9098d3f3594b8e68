"""Validating a parsed inventory document into records, naming the place of every problem."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from auditor.check_ids import CHECK_IDS
from auditor.errors import InventoryError
from auditor.i18n import _, listed
from auditor.inventory import platforms
from auditor.inventory.account_fields import marketplaces, read_aliases, read_payout
from auditor.inventory.emails import decode_domain, domain_problem
from auditor.inventory.model import (
    ACCOUNT_ID,
    INVENTORY_VERSION,
    Account,
    Ignore,
    Inventory,
    Policy,
    Seller,
)
from auditor.inventory.people import read_access, read_flag, read_who
from auditor.vocabulary import FAIL_ON_NAMES, parse_fail_on

PHONE = re.compile(r"\+?[0-9 ().-]{7,32}")
COUNTRY = re.compile(r"[A-Za-z]{2}")
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_ACCOUNTS = 20_000
"""More than an agency audits at once; bounds an audit's time (~15 s) and memory (~300 MB)."""
MAX_TEXT = 512
"""Longest value of any text field (addresses stop at 254, names are shorter)."""
ACCOUNT_KEYS = {
    *("id", "platform", "kind", "store", "region", "marketplaces", "login", "recovery_email"),
    *("mfa", "mfa_phone", "mfa_backup", "mfa_backup_phone", "password_changed", "aliases"),
    "payout",
    *("keyring_service", "ignore"),
    *("login_users", "sub_users", "codes_to", "trusted_devices", "security_questions"),
}
"""The keys an [[accounts]] table may hold."""
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and newline allowed


def text_problem(value: str) -> str | None:
    """Why a value cannot be a one-line inventory text field (a login, an id), or None."""
    if len(value) > MAX_TEXT:
        return _("longer than {count} characters").format(count=MAX_TEXT)
    if CONTROL.search(value):
        return _("holds a control character")
    return None


class Reader:
    """Walks a parsed document, naming the place of every problem it finds."""

    def __init__(self, path: Path, lines: list[int]) -> None:
        self.path = path
        self.lines = lines  # of the [[accounts]] headers; used when there is one per account

    def fail(self, where: str, message: str) -> InventoryError:
        line = _("{path}: {where}: {message}")
        return InventoryError(line.format(path=self.path, where=where, message=message))

    def inventory(self, document: dict[str, Any]) -> Inventory:
        known = {"version", "seller", "policy", "accounts", "people", "phones"}
        self.no_unknown_keys(document, known, _("top level"))
        if "version" not in document:
            message = _("missing; add `version = {version}` at the top")
            raise self.fail("version", message.format(version=INVENTORY_VERSION))
        version = document["version"]
        if type(version) is not int or version != INVENTORY_VERSION:
            message = _("{version!r} is not a version this store-audit reads (it reads {known})")
            raise self.fail("version", message.format(version=version, known=INVENTORY_VERSION))
        seller = self.seller(self.table(document, "seller", "seller"))
        policy = self.policy(self.table(document, "policy", "policy"))
        raw_accounts = document.get("accounts", [])
        if not isinstance(raw_accounts, list):
            raise self.fail("accounts", _("must be an array of tables: write [[accounts]]"))
        if len(raw_accounts) > MAX_ACCOUNTS:
            message = _(
                "{count} accounts; store-audit audits at most {most} per inventory: split it"
            )
            count, most = f"{len(raw_accounts):,}", f"{MAX_ACCOUNTS:,}"
            raise self.fail("accounts", message.format(count=count, most=most))
        accounts: list[Account] = []
        first_seen: dict[str, int] = {}
        for index, raw in enumerate(raw_accounts):
            line = self.lines[index] if len(self.lines) == len(raw_accounts) else None
            account = self.account(raw, index, line)
            if account.id in first_seen:
                raise self.fail(
                    _("account {id!r} (accounts[{index}])").format(id=account.id, index=index),
                    _("id: already used by accounts[{index}]").format(index=first_seen[account.id]),
                )
            first_seen[account.id] = index
            accounts.append(account)
        people, phones = read_who(document, accounts, self.fail)
        return Inventory(self.path, tuple(accounts), seller, policy, people, phones)

    def table(self, document: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
        value = document.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(where, _("must be a table: write [{key}]").format(key=key))
        return value

    def no_unknown_keys(self, table: Mapping[str, Any], known: set[str], where: str) -> None:
        unknown = sorted(set(table) - known)
        if unknown:
            message = _("{key}: unknown key (known: {known})")
            raise self.fail(where, message.format(key=unknown[0], known=listed(sorted(known))))

    def seller(self, table: dict[str, Any]) -> Seller:
        self.no_unknown_keys(table, {"name", "domains", "country"}, "seller")
        name = self.optional_text(table, "name", "seller", multiline=True)
        country = self.optional_text(table, "country", "seller")
        if country is not None and not COUNTRY.fullmatch(country.strip()):
            message = _("country: {value!r} must be a two-letter code such as CN")
            raise self.fail("seller", message.format(value=country))
        domains = table.get("domains", [])
        if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
            raise self.fail("seller", _("domains: must be a list of domain names"))
        checked = []
        for domain in domains:
            problem = domain_problem(domain)
            if problem:
                raise self.fail("seller", f"domains: {domain!r}: {problem}")
            checked.append(decode_domain(domain))
        return Seller(name, tuple(checked), country.strip().upper() if country else None)

    def policy(self, table: dict[str, Any]) -> Policy:
        known = {"min_password_score", "min_password_length", "max_password_age_days", "fail_on"}
        self.no_unknown_keys(table, known, "policy")
        defaults = Policy()
        fail_on = defaults.fail_on
        if "fail_on" in table:
            value = table["fail_on"]
            if not isinstance(value, str) or value.lower() not in FAIL_ON_NAMES:
                message = _("fail_on: {value!r} is not one of {allowed}")
                raise self.fail(
                    "policy", message.format(value=value, allowed=listed(FAIL_ON_NAMES))
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
            message = _("{key}: {value!r} must be a whole number from {low} to {high}")
            raise self.fail("policy", message.format(key=key, value=value, low=low, high=high))
        return value

    def optional_text(
        self, table: Mapping[str, Any], key: str, where: str, *, multiline: bool = False
    ) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, _("{key}: must be a non-empty string").format(key=key))
        if len(value) > MAX_TEXT:
            message = _("{key}: longer than {count} characters")
            raise self.fail(where, message.format(key=key, count=MAX_TEXT))
        if (_CONTROL_IN_TEXT if multiline else CONTROL).search(value):
            raise self.fail(where, _("{key}: holds a control character").format(key=key))
        return value

    def required_text(self, table: Mapping[str, Any], key: str, where: str) -> str:
        value = self.optional_text(table, key, where)
        if value is None:
            raise self.fail(where, _("{key}: missing (required)").format(key=key))
        return value

    def choice(
        self, table: Mapping[str, Any], key: str, where: str, allowed: tuple[str, ...]
    ) -> str:
        value = table[key]
        if not isinstance(value, str) or value not in allowed:
            message = _("{key}: {value!r} is not one of {allowed}")
            raise self.fail(where, message.format(key=key, value=value, allowed=listed(allowed)))
        return value

    def date(self, table: Mapping[str, Any], key: str, where: str) -> dt.date | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            message = _("{key}: {value!r} must be a TOML date such as 2025-06-01 (no quotes)")
            raise self.fail(where, message.format(key=key, value=value))
        if key == "password_changed" and value > dt.date.today():
            message = _("{key}: {date} is in the future")
            raise self.fail(where, message.format(key=key, date=value.isoformat()))
        return value

    def account(self, raw: Any, index: int, line: int | None = None) -> Account:
        where = f"accounts[{index}]"
        if not isinstance(raw, dict):
            raise self.fail(where, _("must be a table: write [[accounts]]"))
        raw_id = raw.get("id")
        if isinstance(raw_id, str) and ACCOUNT_ID.fullmatch(raw_id):
            where = _("account {id!r} (accounts[{index}])").format(id=raw_id, index=index)
        self.no_unknown_keys(raw, ACCOUNT_KEYS, where)
        for required in ("id", "platform", "login", "mfa"):
            if required not in raw:
                raise self.fail(where, _("{key}: missing (required)").format(key=required))
        if not isinstance(raw_id, str) or not ACCOUNT_ID.fullmatch(raw_id):
            message = _(
                "id: {value!r} must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting "
                "with a letter or digit"
            )
            raise self.fail(where, message.format(value=raw_id))
        platform = self.required_text(raw, "platform", where).strip().lower()
        kind = (
            self.choice(raw, "kind", where, platforms.KINDS)
            if "kind" in raw
            else platforms.default_kind(platform)
        )
        login = self.required_text(raw, "login", where)
        phone = self.phone(raw, "mfa_phone", where)
        service = self.optional_text(raw, "keyring_service", where)
        if service is not None and service.endswith("/totp"):
            raise self.fail(
                where, _("keyring_service: must not end in /totp (that names the seed)")
            )
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
            mfa_backup=self.backup_method(raw, where),
            mfa_backup_phone=self.phone(raw, "mfa_backup_phone", where),
            password_changed=self.date(raw, "password_changed", where),
            keyring_service=service,
            ignores=self.ignores(raw.get("ignore", []), where),
            line=line,
            marketplaces=marketplaces(raw, platform, where, self.fail),
            aliases=read_aliases(raw, where, self.fail),
            payout=read_payout(raw, where, self.fail),
            access=read_access(raw, where, self.fail),
            security_questions=read_flag(raw, "security_questions", where, self.fail),
        )

    def phone(self, raw: Mapping[str, Any], key: str, where: str) -> str | None:
        phone = self.optional_text(raw, key, where)
        if phone is not None and not PHONE.fullmatch(phone.strip()):
            raise self.fail(
                where, _("{key}: {value!r} is not a phone number").format(key=key, value=phone)
            )
        return phone

    def backup_method(self, raw: Mapping[str, Any], where: str) -> str | None:
        methods = tuple(m for m in platforms.MFA_METHODS if m not in ("none", "unknown"))
        return self.choice(raw, "mfa_backup", where, methods) if "mfa_backup" in raw else None

    def ignores(self, raw: Any, where: str) -> tuple[Ignore, ...]:
        if not isinstance(raw, list):
            raise self.fail(where, _("ignore: must be a list of { check = ..., reason = ... }"))
        result = []
        for index, entry in enumerate(raw):
            place = f"{where}: ignore[{index}]"
            if not isinstance(entry, dict):
                raise self.fail(place, _("must be a table { check = ..., reason = ... }"))
            self.no_unknown_keys(entry, {"check", "reason", "until"}, place)
            check = entry.get("check")
            if not isinstance(check, str) or check not in CHECK_IDS:
                message = _("check: {value!r} is not a check id (see store-audit checks)")
                raise self.fail(place, message.format(value=check))
            reason = entry.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                raise self.fail(place, _("reason: missing; say why this risk is accepted"))
            if len(reason) > MAX_TEXT or _CONTROL_IN_TEXT.search(reason):
                message = _("reason: longer than {count} characters or holds a control character")
                raise self.fail(place, message.format(count=MAX_TEXT))
            result.append(Ignore(check, reason.strip(), self.date(entry, "until", place)))
        return tuple(result)
