"""Each distinct password of an audit scored at most once: in worker processes while the audit
goes on when there are enough passwords to pay for them, else here when a check asks.

The audit starts the scoring (`start`) once every secret is read, asks for scores (`get`) as
the checks need them, and stops it (`stop`) when the checks are done, whatever happened.
"""

from __future__ import annotations

from collections.abc import Callable

from auditor.secrets import Secret
from auditor.strength.estimate import score_password
from auditor.strength.pool import Scoring, start_scoring
from auditor.strength.verdict import Strength

Todo = dict[bytes, tuple[Secret, list[str]]]
"""Fingerprint → (password, hints)."""


class PasswordScores:
    """The scores of one audit's passwords, by fingerprint."""

    def __init__(self) -> None:
        self._strengths: dict[bytes, Strength] = {}
        self._scoring: Scoring | None = None

    def start(
        self,
        todo: Todo,
        progress: Callable[[int, int], None] | None = None,
        early: Scoring | None = None,
    ) -> None:
        """Score these passwords in worker processes (`early`'s, if they already score what was
        read), when there are enough of them; `get` then waits only for the one it needs."""
        if early is not None:
            early.submit(todo)  # only what was not read yet, or was scored with fewer hints
            self._scoring = early
        else:
            self._scoring = start_scoring(todo, progress=progress)

    def get(self, key: bytes, password: Secret, hints: list[str]) -> Strength:
        """The password's score: from the workers if they have it, else computed here."""
        if key not in self._strengths:
            if self._scoring is not None and key in self._scoring:
                self._strengths[key] = self._scoring.get(key)
            else:
                self._strengths[key] = score_password(password, hints)
        return self._strengths[key]

    def stop(self) -> None:
        """Collect what the workers scored and let them go."""
        if self._scoring is not None:
            self._scoring.close()
            self._scoring = None
