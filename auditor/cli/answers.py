"""`store-audit set-secret ID --security-answers`: the answers typed at hidden prompts (or every
line of stdin), stored in the keyring; the inventory then says the account has questions."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.cli.common import note, read_secret_lines, reported, warn_about_inventory


def set_security_answers(
    account_id: str, from_stdin: bool, force: bool, inventory: Path | None
) -> None:
    """Store one account's security-question answers, one a line."""
    from auditor.intake.security_answers import store_answers
    from auditor.intake.session import writing
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.inventory.editing import InventoryDocument
    from auditor.secrets import KeyringStore
    from auditor.secrets.lookup import find_account

    with reported():
        path = locate_inventory(inventory)
        find_account(load_inventory(path), account_id)  # before the prompts
        KeyringStore().refuse_unencrypted()
        lines = read_secret_lines(f"Security answer for {account_id}", stdin=from_stdin)
        with writing(path, note) as session:
            document = InventoryDocument.open(session.path)
            warn_about_inventory(document.path)
            stored = store_answers(
                document, account_id, lines, session.writer, force=force, journal=session.journal
            )
    plural = "" if stored.count == 1 else "s"
    click.echo(f"stored {stored.count} security answer{plural} of {account_id} in the keyring")
    for change in stored.changes:
        click.echo(f"{account_id}: {change.describe()} in {document.path}")
