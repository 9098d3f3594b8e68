"""Removing an account, or changing the id or login its keyring entries are filed under: the
inventory and the keyring change together, or neither does.

The keyring files an account's secrets under `store-audit/<id>` (or its `keyring_service`) and its
login, so `rename` and `set login=` move every entry the account has to its new name, and `remove`
deletes them. The order makes every interruption safe:

1. The old entries are recorded in the journal, then the new ones are written (each journaled
   first). Ctrl-C, SIGTERM or SIGHUP here rolls the new ones back; after a SIGKILL the next
   writing command removes them, since no account names them yet.
2. The inventory is saved and the old entries deleted, with signals held back. After a SIGKILL
   between the two, the old entries are what no account names any more: the next writing command
   removes them. Either way the keyring ends as the inventory says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from auditor.errors import SecretStoreError, UsageError
from auditor.i18n import N_, _
from auditor.intake.session import WriteSession
from auditor.interrupts import held
from auditor.inventory import Account, Inventory
from auditor.secrets.journal import Entry
from auditor.secrets.writes import secret_transaction

_WHAT = (N_("password"), N_("TOTP seed"), N_("backup codes"), N_("security answers"))
"""What each of an account's keyring entries holds, in `Account.keyring_entries` order (English:
shown through `_`, where they are said)."""


@dataclass(frozen=True)
class Relocated:
    """What a remove, rename or login change did to the keyring."""

    moved: tuple[str, ...] = ()
    """What was moved to the new name ("password", "TOTP seed", "backup codes", ...)."""
    removed: tuple[str, ...] = ()
    """What was deleted."""
    kept: tuple[str, ...] = ()
    """Entries left in place, each with why."""
    failed: tuple[Entry, ...] = ()
    """Old entries that could not be deleted after the inventory was saved."""


def stored_entries(account: Account, read: Callable[[str, str], str | None]) -> list[str]:
    """What the keyring holds for the account: "password", "TOTP seed", "backup codes"."""
    return [
        what
        for what, (service, user) in zip(_WHAT, account.keyring_entries, strict=True)
        if read(service, user) is not None
    ]


def remove_entries(
    session: WriteSession, account: Account, remaining: Inventory, save: Callable[[], None]
) -> Relocated:
    """Save the inventory without `account` (`save`) and delete its keyring entries. Entries
    another account still names, and those under a `keyring_service` of the seller's own
    choosing, are left in place."""
    named = {entry for other in remaining.accounts for entry in other.keyring_entries}
    doomed: list[tuple[str, Entry]] = []
    kept: list[str] = []
    for what, entry in zip(_WHAT, account.keyring_entries, strict=True):
        if session.writer.get(*entry) is None:
            continue
        if entry in named:
            kept.append(
                _("{what} (another account uses {service!r})").format(
                    what=_(what), service=entry[0]
                )
            )
        elif account.keyring_service is not None:
            kept.append(
                _("{what} (under your own keyring_service {service!r})").format(
                    what=_(what), service=entry[0]
                )
            )
        else:
            doomed.append((what, entry))
    saved = False
    try:
        for _what, entry in doomed:
            session.journal.record(*entry)
        with held():
            save()
            saved = True
            failed = _delete([entry for _what, entry in doomed], session)
            session.journal.clear()
    except BaseException:
        if not saved:
            session.journal.clear()  # nothing was changed: the account still names them all
        raise
    return Relocated(
        removed=tuple(w for w, e in doomed if e not in failed), kept=tuple(kept), failed=failed
    )


def move_entries(
    session: WriteSession, before: Account, after: Account, text: str, save: Callable[[str], None]
) -> Relocated:
    """Copy the account's keyring entries to the names `after` files them under, save the
    inventory (`save(text)`) and delete the old entries; all or nothing. UsageError, before anything
    is written, when an entry already exists under a new name."""
    moves = [
        (what, old, new)
        for what, old, new in zip(_WHAT, before.keyring_entries, after.keyring_entries, strict=True)
        if old != new and session.writer.get(*old) is not None
    ]
    for what, _old, new in moves:
        if session.writer.get(*new) is not None:
            raise UsageError(
                _(
                    "{account}: the keyring already holds a {what} under service {service!r} "
                    "for {user!r} (another inventory's, or left behind); nothing was changed"
                ).format(account=after.id, what=_(what), service=new[0], user=new[1]),
                hint=_("`store-audit doctor` lists entries no account uses"),
            )
    failed: tuple[Entry, ...] = ()

    def save_and_delete(text: str) -> None:
        nonlocal failed
        save(text)
        failed = _delete([old for _what, old, _new in moves], session)

    started = False
    try:
        for _what, old, _new in moves:
            session.journal.record(*old)
        with secret_transaction(session.writer, session.journal) as transaction:
            started = True  # from here on the transaction rolls back and clears the journal
            for what, old, new in moves:
                value = session.writer.get(*old)
                if value is not None:
                    transaction.set(*new, value, f"{after.id} {what}")
            transaction.commit(text, save_and_delete)
    except BaseException:
        if not started:
            session.journal.clear()  # only old entries were journaled, and the account names them
        raise
    return Relocated(moved=tuple(what for what, _old, _new in moves), failed=failed)


def _delete(entries: list[Entry], session: WriteSession) -> tuple[Entry, ...]:
    """Delete each entry; the ones the backend would not delete (the inventory is saved by
    then, so they are only left over: `doctor --prune` lists them)."""
    failed = []
    for entry in entries:
        try:
            session.writer.delete(*entry)
        except SecretStoreError:
            failed.append(entry)
    return tuple(failed)
