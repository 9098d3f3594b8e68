"""A progress line on stderr while secrets are read and passwords scored.

Shown only when stderr is a terminal and the work has already taken long enough to notice, and
always on stderr, so a report on stdout (JSON, SARIF...) is never touched.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

from auditor.i18n import N_, _

PHASES = (N_("reading the keyring"), N_("scoring passwords"))
"""The phases the audit reports, in English; the line shows them in the run's language."""


class Progress(Protocol):
    """Told how far the audit has got."""

    def step(self, phase: str, done: int, total: int) -> None:
        """`done` of `total` items of `phase` are finished."""
        ...


class TerminalProgress:
    """Redraws one line on a terminal; silent elsewhere and for work shorter than `delay`."""

    def __init__(self, stream: TextIO | None = None, delay: float = 0.5) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.delay = delay
        self.started = time.monotonic()
        self.shown = False
        self.last_draw = 0.0

    def step(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.started < self.delay:
            return
        if done < total and now - self.last_draw < 0.1:
            return
        self.last_draw = now
        self.shown = True
        line = _("store-audit: {phase} {done}/{total}")
        self.stream.write("\r\x1b[K" + line.format(phase=_(phase), done=done, total=total))
        self.stream.flush()

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Erase the line, so the report starts on a clean terminal."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
