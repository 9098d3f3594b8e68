"""How the scoring workers start on this platform.

Linux forks them: a worker is a copy of the running audit with zxcvbn's dictionaries already
loaded, the cheapest start there is. macOS and Windows spawn them, as Python does by default
there: each worker is a fresh interpreter that imports what it needs and receives everything else
through its pipe (Windows cannot fork, and on macOS a fork after the system's frameworks are
loaded — the Keychain backend loads them — can crash the child).

`$STORE_AUDIT_START_METHOD` (fork or spawn, where the platform has it) chooses one, so that
Linux can run the spawn path the other platforms take (not forkserver: a worker checks that its
parent is the audit, to end with it, and a fork server's workers are the server's children);
`$STORE_AUDIT_PARALLEL_FROM` lowers the number of distinct passwords from which workers are
used, so that a small inventory (the demo) runs them too. Both exist for tests and benchmarks; a
user never needs them.
"""

from __future__ import annotations

import os
import sys
from multiprocessing.context import BaseContext

from auditor.errors import UsageError

START_METHOD = "STORE_AUDIT_START_METHOD"
PARALLEL_FROM = "STORE_AUDIT_PARALLEL_FROM"


def start_method() -> str:
    """fork on Linux, spawn elsewhere, or the one $STORE_AUDIT_START_METHOD names."""
    import multiprocessing

    forced = os.environ.get(START_METHOD, "").strip()
    if not forced:
        return "fork" if sys.platform == "linux" else "spawn"
    available = [m for m in multiprocessing.get_all_start_methods() if m in ("fork", "spawn")]
    if forced not in available:
        from auditor.i18n import _

        raise UsageError(
            _("${name}: {value!r} is not one of {methods}").format(
                name=START_METHOD, value=forced[:20], methods=", ".join(available)
            )
        )
    return forced


def worker_context() -> BaseContext:
    """The multiprocessing context the scoring pool starts its workers with."""
    import multiprocessing

    return multiprocessing.get_context(start_method())


def parallel_from(default: int) -> int:
    """$STORE_AUDIT_PARALLEL_FROM (a whole number from 1), else `default`."""
    raw = os.environ.get(PARALLEL_FROM, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        from auditor.i18n import _

        raise UsageError(
            _("${name}: {value!r} is not a whole number from 1").format(
                name=PARALLEL_FROM, value=raw[:20]
            )
        )
    return int(raw)
