"""What every check receives: the inventory, a read-only view of the secrets, and facts derived
from them once per run (mailbox dependencies, password strength, reuse groups, parsed seeds).

A check never touches the keyring or the terminal; it reads this context and yields findings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from auditor.inventory import Account, Inventory, platforms
from auditor.inventory.emails import canonical_mailbox, is_address
from auditor.secrets import Secret, SecretView
from auditor.secrets.totp import TotpError, TotpSeed, parse_totp
from auditor.strength import (
    PasswordScores,
    Strength,
    Weakness,
    identity_hints,
    password_hints,
    weakness,
)
from auditor.strength.pool import Scoring

SENSITIVE_KINDS = frozenset({"mailbox", "payment"})
"""Kinds whose loss spreads: a mailbox resets other accounts, a payment account holds money."""


def serves_together(accounts: Sequence[Account]) -> bool:
    """Whether one login on these accounts' platform can open all their marketplaces: the
    identical login, and either a platform that merges accounts across regions (Amazon's global
    accounts) or one unified account (`amazon-na`) holding every one of them."""
    if len(accounts) < 2:
        return False
    first = accounts[0]
    if not all(
        a.platform == first.platform and a.login.casefold() == first.login.casefold()
        for a in accounts
    ):
        return False
    known = platforms.lookup(first.platform)
    if known is not None and known.merged_sources:
        return True
    groups = {a.unified_group for a in accounts}
    return len(groups) == 1 and first.unified_group is not None


def seller_accounts(accounts: Sequence[Account], secrets: SecretView) -> list[list[Account]] | None:
    """Accounts that share one login on a platform where one login serves several marketplaces,
    split into the seller accounts they are: an identical stored password is one account (a
    merged or unified account recorded once per marketplace), a different one another account
    on the same mailbox (Amazon keeps separate seller accounts apart by their passwords). None
    when the split cannot be told: the login is not so shared, or a password is not stored."""
    if not serves_together(accounts):
        return None
    classes: dict[bytes, list[Account]] = {}
    for account in accounts:
        password = secrets.password(account.id)
        if password is None:
            return None
        classes.setdefault(password.fingerprint(), []).append(account)
    return list(classes.values())


def one_seller_account(accounts: Sequence[Account], secrets: SecretView) -> bool:
    """Whether these accounts are one seller account recorded once per marketplace."""
    split = seller_accounts(accounts, secrets)
    return split is not None and len(split) == 1


@dataclass
class AuditContext:
    """The inputs of one audit, plus derived facts computed at most once."""

    inventory: Inventory
    """The validated inventory."""
    secrets: SecretView
    """Passwords and seeds by account id."""
    today: dt.date
    """The day the audit runs; ages and suppression dates are measured against it."""
    breach_counts: Mapping[str, int] = field(default_factory=dict)
    """Account id → times its password was seen in a breach corpus (empty: not looked up)."""
    scope: frozenset[str] = frozenset()
    """The accounts whose findings are reported (`--account`, `onboard`); empty: all."""
    _scores: PasswordScores = field(default_factory=PasswordScores, repr=False)
    _dependents: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @property
    def accounts(self) -> tuple[Account, ...]:
        """Accounts in file order."""
        return self.inventory.accounts

    @cached_property
    def reported_accounts(self) -> tuple[Account, ...]:
        """The accounts whose own findings can be reported, in file order: the scope's in a
        scoped audit (`--account`, `onboard`), else all. A check whose findings each name one
        account looks only at these; a check across accounts compares them with every account."""
        if not self.scope:
            return self.accounts
        return tuple(account for account in self.accounts if account.id in self.scope)

    @cached_property
    def by_id(self) -> dict[str, Account]:
        """Accounts by id."""
        return {account.id: account for account in self.accounts}

    @cached_property
    def mailbox_accounts(self) -> dict[str, Account]:
        """Mailbox accounts in the inventory, by the canonical form of their own address and of
        each of their `aliases`."""
        boxes: dict[str, Account] = {}
        for account in self.accounts:
            if account.kind == "mailbox":
                for address in (account.login, *account.aliases):
                    if is_address(address):
                        boxes.setdefault(canonical_mailbox(address).canonical, account)
        return boxes

    def mailbox_account_for(self, address: str | None) -> Account | None:
        """The inventory's mailbox account that receives mail sent to `address`, if any."""
        if not address or not is_address(address):
            return None
        return self.mailbox_accounts.get(canonical_mailbox(address).canonical)

    def mailbox_key(self, address: str) -> str:
        """The mailbox an address delivers to: its provider's canonical form, or the canonical
        login of the inventory's mailbox account that lists it among its `aliases` (so every
        form of one QQ mailbox is one mailbox)."""
        box = self.mailbox_account_for(address)
        return canonical_mailbox(box.login if box else address).canonical

    @cached_property
    def _direct_dependents(self) -> dict[str, set[str]]:
        """Mailbox account id → accounts whose login or recovery email is that mailbox."""
        dependents: dict[str, set[str]] = defaultdict(set)
        for account in self.accounts:
            for _, address in account.addresses:
                mailbox = self.mailbox_account_for(address)
                if mailbox is not None and mailbox.id != account.id:
                    dependents[mailbox.id].add(account.id)
        return dependents

    def dependents(self, account_id: str) -> frozenset[str]:
        """Accounts that fall if this one falls: signed into or recovered through it, directly or
        through a chain of mailboxes. Never includes the account itself."""
        if account_id not in self._dependents:
            seen: set[str] = set()
            frontier = [account_id]
            while frontier:
                for dependent in self._direct_dependents.get(frontier.pop(), ()):
                    if dependent not in seen and dependent != account_id:
                        seen.add(dependent)
                        frontier.append(dependent)
            self._dependents[account_id] = frozenset(seen)
        return self._dependents[account_id]

    def is_sensitive(self, account: Account) -> bool:
        """A mailbox or payment account, or any account others depend on."""
        return account.kind in SENSITIVE_KINDS or bool(self.dependents(account.id))

    def identity_hints(self, account: Account) -> list[str]:
        """Names an attacker would try first for this account: store, platform, login, seller."""
        return identity_hints(account, self.inventory.seller.name)

    @cached_property
    def passwords(self) -> dict[bytes, tuple[Secret, list[Account]]]:
        """Each distinct password, by fingerprint, with the accounts that use it in file order."""
        return self.secrets.by_password(self.accounts)

    @cached_property
    def _hints_by_password(self) -> dict[bytes, list[str]]:
        """Each distinct password's zxcvbn hints: the names of every account that uses it."""
        seller = self.inventory.seller.name
        return {
            key: password_hints(accounts, seller) for key, (_, accounts) in self.passwords.items()
        }

    @cached_property
    def _strength_scope(self) -> frozenset[str]:
        """The scoped accounts, and every mailbox whose recovery.weak-link finding would name
        one of them (the mailbox itself, or an account that signs in or recovers through it)."""
        return self.scope | {
            account.id for account in self.accounts if self.dependents(account.id) & self.scope
        }

    def strength_matters(self, account: Account) -> bool:
        """Whether a reported finding can depend on this account's password strength: always
        in a full audit; in a scoped one, for `_strength_scope` only. Reuse and similarity
        compare every password, but only these are scored."""
        return not self.scope or account.id in self._strength_scope

    def strength(self, account: Account) -> Strength | None:
        """The verdict on the account's password, or None when there is no password. Each
        distinct password is scored once, with the names of all accounts that share it."""
        password = self.secrets.password(account.id)
        if password is None:
            return None
        key = password.fingerprint()
        return self._scores.get(key, password, self._hints_by_password[key])

    def start_scoring(
        self,
        progress: Callable[[int, int], None] | None = None,
        early: Scoring | None = None,
    ) -> None:
        """Start scoring every distinct password that matters (see PasswordScores.start).
        Call stop_scoring() after."""
        self._scores.start(
            {
                key: (password, self._hints_by_password[key])
                for key, (password, accounts) in self.passwords.items()
                if any(self.strength_matters(account) for account in accounts)
            },
            progress,
            early,
        )

    def stop_scoring(self) -> None:
        """Collect what the workers scored and let them go."""
        self._scores.stop()

    def weakness(self, account: Account) -> Weakness | None:
        """Why password.weak fires for this account; None when it does not."""
        strength = self.strength(account)
        password = self.secrets.password(account.id)
        if strength is None or password is None:
            return None
        return weakness(strength, len(password.reveal()), self.inventory.policy)

    def is_weak(self, account: Account) -> bool:
        """Whether password.weak fires for this account."""
        return self.weakness(account) is not None

    @cached_property
    def reuse_groups(self) -> tuple[tuple[Account, ...], ...]:
        """Groups of two or more accounts that share one password, in file order; not one seller
        account recorded once per marketplace (see `seller_accounts`), which has one password
        by nature."""
        return tuple(
            tuple(group)
            for _, group in self.passwords.values()
            if len(group) > 1 and not serves_together(group)
        )

    @cached_property
    def reused_ids(self) -> frozenset[str]:
        """Accounts whose password is also another account's."""
        return frozenset(a.id for group in self.reuse_groups for a in group)

    @cached_property
    def seeds(self) -> dict[str, TotpSeed | TotpError]:
        """Each reported account's stored TOTP seed, parsed, or the reason it cannot generate
        codes."""
        parsed: dict[str, TotpSeed | TotpError] = {}
        for account in self.reported_accounts:
            seed = self.secrets.totp(account.id)
            if seed is None:
                continue
            try:
                parsed[account.id] = parse_totp(seed)
            except TotpError as error:
                parsed[account.id] = error
        return parsed
