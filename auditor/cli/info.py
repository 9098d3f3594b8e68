"""The commands that inform: `checks` (the catalog) and `doctor` (the keyring and the inventory)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.cli.common import FILE, note, reported, suffix
from auditor.errors import ExitCode


@click.command()
def checks() -> None:
    """List the check catalog: ids, default severities, when each fires."""
    from tabulate import tabulate

    from auditor.checks import CHECKS
    from auditor.i18n import ENGLISH, _, current, pgettext
    from auditor.i18n.width import wrap

    rows = []
    for entry in CHECKS.values():
        when = _(entry.fires_when)
        if entry.severity_note:
            when += pgettext("between problems", "; ") + _(entry.severity_note)
        if entry.needs:
            when = _("{when} (runs with {needs})").format(when=when, needs=_(entry.needs))
        if current() != ENGLISH:  # tabulate breaks only at spaces: Chinese is wrapped here
            when = "\n".join(wrap(when, 40))
        rows.append([entry.id, entry.severity.shown, when])
    headers = [_("Check"), _("Default"), _("Fires when")]
    click.echo(
        tabulate(rows, headers=headers, maxcolwidths=[None, None, 40], break_on_hyphens=False)
    )


@click.command()
@click.option("--inventory", type=FILE, help="Inventory file to check [default: as for audit].")
@click.option(
    "--prune",
    is_flag=True,
    help="Then remove the unused store-audit/ keyring entries it lists, after asking.",
)
def doctor(inventory: Path | None, prune: bool) -> None:
    """Show which keyring backend is used, whether it answers, and which inventory is found.

    Read-only, unless --prune is given and you confirm the entries to remove.
    """
    from auditor.secrets.doctor import diagnose

    code = ExitCode.OK
    with reported():
        for line, problem in diagnose(inventory):
            click.echo(line)
            if problem is not None:
                code = max(code, problem)
                if problem == ExitCode.KEYRING:
                    break
        if prune and code == ExitCode.OK:
            _prune(inventory)
    sys.exit(code)


def _prune(inventory: Path | None) -> None:
    from auditor.intake.prune import prune_unused
    from auditor.inventory import locate_inventory

    def confirm(entries: list[tuple[str, str]]) -> bool:
        try:
            return click.confirm(
                _question(len(entries)), default=False, err=True, prompt_suffix=suffix()
            )
        except click.Abort:
            return False

    removed = prune_unused(locate_inventory(inventory), confirm, note)
    click.echo(_removed(removed))


def _question(count: int) -> str:
    """`Remove this keyring entry? …`, `Remove these 3 keyring entries? …`."""
    from auditor.i18n import ngettext

    return ngettext(
        "Remove this keyring entry? It cannot be recovered",
        "Remove these {n} keyring entries? They cannot be recovered",
        count,
    ).format(n=count)


def _removed(count: int) -> str:
    """`removed 1 unused keyring entry`, `removed 3 unused keyring entries`."""
    from auditor.i18n import ngettext

    done = ngettext("removed {n} unused keyring entry", "removed {n} unused keyring entries", count)
    return done.format(n=count)
