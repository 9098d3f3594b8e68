"""Scoring passwords while the keyring is still being read, so that on a real keyring an audit
costs about the longer of reading and scoring, not their sum.

Each password is handed to the worker processes as soon as it is read, with the names of the
accounts read so far that share it as hints. Once every account is read, the audit submits every
password with its final hints (`PasswordScores.start`), and only a password whose hints grew
since (a shared one whose other accounts came later) is scored again: the results are exactly
those of scoring after reading.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from auditor.inventory import Account
from auditor.secrets import Secret
from auditor.strength.hints import password_hints
from auditor.strength.pool import PARALLEL_FROM, Scoring, usable_cores
from auditor.workers import parallel_from

CHUNK = 32
"""Passwords sent to a worker at once while reading: small, so scoring keeps up with reading."""

DELAY = 0.5
"""Seconds of reading before passwords are sent early. A keyring read as fast as a file has
nothing to overlap, and a shared password sent before its last account is read is scored twice:
from a quick read, everything is sent once, after it."""


class EarlyScoring:
    """Takes each password as the keyring read delivers it; `scoring` holds what was submitted."""

    def __init__(
        self,
        accounts: Sequence[Account],
        matters: Callable[[Account], bool],
        seller: str | None,
        scoring: Scoring,
        delay: float = DELAY,
    ) -> None:
        self.scoring = scoring
        self._send_from = time.monotonic() + delay
        self._matters = matters
        self._seller = seller
        self._order = {account.id: index for index, account in enumerate(accounts)}
        self._groups: dict[bytes, list[Account]] = {}
        self._pending: dict[bytes, Secret] = {}

    def offer(self, account: Account, password: Secret) -> None:
        """One account's password, just read (called from the keyring's reading thread)."""
        key = password.fingerprint()
        group = self._groups.setdefault(key, [])
        group.append(account)
        if key in self.scoring or key in self._pending:
            return  # its hints are taken when it is sent; once sent, the final submit checks them
        if not any(self._matters(a) for a in group):
            return  # not needed (yet): a scoped audit scores only what it can report
        self._pending[key] = password
        if len(self._pending) >= CHUNK and time.monotonic() >= self._send_from:
            order = self._order
            self.scoring.submit(
                {
                    k: (
                        p,
                        password_hints(
                            sorted(self._groups[k], key=lambda a: order[a.id]), self._seller
                        ),
                    )
                    for k, p in self._pending.items()
                },
                chunk=CHUNK,
            )
            self._pending = {}

    def close(self) -> None:
        """Stop the workers."""
        self.scoring.close()


def start_early_scoring(
    accounts: Sequence[Account],
    matters: Callable[[Account], bool],
    seller: str | None,
    progress: Callable[[int, int], None] | None = None,
) -> EarlyScoring | None:
    """Worker processes ready to score passwords as they are read, when the accounts whose
    strength `matters` are enough to pay for them; else None, and scoring waits for the read."""
    workers = usable_cores()
    wanted = sum(1 for account in accounts if matters(account))
    if workers < 2 or wanted < parallel_from(PARALLEL_FROM):
        return None
    return EarlyScoring(accounts, matters, seller, Scoring(workers, progress))
