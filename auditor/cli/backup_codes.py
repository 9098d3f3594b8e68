"""`store-audit set-secret ID --backup-codes`: the one-time codes typed at hidden prompts (or
every line of stdin), stored in the keyring; repeats are dropped and counted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor.cli.common import note, read_secret_lines, reported, warn_about_inventory

if TYPE_CHECKING:
    from auditor.secrets import Secret


def set_backup_codes(
    account_id: str, from_stdin: bool, force: bool, inventory: Path | None
) -> None:
    """Store the account's backup codes, pasted at hidden prompts or read from stdin."""
    from auditor.intake.backup_codes import store_backup_codes
    from auditor.intake.session import writing_to_account
    from auditor.inventory import load_inventory

    def ask() -> list[Secret]:
        return read_secret_lines(f"Backup code for {account_id}", stdin=from_stdin)

    with reported():
        frame = writing_to_account(inventory, account_id, ask, note, warn_about_inventory)
        with frame as (session, document, lines):
            stored, repeats = store_backup_codes(
                load_inventory(document.path),
                account_id,
                lines,
                session.writer,
                force=force,
                journal=session.journal,
            )
    dropped = f" ({repeats} repeated code{'' if repeats == 1 else 's'} dropped)" if repeats else ""
    click.echo(
        f"stored {stored} backup code{'' if stored == 1 else 's'} of {account_id} in the "
        f"keyring{dropped}"
    )
    click.echo(f"after using one, run `store-audit use-backup-code {account_id}` to cross it off")
