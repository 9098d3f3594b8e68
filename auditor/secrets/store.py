"""Where secrets are read from: the `SecretStore` protocol, an in-memory store for the demo and
unit tests, and `read_secrets`, which reads every account's password and seed at once into the
view the checks get."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from auditor.inventory import Account
from auditor.progress import Progress
from auditor.secrets.backup import count_codes
from auditor.secrets.value import AccountSecrets, Secret, SecretView


class SecretStore(Protocol):
    """Where secrets are read from; the audit only ever reads."""

    def describe(self) -> str:
        """A short name for the backend, for `doctor` and error messages."""
        ...

    def get(self, service: str, username: str) -> str | None:
        """The stored value, or None. Raises SecretStoreError for any backend failure."""
        ...

    def read_many(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> dict[tuple[str, str], str | None]:
        """The stored value (or None) for each (service, username); `progress` hears how many
        have been read."""
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
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> dict[tuple[str, str], str | None]:
        return one_by_one(self.get, pairs, progress)


def one_by_one(
    get: Callable[[str, str], str | None],
    pairs: Sequence[tuple[str, str]],
    progress: Callable[[int], None] | None,
) -> dict[tuple[str, str], str | None]:
    """Read entries one at a time, reporting each one done."""
    values = {}
    for done, pair in enumerate(pairs, start=1):
        values[pair] = get(*pair)
        if progress:
            progress(done)
    return values


def read_secrets(
    accounts: Sequence[Account], store: SecretStore, progress: Progress | None = None
) -> SecretView:
    """Read every account's password, TOTP seed and backup codes (counted, not kept), in one
    read. An empty entry counts as no entry."""
    pairs = [
        (service, a.login)
        for a in accounts
        for service in (a.service, a.totp_service, a.backup_service)
    ]
    values = store.read_many(
        pairs,
        (lambda done: progress.step("reading the keyring", done // 3, len(accounts)))
        if progress
        else None,
    )
    view: dict[str, AccountSecrets] = {}
    for account in accounts:
        password = values[account.service, account.login]
        seed = values[account.totp_service, account.login]
        view[account.id] = AccountSecrets(
            Secret(password) if password else None,
            Secret(seed) if seed else None,
            count_codes(values[account.backup_service, account.login]),
        )
    return SecretView(view)
