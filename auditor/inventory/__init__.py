"""The seller's account inventory: a TOML file that holds no secrets (SPEC §1).

`load_inventory` reads and validates it into frozen records (`model`); every problem raises an
`InventoryError` whose one line names the file, the account and the key. `locate_inventory`
finds the file the way every command does; `editing` changes it in place. `emails`,
`platforms` and `spelling` say what the addresses and platforms in it mean.
"""

from __future__ import annotations

from auditor.inventory.loading import load_inventory, parse_inventory
from auditor.inventory.locating import (
    ENV_VARIABLE,
    config_inventory_path,
    inventory_path_for_writing,
    locate_inventory,
    permission_warning,
)
from auditor.inventory.model import (
    ACCOUNT_ID,
    INVENTORY_VERSION,
    Account,
    Ignore,
    Inventory,
    Policy,
    Seller,
)

__all__ = [
    "ACCOUNT_ID",
    "ENV_VARIABLE",
    "INVENTORY_VERSION",
    "Account",
    "Ignore",
    "Inventory",
    "Policy",
    "Seller",
    "config_inventory_path",
    "inventory_path_for_writing",
    "load_inventory",
    "locate_inventory",
    "parse_inventory",
    "permission_warning",
]
