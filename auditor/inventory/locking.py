"""One writer at a time: an exclusive lock on a file beside the inventory.

Every command that changes the inventory or the keyring holds it from its read of the inventory
to its last write, so two `add`s, or an `import` and an `add`, never work from the same old copy
and lose each other's accounts. A second writer waits (saying so once) and then reads the
inventory the first one left; after the time limit it stops with one line naming the holder's
pid. Readers (`audit`, `onboard`, `doctor`) never take it: the inventory is replaced atomically,
so they see the old file or the new one. The lock file itself is never deleted (deleting a lock
file lets two writers lock two different files).

The lock itself is filelock's `lock_descriptor` on a file this module opens: `flock` on POSIX,
`LockFileEx` on byte 0 on Windows, the primitive pip, tox and virtualenv rely on. Opening the file
here keeps it never followed through a link, private and never deleted (filelock's own FileLock
deletes its file on Windows).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import lock_descriptor, unlock_descriptor

from auditor.errors import InventoryError, seconds_setting
from auditor.files import open_no_follow
from auditor.i18n import _
from auditor.i18n.oserrors import reason

DEFAULT_WAIT = 120.0
"""Seconds a writer waits for another [$STORE_AUDIT_LOCK_TIMEOUT]."""

PID_AT = 1
"""Where the holder's pid starts in the lock file: on Windows nobody else can read byte 0 while
it is locked, so the pid is written after it."""


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
        handle = open_no_follow(path, os.O_RDWR | os.O_CREAT)  # O_RDWR: a FIFO never blocks it
    except OSError as error:
        raise InventoryError(
            _("{path}: cannot open the lock file: {reason}").format(path=path, reason=reason(error))
        ) from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):  # a planted FIFO or device
            raise InventoryError(
                _(
                    "{path}: the lock file is not a regular file (a FIFO, a socket or a device); "
                    "nothing was written"
                ).format(path=path),
                hint=_("check what put it there, then remove it"),
            )
        _acquire(handle, path, inventory, wait, on_wait)
        try:
            os.ftruncate(handle, 0)
            os.write(handle, b"\n" + f"{os.getpid()}\n".encode("ascii"))
            yield
        finally:
            unlock_descriptor(handle)
    finally:
        os.close(handle)


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
            if lock_descriptor(handle, blocking=False):
                return
        except OSError as error:  # not contention: a file system without locks, say
            raise InventoryError(
                _("{path}: cannot lock: {reason}").format(path=path, reason=reason(error))
            ) from None
        holder = _holder(path)
        if time.monotonic() >= deadline:
            raise InventoryError(
                _(
                    "{path}: another store-audit{holder} has been writing it for over {wait} s; "
                    "nothing was written"
                ).format(path=inventory, holder=holder, wait=f"{wait:g}"),
                hint=_("wait for it to finish, or raise $STORE_AUDIT_LOCK_TIMEOUT"),
            )
        if not announced and on_wait is not None:
            waiting = _("waiting for another store-audit{holder} to finish writing {path}")
            on_wait(waiting.format(holder=holder, path=inventory))
            announced = True
        time.sleep(0.05)


def _holder(path: Path) -> str:
    """' (pid N)' for the process that wrote its pid into the lock file, if readable."""
    try:
        with path.open("rb") as stream:
            stream.seek(PID_AT)
            text = stream.read(32).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return _(" (pid {pid})").format(pid=text) if text.isdigit() else ""
