"""`store-audit set-secret ID --security-answers`: the answers typed at hidden prompts (or every
line of stdin), stored in the keyring; the inventory then says the account has questions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor.cli.common import note, read_secret_lines, reported, warn_about_inventory
from auditor.i18n import _, ngettext

if TYPE_CHECKING:
    from auditor.secrets import Secret


def set_security_answers(
    account_id: str, from_stdin: bool, force: bool, inventory: Path | None
) -> None:
    """Store one account's security-question answers, one a line."""
    from auditor.intake.security_answers import store_typed_answers

    def ask() -> list[Secret]:
        question = _("Security answer for {account}").format(account=account_id)
        return read_secret_lines(question, stdin=from_stdin)

    with reported():
        stored = store_typed_answers(
            inventory, account_id, ask, note, warn_about_inventory, force=force
        )
    done = ngettext(
        "stored {n} security answer of {account} in the keyring",
        "stored {n} security answers of {account} in the keyring",
        stored.count,
    )
    click.echo(done.format(n=stored.count, account=account_id))
    for change in stored.changes:
        recorded = _("{account}: {change} in {path}")
        click.echo(recorded.format(account=account_id, change=change.describe(), path=stored.path))
