"""Scoring passwords while the keyring is still being read, so that on a real keyring an audit
costs about the longer of reading and scoring, not their sum.

Each password is handed to the worker processes as soon as it is read, with the names of the
accounts read so far that share it as zxcvbn hints. Once every account is read, the audit submits
every password with its final hints (`AuditContext.start_scoring`), and only a password whose
hints grew since (a shared one whose other accounts came later) is scored again: the results are
exactly those of scoring after reading.
"""

from __future__ import annotations

from collections.abc import Callable

from auditor.checks.context import AuditContext, password_hints
from auditor.checks.strength import PARALLEL_FROM, Scoring, usable_cores
from auditor.inventory import Account
from auditor.secrets import Secret

CHUNK = 32
"""Passwords sent to a worker at once while reading: small, so scoring keeps up with reading."""


class EarlyScoring:
    """Takes each password as the keyring read delivers it; `scoring` holds what was submitted."""

    def __init__(self, facts: AuditContext, scoring: Scoring) -> None:
        self.scoring = scoring
        self._facts = facts
        self._order = {account.id: index for index, account in enumerate(facts.accounts)}
        self._groups: dict[bytes, list[Account]] = {}
        self._pending: dict[bytes, tuple[Secret, list[str]]] = {}

    def offer(self, account: Account, password: Secret) -> None:
        """One account's password, just read (called from the keyring's reading thread)."""
        key = password.fingerprint()
        group = self._groups.setdefault(key, [])
        group.append(account)
        if key in self.scoring or not any(self._facts.strength_matters(a) for a in group):
            return  # already sent (the final submit compares its hints), or not needed yet
        group.sort(key=lambda a: self._order[a.id])
        self._pending[key] = (password, password_hints(group, self._facts.inventory.seller.name))
        if len(self._pending) >= CHUNK:
            self.scoring.submit(self._pending, chunk=CHUNK)
            self._pending = {}

    def close(self) -> None:
        """Stop the workers."""
        self.scoring.close()


def start_early_scoring(
    facts: AuditContext, progress: Callable[[int, int], None] | None = None
) -> EarlyScoring | None:
    """Worker processes ready to score passwords as they are read, when the accounts whose
    strength matters (`facts` knows the inventory and scope; its secrets are not read yet) are
    enough to pay for them; else None, and scoring waits for the read."""
    workers = usable_cores()
    wanted = sum(1 for account in facts.accounts if facts.strength_matters(account))
    if workers < 2 or wanted < PARALLEL_FROM:
        return None
    return EarlyScoring(facts, Scoring(workers, progress))
