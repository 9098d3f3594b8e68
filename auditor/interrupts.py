"""Ctrl-C, SIGTERM and SIGHUP (Ctrl-Break on Windows) while a writing command runs.

A writing command turns each of them into `Interrupted` (`interrupting`), so its transaction
rolls back. Some stretches must not be cut in two (the inventory's save, a rollback): inside
`held()` a signal is remembered instead, and raised when the stretch ends. That is what
`signal.pthread_sigmask` does on POSIX, written so that it also works where that call does not
exist (Windows); Python runs signal handlers between bytecodes of the main thread, so the flag
the handler reads cannot change under it.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from auditor.errors import Interrupted

STOPPING: tuple[int, ...] = tuple(
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK")
    if hasattr(signal, name)
)
"""The signals that stop a command on this platform: SIGHUP exists on POSIX only, SIGBREAK
(Ctrl-Break) on Windows only."""


@dataclass
class _State:
    depth: int = 0
    """How many `held` blocks are open."""
    pending: int | None = None
    """A signal that arrived inside them."""
    finished: Callable[[], bool] = lambda: True
    """Whether the running command's writes are final (then a signal is let through quietly)."""


_state = _State()


@contextmanager
def held() -> Iterator[None]:
    """Run a block that a stopping signal must not cut in two; a signal that arrives meanwhile
    is raised as `Interrupted` when the outermost held block ends, unless the writes are final
    by then."""
    _state.depth += 1
    try:
        yield
    finally:
        _state.depth -= 1
        signum = _state.pending if _state.depth == 0 else None
        if signum is not None:
            _state.pending = None
            if not _state.finished():
                raise Interrupted(signum)


@contextmanager
def interrupting(finished: Callable[[], bool]) -> Iterator[None]:
    """While the block runs, a stopping signal raises `Interrupted` (after the `held` block it
    lands in, if any) until `finished()` says the writes are final; from then on it is ignored,
    so that the command's last lines are written."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        if finished():
            return
        if _state.depth:
            _state.pending = _state.pending or signum
            return
        raise Interrupted(signum)

    previous = {signum: signal.signal(signum, interrupt) for signum in STOPPING}
    outer, _state.finished = _state.finished, finished
    try:
        yield
    finally:
        _state.finished = outer
        for signum, handler in previous.items():
            signal.signal(signum, handler)
