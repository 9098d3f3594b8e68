"""What every writing command (`add`, `set`, `set-secret`, `import`, `remove`, `rename`,
`use-backup-code`) does around its work; each command's whole write is one function of intake/
that runs inside these frames, so the CLI only parses, calls it and prints.

It creates the config directory the default inventory lives in (0700), takes the inventory's
write lock (`inventory.locking`), finishes the writes of a command that died mid-write (the
journal, `secrets.recovery`), naming every entry that touches, and turns SIGTERM and SIGHUP
into the same interrupt as Ctrl-C, so `timeout`, systemd and CI cancellation roll back like a
keyboard interrupt does.

`looking` is what a command that may end up writing nothing (`import --dry-run`, an import with
nothing to do) reads through first: the same checks and keyring, but no lock file, no config
directory and no journal, so a look leaves the disk as it found it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from auditor.errors import InventoryError
from auditor.i18n import _, ngettext
from auditor.interrupts import interrupting
from auditor.inventory import Account, config_inventory_path, load_inventory, locate_inventory
from auditor.inventory.editing import InventoryDocument
from auditor.inventory.locking import inventory_lock
from auditor.secrets.journal import Journal, journal_path
from auditor.secrets.keyring_store import KeyringStore
from auditor.secrets.lookup import find_account
from auditor.secrets.recovery import Recovery, finish_interrupted
from auditor.secrets.writes import KeyringWriter
from auditor.visible import visible_line

T = TypeVar("T")


@dataclass(frozen=True)
class WriteSession:
    """What a writing command writes through while it holds the lock."""

    path: Path
    """The inventory."""
    writer: KeyringWriter
    """The keyring, for reads and writes."""
    journal: Journal
    """Where new keyring entries are recorded before they are written."""


@dataclass(frozen=True)
class Look:
    """What a command reads through before it knows whether it will write."""

    path: Path
    """The inventory (it may not exist yet)."""
    store: KeyringStore
    """The keyring, read-only."""
    unfinished_write: bool
    """Whether a command died mid-write here: the next writing command undoes that first, so
    its plan can differ from this look's."""


def looking(path: Path) -> Look:
    """The inventory and keyring a writing command would use, refused where it would be (a
    missing folder, no keyring backend), without creating or locking anything."""
    _check_folder(path)
    store = KeyringStore()
    store.refuse_unencrypted()
    return Look(path, store, journal_path(path).exists())


def _check_folder(path: Path) -> None:
    """InventoryError when the inventory's folder is missing (the config dir is made instead)."""
    if path != config_inventory_path() and not path.parent.is_dir():
        raise InventoryError(
            _("{path}: the folder {folder} does not exist").format(path=path, folder=path.parent)
        )


@contextmanager
def writing(path: Path, say: Callable[[str], None]) -> Iterator[WriteSession]:
    """Hold everything a writing command needs; `say` hears one-line notes for stderr."""
    _check_folder(path)
    if path == config_inventory_path():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    journal = Journal(journal_path(path))
    with inventory_lock(path, on_wait=say), interrupting(lambda: journal.done):
        writer = KeyringWriter()
        recovery = finish_interrupted(path, writer)
        if recovery is not None:
            for line in recovery_lines(path, recovery):
                say(line)
        yield WriteSession(path, writer, journal)


def recovery_lines(path: Path, recovery: Recovery) -> list[str]:
    """What finishing an interrupted write did, naming every entry it touched or left alone."""
    if recovery.completed:
        head = _(
            "finished an interrupted write to {path}: it had completed; dropped the {n} "
            "previous value(s) it had kept aside"
        ).format(path=path, n=recovery.dropped)
    else:
        removed, restored = len(recovery.removed), len(recovery.restored)
        head = ngettext(
            "finished undoing an interrupted write to {path}: removed {n} keyring entry no "
            "account uses",
            "finished undoing an interrupted write to {path}: removed {n} keyring entries no "
            "account uses",
            removed,
        ).format(path=path, n=removed)
        if restored:
            head += ngettext(
                ", put back the previous value of {n} keyring entry",
                ", put back the previous value of {n} keyring entries",
                restored,
            ).format(n=restored)
    lines = [head]
    lines += [_("  removed {entry}").format(entry=_entry(e)) for e in recovery.removed]
    lines += [
        _("  put back the previous value of {entry}").format(entry=_entry(e))
        for e in recovery.restored
    ]
    if recovery.left_alone:
        alone = len(recovery.left_alone)
        lines.append(
            ngettext(
                "left alone {n} keyring entry the journal named that no account of this "
                "inventory could own:",
                "left alone {n} keyring entries the journal named that no account of this "
                "inventory could own:",
                alone,
            ).format(n=alone)
        )
        lines += [f"  {_entry(e)}" for e in recovery.left_alone]
    return lines


def _entry(entry: tuple[str, str]) -> str:
    return _("{service} (user {user})").format(
        service=visible_line(entry[0], 200), user=visible_line(entry[1], 200)
    )


@contextmanager
def writing_after(
    path: Path,
    ask: Callable[[], T],
    say: Callable[[str], None],
    opened: Callable[[Path], None],
) -> Iterator[tuple[WriteSession, InventoryDocument, T]]:
    """The frame of a command that asks before it writes: the answers (`ask`) are typed
    outside the lock, so a writer never waits for someone's typing; then the lock is taken and
    the inventory read again under it (`opened` hears its path), since another writer may have
    changed it. What can be checked before the questions is checked by the caller first."""
    answer = ask()
    with writing(path, say) as session:
        document = InventoryDocument.open(session.path)
        opened(document.path)
        yield session, document, answer


@contextmanager
def writing_to_account(
    inventory: Path | None,
    account_id: str,
    ask: Callable[[], T],
    say: Callable[[str], None],
    opened: Callable[[Path], None],
    refuse: Callable[[Account, KeyringStore], None] | None = None,
) -> Iterator[tuple[WriteSession, InventoryDocument, T]]:
    """`writing_after` for a command that writes one account's secrets (`set-secret` and its
    --totp, --backup-codes and --security-answers): the account is looked up, a plaintext
    keyring refused, and `refuse` asked (an entry that may not be replaced, codes the platform
    never issues), before anyone is asked anything. `inventory` is the --inventory option
    (None: found as every command finds it)."""
    path = locate_inventory(inventory)
    account = find_account(load_inventory(path), account_id)
    store = KeyringStore()
    store.refuse_unencrypted()
    if refuse is not None:
        refuse(account, store)
    with writing_after(path, ask, say, opened) as written:
        yield written
