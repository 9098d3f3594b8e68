"""What an import would do: the plan's records (`auditor.intake.plan` makes them)."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.intake.logins import Skipped
from auditor.secrets import Secret

NEEDS_FORCE = frozenset({"replace"})
"""Statuses that overwrite something the user already has."""


@dataclass(frozen=True)
class Proposal:
    """One account the import would add, complete or leave alone."""

    account_id: str
    """Existing id, or the one proposed from platform and region."""
    platform: str
    """Platform id (or, with --all, the login host)."""
    kind: str
    """store, mailbox, payment or other."""
    login: str
    """The sign-in email or user name."""
    region: str | None
    """Marketplace region from the login URL."""
    store: str | None
    """The entry's title, as the store's display name."""
    mfa: str
    """The inventory's value for an existing account (totp once a seed replaces unknown, none
    or sms); for a new one totp when the entry has a seed, else unknown."""
    password: Secret | None
    """The password to store (None: the entries disagree on it)."""
    totp: Secret | None
    """The seed to store."""
    entries: tuple[int, ...]
    """The export entries it comes from."""
    exists: bool
    """Whether the inventory already has this account."""
    status: str
    """new, unchanged, fill (adds missing keyring entries) or replace (needs --force)."""
    detail: str
    """What would change, in words."""
    write_password: bool
    """Whether the password entry must be written."""
    write_totp: bool
    """Whether the seed entry must be written."""
    service: str
    """The keyring service of its password (an existing account's override is kept)."""
    marketplaces: tuple[str, ...] = ()
    """The regions one login covers, when its entries name several marketplaces of one unified
    account (the account is then `amazon-na` / `amazon-eu`)."""
    set_mfa: bool = False
    """Whether an existing account's mfa becomes totp (the export holds its seed)."""
    shared: str = ""
    """What the export says about who shares the login (a Bitwarden organisation collection):
    shown in the plan as a hint; never written to the inventory."""


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do."""

    proposals: tuple[Proposal, ...]
    """Accounts the export maps to, in export order."""
    skipped: tuple[Skipped, ...]
    """Entries left out."""
    not_logins: tuple[tuple[str, int], ...] = ()
    """Items that are not logins (cards, identities, notes), counted by type."""

    @property
    def changes(self) -> tuple[Proposal, ...]:
        """Proposals that write anything."""
        return tuple(p for p in self.proposals if p.status != "unchanged")

    def blocked(self, force: bool) -> tuple[Proposal, ...]:
        """Proposals that would overwrite something, unless --force was given."""
        return () if force else tuple(p for p in self.proposals if p.status in NEEDS_FORCE)
