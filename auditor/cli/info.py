"""The commands that inform: `checks` (the catalog) and `doctor` (the keyring and the inventory)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.cli.common import FILE, fail
from auditor.errors import ExitCode, StoreAuditError


@click.command()
def checks() -> None:
    """List the check catalog: ids, default severities, when each fires."""
    from tabulate import tabulate

    from auditor.checks import CHECKS

    rows = []
    for entry in CHECKS.values():
        when = entry.fires_when + (f"; {entry.severity_note}" if entry.severity_note else "")
        if entry.needs:
            when += f" (runs with {entry.needs})"
        rows.append([entry.id, entry.severity.label, when])
    click.echo(
        tabulate(rows, headers=["Check", "Default", "Fires when"], maxcolwidths=[None, None, 40])
    )


@click.command()
@click.option("--inventory", type=FILE, help="Inventory file to check [default: as for audit].")
def doctor(inventory: Path | None) -> None:
    """Show which keyring backend is used, whether it answers, and which inventory is found."""
    from auditor.secrets.doctor import diagnose

    code = ExitCode.OK
    try:
        for line, problem in diagnose(inventory):
            click.echo(line)
            if problem is not None:
                code = max(code, problem)
                if problem == ExitCode.KEYRING:
                    break
    except StoreAuditError as error:
        fail(error)
    sys.exit(code)
