"""A journal of the keyring entries a writing command is changing, so that no crash orphans one
and no crash loses a replaced secret.

Before a writing command creates a keyring entry, it appends the entry's service and user name
(never a value) to `.NAME.journal` beside the inventory (mode 0600, flushed to disk). Before it
replaces an entry, it notes that too, then keeps the old value in the keyring under the entry's
service + `/previous` (`previous_service`): a name of ours, in the keyring, never in a file.
When every write is done it notes the digest of the inventory it is about to save (`committing`);
once the inventory is saved the kept values are dropped and the journal removed. A command that
dies in between (SIGKILL, a power cut) leaves the journal, and the next writing command finishes
its work (`secrets.recovery`): an inventory that matches the noted digest means the run was
complete, so the kept values are dropped; otherwise the replaced values are put back and the
created entries that no account names are removed.

A journal is only trusted when store-audit could have written it: a regular file (not a link,
a FIFO or a device), owned by the user, mode 0600, of a bounded size; and it only ever names
entries an account of the inventory could own (`could_own`). Read-only commands only mention it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import SecretStoreError, UsageError
from auditor.files import NotPrivate, make_private, open_no_follow, read_regular
from auditor.i18n import _
from auditor.i18n.oserrors import reason

Entry = tuple[str, str]
"""A keyring entry: (service, user name)."""

MAX_JOURNAL_BYTES = 64 * 1024 * 1024
"""Far above what 20,000 accounts' entries take; a larger file is no journal of ours."""

KEYRING_ONLY = "keyring"
"""The commit note of a run that saves no inventory (its keyring writes are all it does)."""

_OWN_SERVICE = re.compile(
    r"store-audit/[a-z0-9][a-z0-9._-]{0,63}(/totp|/backup|/answers)?(/previous)?"
)


def journal_path(inventory: Path) -> Path:
    """`.NAME.journal` beside the inventory."""
    return inventory.with_name(f".{inventory.name}.journal")


def previous_service(service: str) -> str:
    """Where a value being replaced is kept until the run that replaces it is final."""
    return f"{service}/previous"


def inventory_digest(text: bytes) -> str:
    """The digest a journal notes of the inventory a run saves (the inventory holds no
    secret, so nothing derived from one is written)."""
    return hashlib.sha256(text).hexdigest()


def could_own(service: str, own_services: Iterable[str]) -> bool:
    """Whether an account of the inventory could keep a secret (or a kept previous value) under
    this service: `store-audit/<id>`, its `/totp`, `/backup` and `/answers`, or an account's
    own `keyring_service` and those beside it."""
    if _OWN_SERVICE.fullmatch(service):
        return True
    base = service.removesuffix("/previous")
    beside = ("", "/totp", "/backup", "/answers")
    return any(base == f"{own}{suffix}" for own in own_services for suffix in beside)


class Journal:
    """The entries one writing command is changing; `None` path: journal nothing (tests)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._handle: int | None = None
        self.done = False
        """Whether the command's writes are final (committed or rolled back)."""

    def record(self, service: str, username: str, *, replaced: bool = False) -> None:
        """Note an entry before it is created (or, `replaced`, before its old value is kept
        aside and it is overwritten); durable before the write happens."""
        self._write(
            {"service": service, "user": username, **({"replaced": True} if replaced else {})}
        )

    def committing(self, digest: str | None) -> None:
        """Every write is done; the inventory about to be saved has this digest (None: the run
        saves no inventory). Nothing to note when nothing was journalled."""
        if self._handle is not None:
            self._write({"commit": digest or KEYRING_ONLY})

    def _write(self, record: dict[str, object]) -> None:
        if self.path is None:
            return
        if self._handle is None:
            # O_EXCL: the session removed any earlier journal, so a file here now was planted
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND
            try:
                self._handle = open_no_follow(self.path, flags)
                make_private(self._handle)
            except OSError as error:
                raise SecretStoreError(
                    _(
                        "{path}: cannot write the journal of keyring entries: {reason}; nothing "
                        "was written"
                    ).format(path=self.path, reason=reason(error))
                ) from None
        line = json.dumps(record, ensure_ascii=True) + "\n"
        os.write(self._handle, line.encode("ascii"))
        os.fsync(self._handle)

    def clear(self, *, keep: bool = False) -> None:
        """The command finished (or rolled back): the journal is no longer needed, unless
        `keep` (a kept value could not be dropped: the next writer drops it)."""
        self.done = True
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None
        if self.path is not None and not keep:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass


@dataclass(frozen=True)
class Pending:
    """What a journal left by an interrupted command records."""

    created: tuple[Entry, ...] = ()
    """Entries it was creating."""
    replaced: tuple[Entry, ...] = ()
    """Entries it was overwriting, their old values kept under `previous_service`."""
    commit: str | None = None
    """The digest of the inventory it was saving once every write was done (None: it never
    got that far; KEYRING_ONLY: it saves no inventory)."""

    def __bool__(self) -> bool:
        return bool(self.created or self.replaced or self.commit)


def pending(path: Path) -> Pending:
    """What the journal at `path` records (empty: there is none); a UsageError naming the file
    when it is not one store-audit could have written, which is then neither read nor used."""
    try:
        raw = read_regular(path, MAX_JOURNAL_BYTES, private=True)
    except FileNotFoundError:
        return Pending()
    except OSError as error:
        why = reason(error) if error.strerror else type(error).__name__
        if not isinstance(error, NotPrivate | IsADirectoryError) and error.errno:
            why = _("cannot be read: {reason}").format(reason=why)
        raise _refused(path, why) from None
    if len(raw) > MAX_JOURNAL_BYTES:
        raise _refused(path, _("is larger than {size} MiB").format(size=MAX_JOURNAL_BYTES // 2**20))
    return _parse(raw)


def _refused(path: Path, why: str) -> UsageError:
    return UsageError(
        _(
            "{path}: not a journal store-audit wrote ({why}); it was not read and no keyring "
            "entry was touched"
        ).format(path=path, why=why),
        hint=_(
            "check what put it there, then remove it; store-audit's journal is a regular file "
            "of yours with mode 0600"
        ),
    )


def _parse(raw: bytes) -> Pending:
    created: list[Entry] = []
    replaced: list[Entry] = []
    commit = None
    for line in raw.decode("ascii", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a line cut short by the crash: its write never happened
        if not isinstance(record, dict):
            continue
        if isinstance(record.get("commit"), str):
            commit = record["commit"]
            continue
        entry = (record.get("service"), record.get("user"))
        if isinstance(entry[0], str) and isinstance(entry[1], str):
            (replaced if record.get("replaced") is True else created).append((entry[0], entry[1]))
    return Pending(tuple(dict.fromkeys(created)), tuple(dict.fromkeys(replaced)), commit)
