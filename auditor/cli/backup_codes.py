"""`store-audit set-secret ID --backup-codes`: the one-time codes typed at hidden prompts (or
every line of stdin), stored in the keyring; repeats are dropped and counted."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.cli.common import note, read_secret_lines, reported, warn_about_inventory


def set_backup_codes(
    account_id: str, from_stdin: bool, force: bool, inventory: Path | None
) -> None:
    """Store the account's backup codes, pasted at hidden prompts or read from stdin."""
    from auditor.intake.backup_codes import store_backup_codes
    from auditor.intake.session import writing
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.secrets.lookup import find_account

    with reported():
        path = locate_inventory(inventory)
        find_account(load_inventory(path), account_id)  # before the prompts
        lines = read_secret_lines(f"Backup code for {account_id}", stdin=from_stdin)
        with writing(path, note) as session:
            loaded = load_inventory(session.path)
            warn_about_inventory(loaded.path)
            stored, repeats = store_backup_codes(
                loaded, account_id, lines, session.writer, force=force, journal=session.journal
            )
    dropped = f" ({repeats} repeated code{'' if repeats == 1 else 's'} dropped)" if repeats else ""
    click.echo(
        f"stored {stored} backup code{'' if stored == 1 else 's'} of {account_id} in the "
        f"keyring{dropped}"
    )
    click.echo(f"after using one, run `store-audit use-backup-code {account_id}` to cross it off")
