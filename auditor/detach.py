"""Worker processes that never outlive the command that started them, and never hold its output.

A worker inherits the parent's standard streams. If the parent dies (the OOM killer, SIGKILL, a
CI job's timeout), a worker blocked on its task queue would live on, orphaned, and keep the
parent's stdout and stderr open: whoever ran the parent and waits for its output (a CI step,
`subprocess.run(capture_output=True)`) would wait forever. So a worker points its standard
streams at the null device before anything else, asks Linux to kill it when the parent goes
(PR_SET_PDEATHSIG), and everywhere watches its parent's pid and exits once the parent is gone.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal a process gets when its parent dies (Linux)."""


def detach_worker(parent: int) -> None:
    """Run first in a worker process started by `parent` (its pid)."""
    null = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):
        os.dup2(null, stream)
    os.close(null)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the request above was made
        os._exit(0)
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def _die_with_parent() -> None:
    if sys.platform != "linux":  # the watch below does it
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl in this libc: the watch below does it
        pass


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)
