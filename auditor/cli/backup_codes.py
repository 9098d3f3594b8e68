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
    from auditor.intake.backup_codes import store_typed_codes

    def ask() -> list[Secret]:
        return read_secret_lines(f"Backup code for {account_id}", stdin=from_stdin)

    with reported():
        stored, repeats = store_typed_codes(
            inventory, account_id, ask, note, warn_about_inventory, force=force
        )
    dropped = f" ({repeats} repeated code{'' if repeats == 1 else 's'} dropped)" if repeats else ""
    click.echo(
        f"stored {stored} backup code{'' if stored == 1 else 's'} of {account_id} in the "
        f"keyring{dropped}"
    )
    click.echo(f"after using one, run `store-audit use-backup-code {account_id}` to cross it off")
