"""`store-audit set-secret ID --backup-codes`: the one-time codes typed at hidden prompts (or
every line of stdin), stored in the keyring; repeats are dropped and counted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor.cli.common import note, read_secret_lines, reported, warn_about_inventory
from auditor.i18n import _, ngettext

if TYPE_CHECKING:
    from auditor.secrets import Secret


def set_backup_codes(
    account_id: str, from_stdin: bool, force: bool, inventory: Path | None
) -> None:
    """Store the account's backup codes, pasted at hidden prompts or read from stdin."""
    from auditor.intake.backup_codes import store_typed_codes

    def ask() -> list[Secret]:
        question = _("Backup code for {account}").format(account=account_id)
        return read_secret_lines(question, stdin=from_stdin)

    with reported():
        stored, repeats = store_typed_codes(
            inventory, account_id, ask, note, warn_about_inventory, force=force
        )
    done = ngettext(
        "stored {n} backup code of {account} in the keyring",
        "stored {n} backup codes of {account} in the keyring",
        stored,
    ).format(n=stored, account=account_id)
    if repeats:
        dropped = ngettext(" ({n} repeated code dropped)", " ({n} repeated codes dropped)", repeats)
        done += dropped.format(n=repeats)
    click.echo(done)
    after = _("after using one, run `store-audit use-backup-code {account}` to cross it off")
    click.echo(after.format(account=account_id))
