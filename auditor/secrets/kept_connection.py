"""One D-Bus connection to the Secret Service for a whole command.

`keyring`'s Secret Service backend opens a connection for every call and closes it when the call
ends: an import of 40 accounts connected about 100 times. Each new connection is a new client for
gnome-keyring-daemon, and the daemon (42 to 50 at least) aborts now and then when a new client's
first request reaches it while it is busy (`invoke_get_property_in_idle_cb: assertion failed`,
an upstream bug): every secret of the session is then out of reach until the daemon is started
and unlocked again. Measured with the daemon slowed down (`benchmarks/keyring_clients.py
--slow`): imports of 40 accounts crashed it 5 times in 8 with a connection per call (~50 each),
0 in 8 with one kept connection; at full speed an import took 0.59 s instead of 1.03 s.

So the backend's preferred collection is opened once (found and unlocked exactly as `keyring`
does) and lent to each call in turn; `keyring`'s own code runs unchanged on it, and where it
closes the connection the loan ends instead. A call that finds the connection lent out (a read
abandoned in a thread after a timeout) opens one of its own, as before: one D-Bus connection
must never be read by two threads.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from auditor.secrets.secret_service import chain_members, is_secret_service


class _Lent:
    """The kept connection as a call sees it: everything passes through, except that closing it
    hands it back."""

    def __init__(self, connection: Any, give_back: Callable[[bool], None]) -> None:
        self._connection = connection
        self._give_back = give_back

    def close(self) -> None:
        # Calls close it on their way out of `with closing(...)`. With an exception on its way
        # too (a Ctrl-C in the middle of reading an answer), the connection may be left halfway
        # through a message, and the next call would wait forever for its answer: not lent again.
        self._give_back(sys.exc_info()[1] is not None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


def keep_connection(backend: Any) -> None:
    """Make the Secret Service backend (alone or in keyring's chain) reuse one connection."""
    for member in chain_members(backend) or []:
        if is_secret_service(member) and "get_preferred_collection" not in vars(member):
            member.get_preferred_collection = _lender(member.get_preferred_collection)


def _lender(open_collection: Any) -> Any:
    lock = threading.Lock()
    kept: list[Any] = []

    def give_back(broken: bool) -> None:
        if broken:
            _close(kept)
        lock.release()

    def preferred_collection() -> Any:
        if not lock.acquire(blocking=False):
            return open_collection()  # lent out: a connection of this call's own
        try:
            if not kept or kept[0].is_locked():  # locked meanwhile: unlocked as keyring would
                _close(kept)
                collection = open_collection()
                collection.connection = _Lent(collection.connection, give_back)
                kept[:] = [collection]
        except BaseException:  # cut short in the middle of asking, as in _Lent.close
            give_back(broken=True)
            raise
        return kept[0]

    return preferred_collection


def _close(kept: list[Any]) -> None:
    """Close the kept connection, if any, so that the next call opens a new one."""
    if kept:
        kept.pop().connection._connection.close()
