"""Whose stored password is the one the seller is typing? For `verify-password`: the seed's
"mismatch between password and email" made checkable. Every stored password is compared in
constant time (hmac.compare_digest), and nothing is kept."""

from __future__ import annotations

import hmac
from collections.abc import Sequence

from auditor.inventory import Account
from auditor.secrets.store import SecretStore
from auditor.secrets.value import Secret


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def password_owners(typed: Secret, accounts: Sequence[Account], store: SecretStore) -> list[str]:
    """The ids of the accounts (in the order given) whose stored password equals `typed`, read
    in one go. An account without a password matches nothing."""
    values = store.read_many([(a.service, a.login) for a in accounts])
    wanted = _bytes(typed.reveal())
    owners = []
    for account in accounts:
        stored = values[account.service, account.login] or ""
        if hmac.compare_digest(_bytes(stored), wanted) and stored:
            owners.append(account.id)
    return owners
