"""`store-audit doctor --prune`: remove the keyring entries under store-audit/ that no account
of the inventory uses, after the seller has seen the list and said yes. It is a writing command
like `add`: it holds the inventory's write lock, so it never races an import that is creating
entries the inventory does not name yet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from auditor.errors import UsageError
from auditor.i18n import _
from auditor.intake.session import writing
from auditor.inventory import load_inventory
from auditor.secrets.journal import Entry
from auditor.secrets.orphans import unused_entries


def prune_unused(
    path: Path, confirm: Callable[[list[Entry]], bool], say: Callable[[str], None]
) -> int:
    """Remove the unused entries the seller confirms; how many were removed."""
    with writing(path, say) as session:
        inventory = load_inventory(session.path)
        unused = unused_entries(inventory, session.writer)
        if unused is None:
            raise UsageError(
                _("keyring backend {backend} cannot list its entries; nothing was removed").format(
                    backend=session.writer.describe()
                )
            )
        if not unused or not confirm(unused):
            return 0
        for service, user in unused:
            session.writer.delete(service, user)
        return len(unused)
