"""Everyday changes to the accounts, without a text editor: list, remove, rename.

(`set ID login=...` lives with `set` in fields.py.) Each writing command holds the inventory's
write lock and moves or deletes the keyring entries with the inventory, all or nothing
(`intake.relocate`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from auditor.cli.common import (
    INVENTORY_OPTION,
    describe_relocated,
    note,
    reported,
    warn_about_inventory,
)
from auditor.errors import UsageError
from auditor.i18n import _, pgettext


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
        rows = list_accounts(loaded, KeyringStore())
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
    from auditor.intake.relocate import remove_entries, stored_entries
    from auditor.intake.session import writing
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.inventory.editing import InventoryDocument
    from auditor.secrets import KeyringStore
    from auditor.secrets.lookup import find_account

    with reported():
        path = locate_inventory(inventory)
        account = find_account(load_inventory(path), account_id)
        stored = stored_entries(account, KeyringStore().get)
        if not yes and not _confirmed(account_id, account.platform_name, account.login, stored):
            click.echo(
                _("nothing was removed: {account} stays in {path}").format(
                    account=account_id, path=path
                )
            )
            return
        with writing(path, note) as session:
            document = InventoryDocument.open(session.path)
            warn_about_inventory(document.path)
            account = find_account(document.render()[1], account_id)
            document.remove_account(account_id)
            text, remaining = document.render()
            done = remove_entries(session, account, remaining, lambda: document.save(text))
    click.echo(_("removed {account} from {path}").format(account=account_id, path=document.path))
    describe_relocated(account_id, done)


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
    entries = pgettext("between the items of a list", ", ").join(_(what) for what in stored)
    try:
        return click.confirm(
            question.format(account=account_id, platform=platform, login=login, entries=entries),
            default=False,
            err=True,
        )
    except click.Abort:
        return False


@click.command()
@click.argument("account_id", metavar="ID")
@click.argument("new_id", metavar="NEW")
@INVENTORY_OPTION
def rename(account_id: str, new_id: str, inventory: Path | None) -> None:
    """Rename an account: its id in the inventory and its keyring entries, all or nothing."""
    from auditor.intake.relocate import move_entries
    from auditor.intake.session import writing
    from auditor.inventory import locate_inventory
    from auditor.inventory.editing import InventoryDocument
    from auditor.secrets.lookup import find_account

    with reported():
        path = locate_inventory(inventory)
        with writing(path, note) as session:
            document = InventoryDocument.open(session.path)
            warn_about_inventory(document.path)
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
    renamed_line = _("renamed {account} to {new} in {path}")
    click.echo(renamed_line.format(account=account_id, new=new_id, path=document.path))
    describe_relocated(new_id, done)
    if before.keyring_service:
        stay = _("{account}: its keyring entries stay under {service!r}")
        click.echo(stay.format(account=new_id, service=before.keyring_service))
