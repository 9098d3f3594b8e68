"""Editing the inventory in place: comments, order and layout kept (tomlkit), every change
validated by the same loader the audit uses before anything is written, and the file replaced
atomically with mode 0600.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Table
from tomlkit.toml_document import TOMLDocument

from auditor.errors import InventoryError
from auditor.files import write_private
from auditor.i18n import _
from auditor.inventory import INVENTORY_VERSION, Inventory, load_inventory, parse_inventory


@dataclass
class InventoryDocument:
    """An inventory file held as a round-trip TOML document."""

    path: Path
    """Where it is read from and written to."""
    document: TOMLDocument
    """The parsed document, comments and all."""
    existed: bool
    """Whether the file was there before (False: it will be created)."""
    line_end: str = "\n"
    """The file's line ends, kept when it is written back ("\r\n": saved on Windows)."""

    @classmethod
    def open(cls, path: Path) -> InventoryDocument:
        """Read the file, or start a new inventory with `version = 1` when it does not exist."""
        if not path.exists() and not path.is_symlink():
            document = tomlkit.document()
            document.add(tomlkit.comment("store-audit inventory: accounts only, no secrets."))
            document.add("version", INVENTORY_VERSION)
            return cls(path, document, existed=False)
        load_inventory(path)  # a broken, oversized or special file is reported, not edited
        text = path.read_bytes().decode("utf-8-sig")  # load_inventory has checked it decodes
        line_end = "\r\n" if "\r\n" in text else "\n"
        return cls(path, tomlkit.parse(text.replace("\r\n", "\n")), True, line_end)

    def add_account(self, fields: dict[str, Any]) -> None:
        """Append an [[accounts]] table with these fields (None values left out)."""
        table = tomlkit.table()
        for key, value in fields.items():
            if value is not None:
                table.add(key, value)
        if "accounts" not in self.document:
            self.document.add(tomlkit.nl())
            self.document.add("accounts", tomlkit.aot())
        accounts = self.document["accounts"]
        if not isinstance(accounts, AoT):
            raise InventoryError(
                _("{path}: accounts: must be written as [[accounts]] tables").format(path=self.path)
            )
        if accounts.body and not accounts.body[-1].as_string().endswith("\n\n"):
            table.trivia.indent = "\n"  # a blank line between tables, as a person writes them
        accounts.append(table)

    def set_field(self, account_id: str, key: str, value: Any) -> None:
        """Change one field of an existing account (None removes it)."""
        table = self._account_table(account_id)
        if value is None:
            if key in table:
                del table[key]
        else:
            table[key] = value

    def remove_account(self, account_id: str) -> None:
        """Take an account's [[accounts]] table out of the document."""
        table = self._account_table(account_id)
        accounts = self.document["accounts"]
        assert isinstance(accounts, AoT)  # noqa: S101 - _account_table found the table there
        del accounts[next(i for i, t in enumerate(accounts) if t is table)]

    def field(self, account_id: str, key: str) -> Any:
        """One field of an existing account as a plain value (None: absent)."""
        value: Any = self._account_table(account_id).get(key)
        return value.unwrap() if hasattr(value, "unwrap") else value

    def _account_table(self, account_id: str) -> Table | InlineTable:
        accounts = self.document.get("accounts")
        # [[accounts]] tables, or `accounts = [ {id = "a1", ...} ]`, which the audit reads too
        for table in accounts if isinstance(accounts, AoT | Array) else []:
            if isinstance(table, Table | InlineTable) and table.get("id") == account_id:
                return table
        raise InventoryError(
            _("{path}: no account with id {account!r}").format(path=self.path, account=account_id)
        )

    def render(self) -> tuple[str, Inventory]:
        """The new file text, and the inventory it loads as (raises InventoryError if invalid)."""
        text = tomlkit.dumps(self.document)
        return text, parse_inventory(text.encode("utf-8"), self.path)

    def save(self, text: str) -> None:
        """Write the rendered text atomically with mode 0600."""
        write_private(self.path, text, line_end=self.line_end)
