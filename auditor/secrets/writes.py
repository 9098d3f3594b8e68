"""The only code that writes to the keyring: `add`, `set-secret` and `import` go through it.

Writes happen in a `SecretTransaction`: every entry it sets remembers what was there before, and
when anything fails part-way — an error, Ctrl-C, SIGTERM or SIGHUP — everything it wrote is put
back (new entries deleted, replaced ones restored), so a failed run leaves the keyring as it found
it. Each new or replaced entry is first recorded in the inventory's journal (`journal`), and a
replaced value is kept in the keyring until the run is final, so that even a SIGKILL leaves
nothing the next writing command cannot finish (`recovery`).
Messages name the account and the keyring service, never a value; a backend's own error text is
left out because, on a write, it could echo what was being written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from auditor.errors import OWN_STOPS, SecretStoreError, StoreAuditError
from auditor.i18n import _, listed, ngettext, pgettext
from auditor.interrupts import held
from auditor.secrets.journal import Entry, Journal, inventory_digest, previous_service
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
        except OWN_STOPS:
            raise
        except BaseException as error:  # the keyring boundary (a backend's SystemExit too)
            raise SecretStoreError(
                _("keyring backend {backend} failed to write service {service!r}: {error}").format(
                    backend=self.describe(), service=service, error=type(error).__name__
                ),
                hint=keyring_hint(),
            ) from None

    def delete_if_there(self, service: str, username: str) -> None:
        """Remove an entry if it exists; SecretStoreError when the backend fails to."""
        try:
            self.delete(service, username)
        except SecretStoreError:
            if self.get(service, username) is not None:
                raise

    def delete(self, service: str, username: str) -> None:
        """Remove an entry; SecretStoreError when the backend fails."""
        try:
            self._backend.delete_password(service, username)
        except OWN_STOPS:
            raise
        except BaseException as error:  # the keyring boundary (a backend's SystemExit too)
            raise SecretStoreError(
                _("keyring backend {backend} failed to delete service {service!r}: {error}").format(
                    backend=self.describe(), service=service, error=type(error).__name__
                ),
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
        self._kept: list[Entry] = []
        """Replaced entries whose old value is (being) kept under previous_service."""
        self.committed = False

    def set(self, service: str, username: str, value: str, label: str) -> None:
        """Write one entry; `label` names it in messages ("amazon-us password").

        The entry goes on the undo list before the write: a signal can land inside the
        backend's call, after the entry exists and before the call returns, and the rollback
        must still find it (it deletes only what is there). An entry being replaced keeps its
        old value in the keyring (`previous_service`) until the run is final, so that a crash
        (SIGKILL) cannot lose it: the next writing command puts it back."""
        previous = self.writer.get(service, username)
        if previous is None:
            self.journal.record(service, username)
        elif (service, username) not in self._kept:
            self.journal.record(service, username, replaced=True)
            self._kept.append((service, username))
            self._write(previous_service(service), username, previous, label)
        self._undo.append(_Undo(service, username, previous, label))
        try:
            self.writer.set(service, username, value)
        except SecretStoreError as error:
            self._undo.pop()  # the backend refused it: nothing was written
            raise SecretStoreError(_labelled(label, error.message), hint=error.hint) from None

    def _write(self, service: str, username: str, value: str, label: str) -> None:
        try:
            self.writer.set(service, username, value)
        except SecretStoreError as error:
            raise SecretStoreError(_labelled(label, error.message), hint=error.hint) from None

    def commit(self, text: str | None = None, save: Callable[[str], None] = lambda _: None) -> None:
        """Make the writes final, saving `text` as the inventory (`save`) with Ctrl-C, SIGTERM
        and SIGHUP held back: once the inventory names the new entries, nothing undoes them.
        The journal notes the inventory's digest first, so that after a crash the next writer
        can tell a saved run (keep its writes) from an unsaved one (undo them)."""
        with held():
            digest = None if text is None else inventory_digest(text.encode("utf-8"))
            self.journal.committing(digest)
            if text is not None:
                save(text)
            self.committed = True
            self._undo.clear()
            self.journal.clear(keep=not self._drop_kept())

    def _drop_kept(self) -> bool:
        """Delete the kept old values; whether all are gone."""
        dropped = True
        for service, username in self._kept:
            try:
                self.writer.delete_if_there(previous_service(service), username)
            except SecretStoreError:
                dropped = False
        self._kept.clear()
        return dropped

    @property
    def written(self) -> int:
        """How many entries this transaction has written so far."""
        return len(self._undo)

    def rollback(self) -> list[str]:
        """Put back everything written, newest first; the labels it could not put back. A
        second Ctrl-C or SIGTERM waits until the rollback is done. An old value that could not
        be put back stays kept in the keyring, with the journal, for the next writer."""
        failed = []
        with held():
            for undo in reversed(self._undo):
                try:
                    self._put_back(undo)
                except SecretStoreError:
                    failed.append(undo.label)
                    if (undo.service, undo.username) in self._kept:
                        self._kept.remove((undo.service, undo.username))
            self._undo.clear()
            dropped = self._drop_kept()
            if not failed:
                self.journal.clear(keep=not dropped)
        return failed

    def _put_back(self, undo: _Undo) -> None:
        """Restore one entry as it was; an entry that was to be new and never got written (its
        write failed or was cut short) is already as it was."""
        if undo.previous is not None:
            self.writer.set(undo.service, undo.username, undo.previous)
            return
        self.writer.delete_if_there(undo.service, undo.username)


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
        undone = ngettext(
            "the keyring entry this run wrote was removed",
            "the keyring {n} entries this run wrote were removed",
            written,
        ).format(n=written)
        if failed:
            undone = _("could not undo {entries} in the keyring: check by hand").format(
                entries=listed(failed)
            )
        between = pgettext("between problems", "; ")
        raise type(error)(error.message + between + undone, hint=error.hint) from None
    except BaseException:
        transaction.rollback()
        raise


def _labelled(label: str, message: str) -> str:
    """`amazon-us password: keyring backend … failed …`: which entry a failure was writing."""
    return _("{label}: {message}").format(label=label, message=message)
