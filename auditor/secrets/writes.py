"""The only code that writes to the keyring: `add`, `set-secret` and `import` go through it.

Writes happen in a `SecretTransaction`: every entry it sets remembers what was there before, and
when anything fails part-way — an error, Ctrl-C, SIGTERM or SIGHUP — everything it wrote is put
back (new entries deleted, replaced ones restored), so a failed run leaves the keyring as it found
it. Each new entry is first recorded in the inventory's journal (`journal`), so that even a
SIGKILL leaves nothing the next writing command cannot clean up (`finish_interrupted`).
Messages name the account and the keyring service, never a value; a backend's own error text is
left out because, on a write, it could echo what was being written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import SecretStoreError, StoreAuditError
from auditor.interrupts import held
from auditor.secrets.journal import Entry, Journal, orphans
from auditor.secrets.keyring_store import KeyringStore, keyring_hint


class KeyringWriter(KeyringStore):
    """Reads like KeyringStore, and also writes and deletes."""

    _may_store = False
    """Whether the backend was found fit to store secrets (see `refuse_unencrypted`)."""

    @property
    def backend(self) -> Any:
        """The keyring backend in use."""
        return self._backend

    def set(self, service: str, username: str, value: str) -> None:
        """Store a value; SecretStoreError (without the backend's message) when it fails, or
        when the backend would keep it unencrypted without the user having chosen it."""
        if not self._may_store:
            self.refuse_unencrypted()  # once: it reads keyring's configuration file
            self._may_store = True
        try:
            self._backend.set_password(service, username, value)
        except Exception as error:  # the keyring boundary
            raise SecretStoreError(
                f"keyring backend {self.describe()} failed to write service {service!r}: "
                f"{type(error).__name__}",
                hint=keyring_hint(),
            ) from None

    def delete(self, service: str, username: str) -> None:
        """Remove an entry; SecretStoreError when the backend fails."""
        try:
            self._backend.delete_password(service, username)
        except Exception as error:  # the keyring boundary
            raise SecretStoreError(
                f"keyring backend {self.describe()} failed to delete service {service!r}: "
                f"{type(error).__name__}",
                hint=keyring_hint(),
            ) from None


@dataclass(frozen=True)
class _Undo:
    service: str
    username: str
    previous: str | None
    label: str


class SecretTransaction:
    """A series of keyring writes that is undone as a whole when it does not complete."""

    def __init__(self, writer: KeyringWriter, journal: Journal | None = None) -> None:
        self.writer = writer
        self.journal = journal or Journal(None)
        self._undo: list[_Undo] = []
        self.committed = False

    def set(self, service: str, username: str, value: str, label: str) -> None:
        """Write one entry; `label` names it in messages ("amazon-us password").

        The entry goes on the undo list before the write: a signal can land inside the
        backend's call, after the entry exists and before the call returns, and the rollback
        must still find it (it deletes only what is there)."""
        previous = self.writer.get(service, username)
        if previous is None:
            self.journal.record(service, username)
        self._undo.append(_Undo(service, username, previous, label))
        try:
            self.writer.set(service, username, value)
        except SecretStoreError as error:
            self._undo.pop()  # the backend refused it: nothing was written
            raise SecretStoreError(f"{label}: {error.message}", hint=error.hint) from None

    def commit(self, save: Callable[[], None] = lambda: None) -> None:
        """Make the writes final, running `save` (the inventory's write) with Ctrl-C, SIGTERM
        and SIGHUP held back: once the inventory names the new entries, nothing undoes them."""
        with held():
            save()
            self.committed = True
            self._undo.clear()
            self.journal.clear()

    @property
    def written(self) -> int:
        """How many entries this transaction has written so far."""
        return len(self._undo)

    def rollback(self) -> list[str]:
        """Put back everything written, newest first; the labels it could not put back. A
        second Ctrl-C or SIGTERM waits until the rollback is done."""
        failed = []
        with held():
            for undo in reversed(self._undo):
                try:
                    self._put_back(undo)
                except SecretStoreError:
                    failed.append(undo.label)
            self._undo.clear()
            if not failed:
                self.journal.clear()
        return failed

    def _put_back(self, undo: _Undo) -> None:
        """Restore one entry as it was; an entry that was to be new and never got written (its
        write failed or was cut short) is already as it was."""
        if undo.previous is not None:
            self.writer.set(undo.service, undo.username, undo.previous)
            return
        try:
            self.writer.delete(undo.service, undo.username)
        except SecretStoreError:
            if self.writer.get(undo.service, undo.username) is not None:
                raise


@contextmanager
def secret_transaction(
    writer: KeyringWriter, journal: Journal | None = None
) -> Iterator[SecretTransaction]:
    """Yield a transaction; on any error inside, roll back and re-raise, saying what was undone.
    A block that completes without calling `commit` commits when it ends."""
    transaction = SecretTransaction(writer, journal)
    try:
        yield transaction
        if not transaction.committed:
            transaction.commit()
    except StoreAuditError as error:
        written = transaction.written
        failed = transaction.rollback()
        if not written:
            raise
        plural = "entry" if written == 1 else f"{written} entries"
        undone = f"the keyring {plural} this run wrote {'was' if written == 1 else 'were'} removed"
        if failed:
            undone = f"could not undo {', '.join(failed)} in the keyring: check by hand"
        raise type(error)(f"{error.message}; {undone}", hint=error.hint) from None
    except BaseException:
        transaction.rollback()
        raise


def finish_interrupted(journal: Path, named: Iterable[Entry], writer: KeyringWriter) -> int:
    """Finish the rollback of a command that died mid-write: remove the journal's entries that
    no account names, then the journal. Returns how many entries were removed."""
    removed = 0
    for service, username in orphans(journal, named):
        if writer.get(service, username) is not None:
            writer.delete(service, username)
            removed += 1
    Journal(journal).clear()
    return removed
