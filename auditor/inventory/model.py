"""The inventory's records: the seller, the policy, and each account with its accepted risks.

Frozen; the loader (`loading`, `reader`) builds them from a file and validates every field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from auditor.i18n import listed
from auditor.inventory import platforms
from auditor.inventory.people import Access, Person, Phone
from auditor.vocabulary import Severity

INVENTORY_VERSION = 1
ACCOUNT_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
"""What an account id may be (SPEC §1)."""


@dataclass(frozen=True)
class Seller:
    """Who the inventory belongs to."""

    name: str | None = None
    """The seller's business name; used as a zxcvbn hint and in report titles."""
    domains: tuple[str, ...] = ()
    """The seller's own mail domains, which the typo check compares against."""
    country: str | None = None
    """Where the seller lives (two-letter code): phone numbers written without a calling
    code are read as that country's."""


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
    """The second factor in use (see `vocabulary.MFA_METHODS`)."""
    store: str | None = None
    """Display name of the store or account."""
    region: str | None = None
    """Marketplace region, such as US or DE."""
    recovery_email: str | None = None
    """Where password resets go, when that differs from the login."""
    mfa_phone: str | None = None
    """The phone that receives sms or voice codes."""
    mfa_backup: str | None = None
    """The backup 2FA method, where the platform keeps one (Seller Central's 2SV backup)."""
    mfa_backup_phone: str | None = None
    """The phone that receives the backup method's sms or voice codes."""
    aliases: tuple[str, ...] = ()
    """Other addresses that deliver to this mailbox account (a QQ mailbox's <number>@qq.com,
    English name @qq.com and name @foxmail.com): every form of one mailbox is one mailbox."""
    payout: str | None = None
    """The inventory id of the account this store's sales are paid out to (PingPong, LianLian,
    WorldFirst, Airwallex, Payoneer...)."""
    password_changed: dt.date | None = None
    """When the password was last changed."""
    keyring_service: str | None = None
    """Override of the keyring service name."""
    ignores: tuple[Ignore, ...] = ()
    """Accepted risks for this account."""
    marketplaces: tuple[str, ...] = ()
    """The marketplaces this one seller account sells in (upper case), when it serves several
    through one login (Amazon's unified accounts)."""
    access: Access = Access()
    """Who signs in with its own login or a sub-user, and who receives its codes."""
    security_questions: bool = False
    """Whether the account has security questions, whose answers the keyring keeps."""
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
    def backup_service(self) -> str:
        """The keyring service that holds this account's one-time backup codes, one a line."""
        return f"{self.service}/backup"

    @property
    def answers_service(self) -> str:
        """The keyring service that holds this account's security-question answers, one a line."""
        return f"{self.service}/answers"

    @property
    def keyring_entries(self) -> tuple[tuple[str, str], ...]:
        """Every keyring entry (service, user) this account's secrets may be stored in."""
        return (
            (self.service, self.login),
            (self.totp_service, self.login),
            (self.backup_service, self.login),
            (self.answers_service, self.login),
        )

    @property
    def addresses(self) -> tuple[tuple[str, str], ...]:
        """("login", value) and ("recovery email", value), for the fields that are set."""
        fields = (("login", self.login), ("recovery email", self.recovery_email))
        return tuple((name, value) for name, value in fields if value)

    @property
    def phones(self) -> tuple[str, ...]:
        """Every phone number recorded as receiving this account's codes (primary, backup)."""
        return tuple(p for p in (self.mfa_phone, self.mfa_backup_phone) if p)

    @property
    def unified_group(self) -> str | None:
        """The platform's unified account (`amazon-na`) its region or marketplaces belong to."""
        for region in (self.region, *self.marketplaces):
            group = platforms.unified_group(self.platform, region)
            if group:
                return group
        return None

    @property
    def platform_name(self) -> str:
        """The platform as prose names it (eBay, Amazon)."""
        return platforms.display_name(self.platform)

    @property
    def place(self) -> str:
        """The platform and where it sells, as a sentence names it: `Amazon CA`; an account that
        serves several marketplaces with one login, all of them (`Amazon US, CA`), not the first
        one's name alone."""
        if len(self.marketplaces) > 1:
            return f"{self.platform_name} {listed(self.marketplaces)}"
        return f"{self.platform_name} {self.region}" if self.region else self.platform_name


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
    people: tuple[Person, ...] = ()
    """Who can get in (`[[people]]`), in file order."""
    phones: tuple[Phone, ...] = ()
    """The phones that receive codes (`[[phones]]`), in file order."""

    def person(self, person_id: str) -> Person | None:
        """The person with this id, if any."""
        return next((p for p in self.people if p.id == person_id), None)

    def account(self, account_id: str) -> Account | None:
        """The account with this id, if any."""
        return next((a for a in self.accounts if a.id == account_id), None)
