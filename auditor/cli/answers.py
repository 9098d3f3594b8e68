"""`store-audit set-secret ID --security-answers`: the answers typed at hidden prompts (or every
line of stdin), stored in the keyring; the inventory then says the account has questions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor.cli.common import note, read_secret_lines, reported, warn_about_inventory

if TYPE_CHECKING:
    from auditor.secrets import Secret


def set_security_answers(
    account_id: str, from_stdin: bool, force: bool, inventory: Path | None
) -> None:
    """Store one account's security-question answers, one a line."""
    from auditor.intake.security_answers import store_typed_answers

    def ask() -> list[Secret]:
        return read_secret_lines(f"Security answer for {account_id}", stdin=from_stdin)

    with reported():
        stored = store_typed_answers(
            inventory, account_id, ask, note, warn_about_inventory, force=force
        )
    plural = "" if stored.count == 1 else "s"
    click.echo(f"stored {stored.count} security answer{plural} of {account_id} in the keyring")
    for change in stored.changes:
        click.echo(f"{account_id}: {change.describe()} in {stored.path}")
