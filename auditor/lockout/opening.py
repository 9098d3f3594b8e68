"""What every lock-out command (`why`, `map`, `verify-password`, `verify-totp`) opens first: the
inventory, the account asked about, every stored secret (read once, as the audit reads them) and
the facts the checks derive from them. Read-only: nothing here writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from auditor.checks import AuditContext
from auditor.errors import UsageError
from auditor.i18n import _
from auditor.inventory import Account, Inventory, load_inventory, locate_inventory
from auditor.secrets import KeyringStore, read_secrets
from auditor.secrets.lookup import find_account


@dataclass(frozen=True)
class Opened:
    """The inventory and keyring as a lock-out command reads them."""

    context: AuditContext
    """The inventory, the secrets and the facts derived from them."""
    account: Account | None
    """The account asked about, when the command names one."""

    @property
    def inventory(self) -> Inventory:
        """The inventory read."""
        return self.context.inventory

    @property
    def asked(self) -> Account:
        """The account asked about (a command that names one)."""
        if self.account is None:
            raise UsageError(_("name the account: ID"))
        return self.account


def open_for_lockout(
    inventory: Path | None, account_id: str | None, loaded: Callable[[Path], None]
) -> Opened:
    """Find and load the inventory (`loaded` hears its path, for warnings about it), find the
    account asked about (a UsageError naming the file when there is none), then read the
    keyring: an unknown id is refused before any secret is read."""
    found = load_inventory(locate_inventory(inventory))
    loaded(found.path)
    account = find_account(found, account_id) if account_id is not None else None
    secrets = read_secrets(found.accounts, KeyringStore())
    return Opened(AuditContext(found, secrets, dt.date.today()), account)
