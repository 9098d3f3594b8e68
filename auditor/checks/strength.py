"""Password strength through zxcvbn, bounded in time and never keeping the plaintext.

zxcvbn refuses passwords over 72 characters and its cost grows steeply with length (a
1,000-character password can take minutes). The rule: a longer password is scored on its first
72 characters. The whole password is never easier to guess than its beginning, so this can only
under-rate a long password, never over-rate a weak one; `aaaa…` of any length still scores 0.
"""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from auditor.detach import detach_worker
from auditor.secrets.value import Secret

MAX_SCORED_LENGTH = 72
"""zxcvbn's own limit; characters past it are not scored."""


@dataclass(frozen=True)
class Strength:
    """zxcvbn's verdict on a password, without the password or its matched sequences."""

    score: int
    """0 (guessed in seconds) to 4 (very unguessable)."""
    warning: str
    """zxcvbn's warning, such as 'This is a top-100 common password.' (may be empty)."""
    suggestions: tuple[str, ...]
    """zxcvbn's suggestions, fixed sentences that quote nothing from the password."""
    truncated: bool
    """Whether only the first 72 characters were scored."""


def score_password(password: Secret | _Plain, hints: Sequence[str]) -> Strength:
    """Score a password with the account's own names as hints (store, platform, login...)."""
    from zxcvbn import zxcvbn

    plaintext = password.reveal()
    scored = plaintext[:MAX_SCORED_LENGTH]
    user_inputs = [hint[:MAX_SCORED_LENGTH] for hint in hints if hint]
    # Only the score and the fixed feedback sentences leave this function; the result dict also
    # holds the password and its matched pieces, and is dropped here.
    result = zxcvbn(scored, user_inputs=user_inputs)
    feedback = result.get("feedback", {})
    return Strength(
        score=int(result["score"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions", ())),
        truncated=len(plaintext) > MAX_SCORED_LENGTH,
    )


PARALLEL_FROM = 400
"""Distinct passwords below this are scored in this process: starting workers would cost more."""


def _score_plain(item: tuple[str, list[str]]) -> Strength:
    # Runs in a worker process: the plaintext travels over the pool's local pipe, and only the
    # Strength (no part of the password) comes back.
    password, hints = item
    return score_password(_Plain(password), hints)


class _Plain:
    """The minimal Secret interface score_password needs, for values unpickled in a worker."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<secret>"


def usable_cores() -> int:
    """CPUs this process may run on."""
    import os
    import sys

    if sys.platform == "linux":  # a container or taskset may allow fewer than the machine has
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Scoring:
    """Scores being computed in worker processes while the audit goes on; `get` waits for one.

    Used when there are enough passwords to pay for the workers. Passwords can be submitted as
    they are read from the keyring, and again when the hints they are scored with change (a
    shared password's hints are its accounts' names, known only once all are read): a password is
    scored again only when its hints differ from those it was first scored with.
    """

    def __init__(self, workers: int, progress: Callable[[int, int], None] | None = None) -> None:
        from concurrent.futures import Future, ProcessPoolExecutor

        # zxcvbn is loaded here, before forking (Linux), so the workers share its dictionaries
        # instead of each parsing them again; a spawned worker (macOS, Windows) loads them in
        # its initializer, before its first password.
        import zxcvbn  # noqa: F401

        from auditor.workers import worker_context

        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=worker_context(),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )
        self._pool.submit(
            int
        ).result()  # start the workers now, from this thread, holding no secret
        self._workers = workers
        self._progress = progress
        self._where: dict[bytes, tuple[Future[list[Strength]], int, list[str]]] = {}
        self._done = 0

    def submit(
        self, items: dict[bytes, tuple[Secret, list[str]]], chunk: int | None = None
    ) -> None:
        """Score these passwords (key → password, hints), except those already being scored
        with the same hints."""
        keys = [k for k in items if k not in self._where or self._where[k][2] != items[k][1]]
        # small chunks keep both cores busy to the end; each costs one round trip
        size = chunk or max(1, min(64, len(keys) // (self._workers * 8)))
        for start in range(0, len(keys), size):
            batch = keys[start : start + size]
            plain = [(items[k][0].reveal(), items[k][1]) for k in batch]
            future = self._pool.submit(_score_chunk, plain)
            if self._progress:
                future.add_done_callback(functools.partial(self._advance, len(batch)))
            for index, key in enumerate(batch):
                self._where[key] = (future, index, items[key][1])

    def _advance(self, count: int, _: object = None) -> None:
        self._done += count
        if self._progress:
            self._progress(self._done, len(self._where))

    def __contains__(self, key: bytes) -> bool:
        return key in self._where

    def get(self, key: bytes) -> Strength:
        """The score of one password, waiting for its chunk if need be."""
        future, index, _ = self._where[key]
        return future.result()[index]

    def close(self) -> None:
        """Stop the workers (at once, if the audit ended early)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(parent: int) -> None:
    detach_worker(parent)  # it dies with the audit and never holds its stdout/stderr
    # The workers do not run the cyclic collector: it would walk the whole inherited inventory
    # (and copy its pages), and scoring makes no cycles.
    gc.disable()
    import zxcvbn  # noqa: F401


def _score_chunk(items: list[tuple[str, list[str]]]) -> list[Strength]:
    return [_score_plain(item) for item in items]


def start_scoring(
    items: dict[bytes, tuple[Secret, list[str]]],
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Scoring | None:
    """Worker processes scoring `items`, or None when there are too few to pay for them."""
    from auditor.workers import parallel_from

    workers = usable_cores() if workers is None else workers
    if workers < 2 or len(items) < parallel_from(PARALLEL_FROM):
        return None
    scoring = Scoring(workers, progress)
    scoring.submit(items)
    return scoring
