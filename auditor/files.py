"""Writing files that may hold account details: atomically, private (0600), never via a symlink."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from auditor.errors import UsageError


def write_private(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step, readable only by the user.

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
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError(f"{path}: cannot write: {error.strerror}") from None
