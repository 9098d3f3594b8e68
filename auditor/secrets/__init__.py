"""Secrets from the OS keyring (SPEC §2), read once, up front, into a read-only view.

Checks never touch the keyring: the engine calls `read_secrets`, which asks a `SecretStore`
(`KeyringStore`, or `MemoryStore` for the demo and tests) for each account's password and TOTP
seed and hands the checks a `SecretView` of `Secret` values. Writes go through `writes`, with
undo; `totp` says what a stored seed means; `doctor` diagnoses the backend.
"""

from __future__ import annotations

from auditor.secrets.keyring_store import KeyringStore, keyring_hint
from auditor.secrets.store import MemoryStore, SecretStore, read_secrets
from auditor.secrets.value import AccountSecrets, Secret, SecretView

__all__ = [
    "AccountSecrets",
    "KeyringStore",
    "MemoryStore",
    "Secret",
    "SecretStore",
    "SecretView",
    "keyring_hint",
    "read_secrets",
]
