"""Files that may hold account details: read only when they are regular files of a bounded size
(a FIFO would hang, /dev/zero would never end), written atomically, private, never through a
symlink.

Private means what each platform has for it. On POSIX: mode 0600, set on the open file so that
the umask cannot widen it. On Windows mode bits mean only "read-only": a new file takes the
access list of its folder, and the folders store-audit creates files in by default (the config
dir under %APPDATA%, the user's profile) grant access to the user, SYSTEM and Administrators
only. No-follow: POSIX's O_NOFOLLOW; Windows has none, so there the path is checked for a
link (a reparse point) before opening and again after.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from auditor.errors import UsageError
from auditor.i18n import N_, _
from auditor.i18n.oserrors import reason


def write_private(path: Path, text: str | Iterable[str], *, line_end: str = "\n") -> None:
    """Replace `path` with `text` (or its pieces, one after another) in one step, readable only
    by the user; each "\n" is written as `line_end`.

    A reader never sees a half-written file, and a symlink planted at `path` is refused rather
    than followed (it could point the report somewhere the user did not choose); os.replace
    replaces a link, never its target.
    """
    if path.is_symlink():
        raise UsageError(
            _("{path}: is a symbolic link; refusing to write through it").format(path=path)
        )
    if path.exists() and not path.is_file():
        raise UsageError(_("{path}: is not a regular file").format(path=path))
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as error:
        raise UsageError(_cannot_write(path, error)) from None
    try:
        make_private(handle)
        newline = "" if line_end == "\n" else line_end  # "": written as it is, on every OS
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            stream.writelines([text] if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        _replace(temporary, path)
    except BaseException as error:  # a failing writer or a signal too: no temporary file stays
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise UsageError(_cannot_write(path, error)) from None
        raise


def _cannot_write(path: Path, error: OSError) -> str:
    return _("{path}: cannot write: {reason}").format(path=path, reason=reason(error))


def make_private(handle: int) -> None:
    """Make an open file readable and writable by the user only (see the module's docstring)."""
    if sys.platform != "win32":
        os.fchmod(handle, 0o600)  # a mode given at creation is subject to the umask (777 → 0000)


def _replace(temporary: str, path: Path) -> None:
    if sys.platform == "win32":
        # Windows refuses to replace a file another process has open (a reader of the old
        # inventory, an indexer, a virus scanner) with "access denied"; such opens last
        # milliseconds, so try again for up to a second before reporting it.
        for _ in range(20):
            try:
                os.replace(temporary, path)
                return
            except PermissionError:
                time.sleep(0.05)
    os.replace(temporary, path)


def open_no_follow(path: Path, flags: int) -> int:
    """`os.open(path, flags)`, creating with mode 0600, refusing a symbolic link at `path`
    (OSError whose strerror says so)."""
    if sys.platform == "win32":
        # No O_NOFOLLOW here: a link (any reparse point: symbolic link, junction) at the path is
        # refused before opening, and again after, so one swapped in meanwhile is caught too.
        _refuse_reparse_point(path)
        handle = os.open(path, flags | os.O_BINARY, 0o600)
        try:
            _refuse_reparse_point(path)
        except BaseException:
            os.close(handle)
            raise
        return handle
    try:
        return os.open(path, flags | os.O_NOFOLLOW, 0o600)
    except OSError as error:
        if error.errno == errno.ELOOP:  # what O_NOFOLLOW reports for a link
            raise OSError(
                errno.ELOOP, N_("is a symbolic link; refusing to follow it"), str(path)
            ) from None
        raise


def _refuse_reparse_point(path: Path) -> None:
    if sys.platform == "win32":
        try:
            attributes = os.lstat(path).st_file_attributes
        except FileNotFoundError:
            return
        if attributes & stat.FILE_ATTRIBUTE_REPARSE_POINT:
            raise OSError(errno.ELOOP, N_("is a symbolic link; refusing to follow it"), str(path))


def read_regular(path: Path, limit: int, *, private: bool = False) -> bytes:
    """Up to `limit + 1` bytes of a regular file (a caller seeing more than `limit` refuses it).

    Raises FileNotFoundError, IsADirectoryError, or OSError whose strerror says what is wrong
    (not a regular file: a FIFO, a device); opening never blocks on a FIFO. `private`: the file
    must also be one store-audit could have written for this user: not a symbolic link, owned
    by the user, mode 0600 (`NotPrivate` says which it is not).
    """
    try:
        handle = _open_for_reading(path, follow=not private)
    except OSError as error:
        if private and (error.errno == errno.ELOOP or path.is_symlink()):
            raise NotPrivate(_("is a symbolic link")) from None
        raise
    try:
        status = os.fstat(handle)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, N_("is a directory"), str(path))
        if not stat.S_ISREG(status.st_mode):
            raise OSError(0, N_("not a regular file (a FIFO, a socket or a device)"), str(path))
        if private:
            _check_private(status)
        if sys.platform != "win32":
            os.set_blocking(handle, True)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(limit + 1)
    finally:
        os.close(handle)


def _open_for_reading(path: Path, *, follow: bool = True) -> int:
    if sys.platform == "win32":
        # Windows opens a directory with "permission denied", and a file in text mode unless
        # asked not to.
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, N_("is a directory"), str(path))
        if not follow:
            _refuse_reparse_point(path)
        return os.open(path, os.O_RDONLY | os.O_BINARY)
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK | (0 if follow else os.O_NOFOLLOW))


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
        raise NotPrivate(_("belongs to another user (uid {uid})").format(uid=status.st_uid))
    if stat.S_IMODE(status.st_mode) != 0o600:
        mode = f"{stat.S_IMODE(status.st_mode):04o}"
        raise NotPrivate(_("has mode {mode}, not 0600").format(mode=mode))
