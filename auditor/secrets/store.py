"""Where secrets are read from: the `SecretStore` protocol, an in-memory store for the demo and
unit tests, and `read_secrets`, which reads every account's password and seed at once into the
view the checks get."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from auditor.inventory import Account
from auditor.progress import Progress
from auditor.secrets.answers import folded, split_answers
from auditor.secrets.backup import count_codes
from auditor.secrets.value import AccountSecrets, Secret, SecretView

Arrived = Callable[[dict[tuple[str, str], str]], None]
"""Told each batch of stored values as it is read, before the rest are (for scoring meanwhile)."""


class SecretStore(Protocol):
    """Where secrets are read from; the audit only ever reads."""

    def describe(self) -> str:
        """A short name for the backend, for `doctor` and error messages."""
        ...

    def get(self, service: str, username: str) -> str | None:
        """The stored value, or None. Raises SecretStoreError for any backend failure."""
        ...

    def read_many(
        self,
        pairs: Sequence[tuple[str, str]],
        progress: Callable[[int], None] | None = None,
        arrived: Arrived | None = None,
    ) -> dict[tuple[str, str], str | None]:
        """The stored value (or None) for each (service, username); `progress` hears how many
        have been read, `arrived` the values found, batch by batch."""
        ...


class MemoryStore:
    """An in-memory store, for the demo and for unit tests of the checks."""

    def __init__(
        self, entries: Mapping[tuple[str, str], str] | None = None, name: str = "memory"
    ) -> None:
        self._entries = dict(entries or {})
        self._name = name

    def describe(self) -> str:
        return self._name

    def get(self, service: str, username: str) -> str | None:
        return self._entries.get((service, username))

    def read_many(
        self,
        pairs: Sequence[tuple[str, str]],
        progress: Callable[[int], None] | None = None,
        arrived: Arrived | None = None,
    ) -> dict[tuple[str, str], str | None]:
        return one_by_one(self.get, pairs, progress, arrived)


def one_by_one(
    get: Callable[[str, str], str | None],
    pairs: Sequence[tuple[str, str]],
    progress: Callable[[int], None] | None,
    arrived: Arrived | None = None,
) -> dict[tuple[str, str], str | None]:
    """Read entries one at a time, reporting each one done (and each value found)."""
    values = {}
    for done, pair in enumerate(pairs, start=1):
        values[pair] = value = get(*pair)
        if arrived and value is not None:
            arrived({pair: value})
        if progress:
            progress(done)
    return values


def read_secrets(
    accounts: Sequence[Account],
    store: SecretStore,
    progress: Progress | None = None,
    password_arrived: Callable[[Account, Secret], None] | None = None,
) -> SecretView:
    """Read every account's password, TOTP seed and backup codes (counted, not kept), in one
    read. An empty entry counts as no entry. `password_arrived` hears each account's password as
    soon as it is read (from the keyring's reading thread)."""
    pairs = [
        (service, a.login)
        for a in accounts
        for service in (a.service, a.totp_service, a.backup_service)
    ]
    # answers only where the inventory says there are questions: most accounts have none, and
    # every entry asked for costs the keyring a search
    pairs += [(a.answers_service, a.login) for a in accounts if a.security_questions]
    readers: dict[tuple[str, str], list[Account]] = {}
    for account in accounts:
        readers.setdefault((account.service, account.login), []).append(account)
    passwords: dict[str, Secret] = {}

    def arrived(batch: dict[tuple[str, str], str]) -> None:
        for pair, value in batch.items():
            for account in readers.get(pair, ()) if value else ():
                passwords[account.id] = Secret(value)
                if password_arrived:
                    password_arrived(account, passwords[account.id])

    values = store.read_many(
        pairs,
        (lambda done: progress.step("reading the keyring", done // 3, len(accounts)))
        if progress
        else None,
        arrived,
    )
    view: dict[str, AccountSecrets] = {}
    for account in accounts:
        password = values[account.service, account.login]
        seed = values[account.totp_service, account.login]
        view[account.id] = AccountSecrets(
            passwords.get(account.id) or (Secret(password) if password else None),
            Secret(seed) if seed else None,
            count_codes(values[account.backup_service, account.login]),
            tuple(
                Secret(folded(answer))
                for answer in split_answers(values.get((account.answers_service, account.login)))
            ),
        )
    return SecretView(view)
