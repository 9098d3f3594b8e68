"""The everyday changes to accounts, each one whole write under the inventory's lock: `set`
(fields, and a login's keyring entries moved with it), the 2FA answers after an import,
`remove` and `rename`.

Each function is the whole of its command between parsing and printing: it finds the
inventory, checks what can be checked before the lock, writes (`session.writing`) and returns
what it did for the CLI to print. `say` hears one-line notes for stderr (a lock being waited
for, an interrupted write finished); `opened` hears the inventory's path once it is read under
the lock (the CLI warns about its permissions there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import UsageError
from auditor.i18n import _
from auditor.intake.fields import (
    FieldChange,
    check_platform,
    parse_assignments,
    record_fields,
    set_fields,
)
from auditor.intake.relocate import Relocated, move_entries, remove_entries, stored_entries
from auditor.intake.session import writing
from auditor.inventory import Account, load_inventory, locate_inventory
from auditor.inventory.editing import InventoryDocument
from auditor.secrets import KeyringStore
from auditor.secrets.lookup import find_account


@dataclass(frozen=True)
class Changed:
    """What `set`, `remove` or `rename` did."""

    path: Path
    """The inventory."""
    relocated: Relocated = Relocated()
    """What happened to the account's keyring entries."""
    fields: tuple[FieldChange, ...] = ()
    """`set`: each field's change (before and after), changed or not."""
    own_service: str | None = None
    """The `keyring_service` of the seller's own choosing the entries stay under (`rename`)."""
    done: bool = True
    """False when `remove` was not confirmed: nothing was changed."""


def set_account(
    inventory: Path | None,
    account_id: str,
    assignments: tuple[str, ...],
    say: Callable[[str], None],
    opened: Callable[[Path], None],
    *,
    platform_unknown: bool,
    today: dt.date,
) -> Changed:
    """`set ID KEY=VALUE...`: the fields changed and saved (when any differs) in one validated
    edit; a new login moves the account's keyring entries with it, all or nothing."""
    path = locate_inventory(inventory)
    try:
        changes = parse_assignments(assignments, today)
    except UsageError as error:  # the one line names the file and account, as every other
        raise UsageError(
            _("{path}: account {account!r}: {problem}").format(
                path=path, account=account_id, problem=error.message
            ),
            hint=error.hint,
        ) from None
    check_platform(changes.get("platform"), platform_unknown)
    moved = Relocated()
    with writing(path, say) as session:
        document = InventoryDocument.open(session.path)
        opened(document.path)
        before = document.render()[1].account(account_id)
        text, after, described = set_fields(document, account_id, changes)
        if before is not None and before.login != after.login:
            moved = move_entries(session, before, after, text, document.save)
        elif any(change.before != change.after for change in described):
            document.save(text)
    return Changed(document.path, moved, tuple(described))


def record_answers(
    path: Path, answers: dict[str, dict[str, Any]], say: Callable[[str], None]
) -> list[tuple[str, FieldChange]]:
    """Several accounts' fields (the 2FA each import question was answered with) saved in one
    edit under the lock; each account's field changes."""
    with writing(path, say) as session:
        document = InventoryDocument.open(session.path)
        text, described = record_fields(document, answers)
        document.save(text)
    return described


def remove_account(
    inventory: Path | None,
    account_id: str,
    confirm: Callable[[Account, list[str]], bool],
    say: Callable[[str], None],
    opened: Callable[[Path], None],
) -> Changed:
    """`remove ID`: asks `confirm` (the account, what the keyring holds for it) outside the
    lock, then takes the account out of the inventory and deletes its keyring entries."""
    path = locate_inventory(inventory)
    account = find_account(load_inventory(path), account_id)
    if not confirm(account, stored_entries(account, KeyringStore().get)):
        return Changed(path, done=False)
    with writing(path, say) as session:
        document = InventoryDocument.open(session.path)
        opened(document.path)
        account = find_account(document.render()[1], account_id)
        document.remove_account(account_id)
        text, remaining = document.render()
        done = remove_entries(session, account, remaining, lambda: document.save(text))
    return Changed(document.path, done)


def rename_account(
    inventory: Path | None,
    account_id: str,
    new_id: str,
    say: Callable[[str], None],
    opened: Callable[[Path], None],
) -> Changed:
    """`rename ID NEW`: the id in the inventory and the keyring entries filed under it,
    moved together or not at all."""
    path = locate_inventory(inventory)
    with writing(path, say) as session:
        document = InventoryDocument.open(session.path)
        opened(document.path)
        current = document.render()[1]
        before = find_account(current, account_id)
        if current.account(new_id) is not None:
            raise UsageError(
                _("{path}: an account with id {account!r} is already there").format(
                    path=path, account=new_id
                )
            )
        document.set_field(account_id, "id", new_id)
        text, renamed = document.render()
        after = find_account(renamed, new_id)
        done = move_entries(session, before, after, text, document.save)
    return Changed(document.path, done, own_service=before.keyring_service)
