"""The `Secret` value type, and the read-only view of every account's secrets the checks get.

A `Secret`'s repr and str are redacted, so a value cannot reach a log, a traceback's locals or a
test failure by accident; `reveal()` is the only way to the plaintext. Everything that scores or
parses a secret imports this module alone, not the keyring adapters.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.inventory import Account


# Reuse is found by comparing keyed digests, never plaintexts; the key lives only in this
# process, so nothing derived from a password is comparable (or crackable) outside this run.
_RUN_KEY = os.urandom(32)


class Secret:
    """A password or TOTP seed. Shows as `<secret>`; `reveal()` is the only way to the value."""

    __slots__ = ("_fingerprint", "_value")

    def __init__(self, value: str) -> None:
        self._value = value
        self._fingerprint: bytes | None = None

    def reveal(self) -> str:
        """The plaintext, for the few functions that must compute on it."""
        return self._value

    def fingerprint(self) -> bytes:
        """A keyed digest, equal for equal secrets within this process only."""
        if self._fingerprint is None:
            self._fingerprint = self._digest()
        return self._fingerprint

    def _digest(self) -> bytes:
        return hmac.new(
            _RUN_KEY, self._value.encode("utf-8", "surrogatepass"), hashlib.sha256
        ).digest()

    def __repr__(self) -> str:
        return "<secret>"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not serialisable")


@dataclass(frozen=True)
class AccountSecrets:
    """What the keyring holds for one account."""

    password: Secret | None
    """The password, or None when the keyring has no entry."""
    totp: Secret | None
    """The TOTP seed or otpauth URI, or None."""
    backup_codes: int = 0
    """How many one-time backup codes are stored (the codes themselves are not kept)."""
    answers: tuple[Secret, ...] = ()
    """Its security-question answers, each folded (case, spaces) for comparison; read only for
    accounts that say they have security questions."""


class SecretView(Mapping[str, AccountSecrets]):
    """Read-only mapping of account id to its secrets, handed to the checks."""

    def __init__(self, secrets: Mapping[str, AccountSecrets]) -> None:
        self._secrets = dict(secrets)

    def __getitem__(self, account_id: str) -> AccountSecrets:
        return self._secrets[account_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._secrets)

    def __len__(self) -> int:
        return len(self._secrets)

    def password(self, account_id: str) -> Secret | None:
        """The account's password, or None."""
        entry = self._secrets.get(account_id)
        return entry.password if entry else None

    def totp(self, account_id: str) -> Secret | None:
        """The account's stored TOTP seed, or None."""
        entry = self._secrets.get(account_id)
        return entry.totp if entry else None

    def backup_codes(self, account_id: str) -> int:
        """How many backup codes are stored for the account."""
        entry = self._secrets.get(account_id)
        return entry.backup_codes if entry else 0

    def answers(self, account_id: str) -> tuple[Secret, ...]:
        """The account's stored security-question answers (folded), or ()."""
        entry = self._secrets.get(account_id)
        return entry.answers if entry else ()

    def by_password(self, accounts: Iterable[Account]) -> dict[bytes, tuple[Secret, list[Account]]]:
        """Each distinct password, by fingerprint, with the accounts that use it (in the order
        given); accounts without a password are left out."""
        groups: dict[bytes, tuple[Secret, list[Account]]] = {}
        for account in accounts:
            password = self.password(account.id)
            if password is not None:
                groups.setdefault(password.fingerprint(), (password, []))[1].append(account)
        return groups
