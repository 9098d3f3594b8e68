"""A journal of keyring entries a writing command is creating, so that no crash orphans one.

Before a writing command creates a keyring entry, it appends the entry's service and user name
(never a value) to `.NAME.journal` beside the inventory (mode 0600, flushed to disk). When the
command finishes — inventory written, or everything rolled back — the journal is removed. If the
process dies in between (SIGKILL, a power cut), the next writing command finds the journal and
removes every recorded entry that no account of the inventory names, which is exactly what the
interrupted command would have rolled back; entries the inventory does name (it was written
before the crash) are kept. Read-only commands only mention a journal: they never write.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from auditor.errors import SecretStoreError
from auditor.files import make_private, open_no_follow

Entry = tuple[str, str]
"""A keyring entry: (service, user name)."""


def journal_path(inventory: Path) -> Path:
    """`.NAME.journal` beside the inventory."""
    return inventory.with_name(f".{inventory.name}.journal")


class Journal:
    """The entries one writing command is creating; `None` path: journal nothing (tests)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._handle: int | None = None
        self.done = False
        """Whether the command's writes are final (committed or rolled back)."""

    def record(self, service: str, username: str) -> None:
        """Note an entry before it is created; durable before the write happens."""
        if self.path is None:
            return
        if self._handle is None:
            try:
                self._handle = open_no_follow(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
                make_private(self._handle)
            except OSError as error:
                raise SecretStoreError(
                    f"{self.path}: cannot write the journal of keyring entries: {error.strerror}; "
                    "nothing was written"
                ) from None
        line = json.dumps({"service": service, "user": username}, ensure_ascii=True) + "\n"
        os.write(self._handle, line.encode("ascii"))
        os.fsync(self._handle)

    def clear(self) -> None:
        """The command finished (or rolled back): the journal is no longer needed."""
        self.done = True
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None
        if self.path is not None:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass


def pending(path: Path) -> list[Entry]:
    """The entries a journal left behind by an interrupted command records (empty: none)."""
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except (FileNotFoundError, IsADirectoryError):
        return []
    except OSError as error:
        raise SecretStoreError(f"{path}: cannot read the journal: {error.strerror}") from None
    entries: list[Entry] = []
    for line in text.splitlines():
        try:
            record = json.loads(line)
            entry = (record["service"], record["user"])
        except (ValueError, KeyError, TypeError):
            continue  # a line cut short by the crash: its entry was never written
        if all(isinstance(part, str) for part in entry):
            entries.append(entry)
    return list(dict.fromkeys(entries))


def orphans(path: Path, named: Iterable[Entry]) -> list[Entry]:
    """The journal's entries that no account of the inventory names."""
    keep = set(named)
    return [entry for entry in pending(path) if entry not in keep]
