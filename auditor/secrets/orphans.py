"""Keyring entries that no account uses: left by a command that was killed mid-write, by an
account removed from the inventory by hand, or by another inventory sharing the keyring.

Only the Secret Service can list its entries; other backends (Keychain, Credential Locker,
files) can only be asked for an entry by name, so there the journal (`journal`) is all there is.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import closing
from typing import Any

from auditor.errors import OWN_STOPS, SecretStoreError
from auditor.i18n import _
from auditor.inventory import Inventory
from auditor.secrets.journal import Entry
from auditor.secrets.keyring_store import keyring_hint
from auditor.secrets.secret_service import chain_members, is_secret_service
from auditor.secrets.writes import KeyringWriter

PREFIX = "store-audit/"
"""Where default service names live (SPEC §2)."""


def named_entries(inventory: Inventory) -> set[Entry]:
    """Every entry an account of the inventory may use."""
    return {entry for account in inventory.accounts for entry in account.keyring_entries}


def _belongs(service: str, roots: Iterable[str]) -> bool:
    return any(service == root or service.startswith(root + "/") for root in roots)


def unused_entries(inventory: Inventory, writer: KeyringWriter) -> list[Entry] | None:
    """Entries under store-audit/ (or an account's own keyring_service) that no account of this
    inventory uses, sorted; None when the backend cannot list its entries."""
    members = chain_members(writer.backend) or []  # keyring's chain asks the Secret Service too
    backend: Any = next((m for m in members if is_secret_service(m)), None)
    if backend is None:
        return None
    roots = {a.service for a in inventory.accounts if a.keyring_service}
    try:
        collection = backend.get_preferred_collection()
        with closing(collection.connection):
            found = set()
            for item in collection.get_all_items():
                attributes = item.get_attributes()
                service, user = attributes.get("service", ""), attributes.get("username", "")
                if service.startswith(PREFIX) or _belongs(service, roots):
                    found.add((service, user))
    except OWN_STOPS:
        raise
    except BaseException as error:  # the keyring boundary; never the backend's message
        raise SecretStoreError(
            _("keyring backend {backend} failed to list its entries: {error}").format(
                backend=writer.describe(), error=type(error).__name__
            ),
            hint=keyring_hint(),
        ) from None
    return sorted(found - named_entries(inventory))
