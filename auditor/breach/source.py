"""What every breach source is: the lookup protocol, its errors, and the hash it looks up."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Protocol

from auditor.errors import ExitCode, StoreAuditError


class BreachCorpusError(StoreAuditError):
    """A --hibp-file that is not a Pwned Passwords SHA-1 corpus (exit 2)."""


class BreachServiceError(StoreAuditError):
    """The online range API could not be reached or kept failing (exit 3, like the keyring:
    a source the audit needs is unavailable)."""

    exit_code = ExitCode.KEYRING


class BreachLookup(Protocol):
    """Somewhere to look up how often a password hash was seen in breaches."""

    def describe(self) -> str:
        """What is being searched, for the report ("file …", "online …")."""
        ...

    def counts(self, hashes: Iterable[str]) -> dict[str, int]:
        """Upper-case SHA-1 hex → times seen (0 when absent), for every hash asked."""
        ...


def sha1_hex(password: str) -> str:
    """The upper-case SHA-1 hex of a password, as the corpus stores it."""
    return hashlib.sha1(password.encode("utf-8"), usedforsecurity=False).hexdigest().upper()
