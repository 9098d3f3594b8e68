"""One writer at a time: an exclusive lock on a file beside the inventory.

Every command that changes the inventory or the keyring holds it from its read of the inventory
to its last write, so two `add`s, or an `import` and an `add`, never work from the same old copy
and lose each other's accounts. A second writer waits (saying so once) and then reads the
inventory the first one left; after the time limit it stops with one line naming the holder's
pid. Readers (`audit`, `onboard`, `doctor`) never take it: the inventory is replaced atomically,
so they see the old file or the new one. The lock file itself is never deleted (deleting a lock
file lets two writers lock two different files).
"""

from __future__ import annotations

import fcntl
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from auditor.errors import InventoryError, seconds_setting

DEFAULT_WAIT = 120.0
"""Seconds a writer waits for another [$STORE_AUDIT_LOCK_TIMEOUT]."""


def lock_path(inventory: Path) -> Path:
    """`.NAME.lock` beside the inventory."""
    return inventory.with_name(f".{inventory.name}.lock")


def lock_wait() -> float:
    """$STORE_AUDIT_LOCK_TIMEOUT, else DEFAULT_WAIT; a one-line UsageError when it is not a
    number of seconds from 0 to a day."""
    return seconds_setting("STORE_AUDIT_LOCK_TIMEOUT", DEFAULT_WAIT)


@contextmanager
def inventory_lock(inventory: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the inventory's write lock for the duration of the block."""
    path = lock_path(inventory)
    wait = lock_wait()
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
    except OSError as error:
        raise InventoryError(f"{path}: cannot open the lock file: {error.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):  # a planted FIFO or device
            raise InventoryError(
                f"{path}: the lock file is not a regular file (a FIFO, a socket or a device); "
                "nothing was written",
                hint="check what put it there, then remove it",
            )
        _acquire(handle, path, inventory, wait, on_wait)
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _acquire(
    handle: int,
    path: Path,
    inventory: Path,
    wait: float,
    on_wait: Callable[[str], None] | None,
) -> None:
    deadline = time.monotonic() + wait
    announced = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = _holder(path)
        if time.monotonic() >= deadline:
            raise InventoryError(
                f"{inventory}: another store-audit{holder} has been writing it for over "
                f"{wait:g} s; nothing was written",
                hint="wait for it to finish, or raise $STORE_AUDIT_LOCK_TIMEOUT",
            )
        if not announced and on_wait is not None:
            on_wait(f"waiting for another store-audit{holder} to finish writing {inventory}")
            announced = True
        time.sleep(0.05)


def _holder(path: Path) -> str:
    """' (pid N)' for the process that wrote its pid into the lock file, if readable."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""
