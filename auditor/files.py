"""Files that may hold account details: read only when they are regular files of a bounded size
(a FIFO would hang, /dev/zero would never end), written atomically, private (0600), never
through a symlink."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from auditor.errors import UsageError


def write_private(path: Path, text: str | Iterable[str]) -> None:
    """Replace `path` with `text` (or its pieces, one after another) in one step, readable only
    by the user.

    A reader never sees a half-written file, and a symlink planted at `path` is refused rather
    than followed (it could point the report somewhere the user did not choose). mkstemp creates
    the file with mode 0600.
    """
    if path.is_symlink():
        raise UsageError(f"{path}: is a symbolic link; refusing to write through it")
    if path.exists() and not path.is_file():
        raise UsageError(f"{path}: is not a regular file")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {error.strerror}") from None
    try:
        os.fchmod(handle, 0o600)  # mkstemp's 0600 is subject to the umask (umask 777 → 0000)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.writelines([text] if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:  # a failing writer or a signal too: no temporary file stays
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise UsageError(f"{path}: cannot write: {error.strerror}") from None
        raise


def read_regular(path: Path, limit: int, *, private: bool = False) -> bytes:
    """Up to `limit + 1` bytes of a regular file (a caller seeing more than `limit` refuses it).

    Raises FileNotFoundError, IsADirectoryError, or OSError whose strerror says what is wrong
    (not a regular file: a FIFO, a device); opening never blocks on a FIFO. `private`: the file
    must also be one store-audit could have written for this user: not a symbolic link, owned
    by the user, mode 0600 (`NotPrivate` says which it is not).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | (getattr(os, "O_NOFOLLOW", 0) if private else 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if private and path.is_symlink():
            raise NotPrivate("is a symbolic link") from None
        raise error from None
    try:
        status = os.fstat(handle)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(21, "is a directory", str(path))
        if not stat.S_ISREG(status.st_mode):
            raise OSError(0, "not a regular file (a FIFO, a socket or a device)", str(path))
        if private:
            _check_private(status)
        os.set_blocking(handle, True)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(limit + 1)
    finally:
        os.close(handle)


class NotPrivate(OSError):
    """A file that must be the user's own, private one is not (its strerror says why)."""

    def __init__(self, why: str) -> None:
        super().__init__(0, why)


def _check_private(status: os.stat_result) -> None:
    """NotPrivate unless the file is owned by this user with mode 0600 (where the platform
    has POSIX owners and modes)."""
    user = getattr(os, "geteuid", None)
    if user is None:
        return
    if status.st_uid != user():
        raise NotPrivate(f"belongs to another user (uid {status.st_uid})")
    if stat.S_IMODE(status.st_mode) != 0o600:
        raise NotPrivate(f"has mode {stat.S_IMODE(status.st_mode):04o}, not 0600")
