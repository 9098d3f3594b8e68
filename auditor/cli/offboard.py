"""`store-audit offboard PERSON`: the checklist for the day someone leaves (read-only)."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.cli.common import INVENTORY_OPTION, reported, warn_about_inventory
from auditor.lockout import OFFBOARD_FORMATS


@click.command("offboard")
@click.argument("person_id", metavar="PERSON")
@click.option(
    "--format", "fmt", type=click.Choice(list(OFFBOARD_FORMATS)), default="text", show_default=True
)
@INVENTORY_OPTION
def offboard(person_id: str, fmt: str, inventory: Path | None) -> None:
    """Someone leaves: every account they can get into, mailboxes and payout accounts first,
    what to change on each and the commands that record it (read-only)."""
    import datetime as dt

    from auditor.inventory import load_inventory, locate_inventory
    from auditor.lockout.offboard import build_offboarding
    from auditor.visible import visible

    with reported():
        loaded = load_inventory(locate_inventory(inventory))
        warn_about_inventory(loaded.path)
        plan = build_offboarding(loaded, person_id, dt.date.today())
    click.echo(visible(OFFBOARD_FORMATS[fmt](plan)), nl=False)
