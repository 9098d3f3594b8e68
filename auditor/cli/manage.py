"""Everyday changes to the accounts, without a text editor: list, remove, rename.

(`set ID login=...` lives with `set` in fields.py.) Each writing command is one call to
`intake.accounts`, which holds the inventory's write lock and moves or deletes the keyring
entries with the inventory, all or nothing (`intake.relocate`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor.cli.common import (
    INVENTORY_OPTION,
    describe_relocated,
    note,
    reported,
    suffix,
    warn_about_inventory,
    warn_about_keyring,
)
from auditor.errors import UsageError
from auditor.i18n import _, listed

if TYPE_CHECKING:
    from auditor.inventory import Account


@click.command("list")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="How to print the list.",
)
@INVENTORY_OPTION
def list_(output_format: str, inventory: Path | None) -> None:
    """List the accounts: platform, login, 2FA and what the keyring holds (never a secret)."""
    from auditor.intake.listing import list_accounts, render_list
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.secrets import KeyringStore

    with reported():
        loaded = load_inventory(locate_inventory(inventory))
        store = KeyringStore()
        warn_about_keyring(store)
        rows = list_accounts(loaded, store)
    if output_format == "json":
        document = {"schema": "store-audit/list/1", "inventory": str(loaded.path), "accounts": rows}
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    click.echo(render_list(loaded, rows), nl=False)


@click.command()
@click.argument("account_id", metavar="ID")
@click.option("--yes", is_flag=True, help="Remove without asking (for scripts).")
@INVENTORY_OPTION
def remove(account_id: str, yes: bool, inventory: Path | None) -> None:
    """Remove an account from the inventory and delete its keyring entries (asks first)."""
    from auditor.intake.accounts import remove_account

    def confirm(account: Account, stored: list[str]) -> bool:
        return yes or _confirmed(account_id, account.platform_name, account.login, stored)

    with reported():
        removed = remove_account(inventory, account_id, confirm, note, warn_about_inventory)
    if not removed.done:
        kept = _("nothing was removed: {account} stays in {path}")
        click.echo(kept.format(account=account_id, path=removed.path))
        return
    click.echo(_("removed {account} from {path}").format(account=account_id, path=removed.path))
    describe_relocated(account_id, removed.relocated)


def _confirmed(account_id: str, platform: str, login: str, stored: list[str]) -> bool:
    """Ask on a terminal; off one, refuse (exit 2): a script says --yes."""
    if not sys.stdin.isatty():
        raise UsageError(
            _("remove {account}: asks before deleting, and there is no terminal to ask on").format(
                account=account_id
            ),
            hint=_("pass --yes to remove without asking"),
        )
    if stored:
        question = _(
            "Remove {account} ({platform}, {login}) from the inventory and delete its {entries} "
            "from the keyring? This cannot be undone"
        )
    else:
        question = _(
            "Remove {account} ({platform}, {login}) from the inventory? This cannot be undone"
        )
    entries = listed(_(what) for what in stored)
    try:
        return click.confirm(
            question.format(account=account_id, platform=platform, login=login, entries=entries),
            default=False,
            err=True,
            prompt_suffix=suffix(),
        )
    except click.Abort:
        return False


@click.command()
@click.argument("account_id", metavar="ID")
@click.argument("new_id", metavar="NEW")
@INVENTORY_OPTION
def rename(account_id: str, new_id: str, inventory: Path | None) -> None:
    """Rename an account: its id in the inventory and its keyring entries, all or nothing."""
    from auditor.intake.accounts import rename_account

    with reported():
        renamed = rename_account(inventory, account_id, new_id, note, warn_about_inventory)
    renamed_line = _("renamed {account} to {new} in {path}")
    click.echo(renamed_line.format(account=account_id, new=new_id, path=renamed.path))
    describe_relocated(new_id, renamed.relocated)
    if renamed.own_service:
        stay = _("{account}: its keyring entries stay under {service!r}")
        click.echo(stay.format(account=new_id, service=renamed.own_service))
