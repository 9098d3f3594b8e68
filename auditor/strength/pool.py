"""Scoring many passwords in worker processes while the audit goes on.

Worth it from a few hundred distinct passwords (an agency's inventory); below that, scoring in
this process costs less than starting the workers. Only the plaintext travels to a worker, over
the pool's local pipe; only a `Strength` (no part of the password) comes back.
"""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from auditor.detach import detach_worker
from auditor.secrets.value import Secret
from auditor.strength.estimate import Plain, load_estimators, score_password
from auditor.strength.verdict import Strength

if TYPE_CHECKING:
    from concurrent.futures import Future

PARALLEL_FROM = 400
"""Distinct passwords below this are scored in this process: starting workers would cost more."""


def _score_plain(item: tuple[str, list[str]]) -> Strength:
    # Runs in a worker process: the plaintext travels over the pool's local pipe, and only the
    # Strength (no part of the password) comes back.
    password, hints = item
    return score_password(Plain(password), hints)


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
        from concurrent.futures import ProcessPoolExecutor

        # The estimators are loaded here, before forking (Linux), so the workers share their
        # lists instead of each reading them again; a spawned worker (macOS, Windows) loads them
        # in its initializer, before its first password.
        load_estimators()

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
        # What each chunk holds, in the order sent, so that a chunk no worker has taken yet can
        # be scored here instead while this process waits (see `get`).
        self._chunks: dict[Future[list[Strength]], list[tuple[str, list[str]]]] = {}
        self._scored_here: dict[Future[list[Strength]], list[Strength]] = {}

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
            self._chunks[future] = plain
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
        """The score of one password. While its chunk is not scored, this process scores the
        last chunk no worker has taken yet (its own, if none has taken it), rather than wait."""
        future, index, _ = self._where[key]
        while future not in self._scored_here and not future.done():
            if not (self._score_here(future) or self._score_last_here()):
                break  # every chunk left is being scored by a worker
        if future in self._scored_here:
            return self._scored_here[future][index]
        return future.result()[index]

    def _score_here(self, future: Future[list[Strength]]) -> bool:
        """Score a chunk in this process, if no worker has taken it (it is then cancelled)."""
        if not future.cancel():
            return False
        self._scored_here[future] = _score_chunk(self._chunks[future])
        return True

    def _score_last_here(self) -> bool:
        """Score the last chunk no worker has taken yet here; False when there is none (chunks
        are taken in the order they were sent)."""
        for future in reversed(self._chunks):
            if future in self._scored_here or future.done():
                continue
            return self._score_here(future)
        return False

    def close(self) -> None:
        """Stop the workers (at once, if the audit ended early)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._chunks.clear()


def _start_worker(parent: int) -> None:
    detach_worker(parent)  # it dies with the audit and never holds its stdout/stderr
    # The workers do not run the cyclic collector: it would walk the whole inherited inventory
    # (and copy its pages), and scoring makes no cycles.
    gc.disable()
    load_estimators()


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
