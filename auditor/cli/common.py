"""What the command modules share: the one way a StoreAuditError ends a command, path options,
and reading a secret from a hidden prompt or stdin."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from auditor.errors import StoreAuditError

if TYPE_CHECKING:
    from auditor.secrets import Secret

FILE = click.Path(dir_okay=False, path_type=Path)
"""A file path option or argument."""

INVENTORY_OPTION = click.option(
    "--inventory", type=FILE, help="Inventory file [default: as for audit]."
)


def fail(error: StoreAuditError) -> NoReturn:
    """One line (and a hint) on stderr, then the error's exit code; never a traceback."""
    click.echo(f"store-audit: error: {error.message}", err=True)
    if error.hint:
        click.echo(f"hint: {error.hint}", err=True)
    sys.exit(error.exit_code)


def read_secret(prompt: str, stdin: bool, confirm: bool = True) -> Secret:
    """A secret from stdin's first line, or typed at a hidden (and confirmed) prompt."""
    from auditor.secrets import Secret

    if stdin:
        value = sys.stdin.readline().rstrip("\r\n")
    else:
        value = click.prompt(
            prompt, hide_input=True, confirmation_prompt=confirm, default="", show_default=False
        )
    return Secret(value)


def read_secret_lines(prompt: str, stdin: bool) -> list[Secret]:
    """Several secrets, one a line: every line of stdin, or hidden prompts until an empty one."""
    from auditor.secrets import Secret

    if stdin:
        return [Secret(line) for line in sys.stdin.read().splitlines()]
    lines: list[Secret] = []
    while True:
        value = click.prompt(
            f"{prompt} {len(lines) + 1} (Enter when done)",
            hide_input=True,
            default="",
            show_default=False,
        )
        if not value.strip():
            return lines
        lines.append(Secret(value))


def warn_if_others_can_write(path: Path) -> None:
    """Say so on stderr when others may change the inventory that decides where secrets go."""
    from auditor.inventory import permission_warning

    warning = permission_warning(path)
    if warning:
        click.echo(f"store-audit: warning: {warning}", err=True)
