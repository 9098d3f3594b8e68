"""Finishing the writes of a command that died mid-write (SIGKILL, a power cut), from its
journal (`journal`): the next writing command runs this under the inventory's lock.

A run that had saved its inventory (the inventory's digest is the one the journal noted) is
complete: only the old values it kept aside are dropped. Any other run is undone: the values it
replaced are put back from where it kept them, and the entries it created that no account names
are removed. Either way, only entries an account of this inventory could own are touched
(`journal.could_own`); anything else the journal names is left alone and named, so a planted or
stale journal can never delete another program's keyring entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditor.files import read_regular
from auditor.inventory import Inventory, load_inventory
from auditor.inventory.loading import MAX_FILE_BYTES
from auditor.secrets.journal import (
    KEYRING_ONLY,
    Entry,
    Journal,
    Pending,
    could_own,
    inventory_digest,
    journal_path,
    pending,
    previous_service,
)
from auditor.secrets.writes import KeyringWriter


@dataclass(frozen=True)
class Recovery:
    """What finishing an interrupted write did."""

    completed: bool
    """Whether the interrupted run had saved its inventory (its writes were kept)."""
    removed: tuple[Entry, ...] = ()
    """Entries it had created that no account names, now removed."""
    restored: tuple[Entry, ...] = ()
    """Entries it had replaced, their old values now put back."""
    dropped: int = 0
    """Old values it had kept aside, now deleted (the run was complete)."""
    left_alone: tuple[Entry, ...] = ()
    """Entries the journal names that no account of this inventory could own: untouched."""


def unfinished(inventory_path: Path, inventory: Inventory | None) -> tuple[Pending, Pending]:
    """What an interrupted write left for the next writer to finish, and what its journal names
    outside this inventory's entries; a UsageError when the journal is not one store-audit
    wrote. Reads only: for `doctor` and the readers' note."""
    found = pending(journal_path(inventory_path))
    accounts = inventory.accounts if inventory else ()
    own = {a.keyring_service for a in accounts if a.keyring_service}
    named = {entry for account in accounts for entry in account.keyring_entries}
    mine = Pending(
        tuple(e for e in found.created if could_own(e[0], own) and e not in named),
        tuple(e for e in found.replaced if could_own(e[0], own)),
        found.commit,
    )
    foreign = Pending(
        tuple(e for e in found.created if not could_own(e[0], own)),
        tuple(e for e in found.replaced if not could_own(e[0], own)),
    )
    return mine, foreign


def finish_interrupted(inventory_path: Path, writer: KeyringWriter) -> Recovery | None:
    """Finish the writes a journal beside the inventory records, then remove the journal; None
    when there is no journal."""
    path = journal_path(inventory_path)
    if not path.exists() and not path.is_symlink():
        return None
    inventory = load_inventory(inventory_path) if inventory_path.exists() else None
    mine, foreign = unfinished(inventory_path, inventory)
    completed = _completed(mine.commit, inventory_path)
    dropped = 0
    restored: list[Entry] = []
    for service, user in reversed(mine.replaced):
        kept = writer.get(previous_service(service), user)
        if kept is None:
            continue  # cut short before its old value was kept aside: it was never replaced
        if not completed:
            writer.set(service, user, kept)
            restored.append((service, user))
        writer.delete(previous_service(service), user)
        dropped += completed
    removed: list[Entry] = []
    for service, user in mine.created:
        if writer.get(service, user) is not None:
            writer.delete(service, user)
            removed.append((service, user))
    Journal(path).clear()
    return Recovery(
        completed, tuple(removed), tuple(restored), dropped, foreign.created + foreign.replaced
    )


def _completed(commit: str | None, inventory_path: Path) -> bool:
    """Whether the run had made its writes final: it saves no inventory and every write was
    done, or the inventory on disk is the one it was saving."""
    if commit is None or commit == KEYRING_ONLY:
        return commit == KEYRING_ONLY
    try:
        text = read_regular(inventory_path, MAX_FILE_BYTES)
    except OSError:
        return False
    return inventory_digest(text) == commit
