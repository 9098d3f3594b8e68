"""The commands that audit: `audit`, `onboard` and `demo`. They parse options into an
`AuditRequest`, run the engine, render the report in the format asked for, and exit with the
report's code (SPEC §5)."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from auditor.cli.common import (
    FILE,
    note,
    refuse_overwriting,
    reported,
    warn_about_inventory,
    warn_about_keyring,
)
from auditor.errors import UsageError
from auditor.i18n import _, ngettext
from auditor.report import FORMATS
from auditor.vocabulary import FAIL_ON_NAMES

if TYPE_CHECKING:
    from auditor.report.results import Report

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class AuditOptions:
    """The options `audit` and `onboard` share."""

    inventory: Path | None
    format_name: str | None
    output: Path | None
    fail_on: str | None
    no_ignores: bool
    baseline: Path | None
    write_baseline: Path | None
    hibp_file: Path | None
    hibp_online: bool
    hibp_url: str | None
    sarif_root: Path | None


def _options(*options: Callable[[F], F]) -> Callable[[F], F]:
    def apply(function: F) -> F:
        for option in reversed(options):
            function = option(function)
        return function

    return apply


report_options = _options(
    click.option(
        "--format",
        "format_name",
        type=click.Choice(list(FORMATS)),
        help="Report format [default: table on a terminal, else json].",
    ),
    click.option(
        "--output", type=FILE, help="Write the report to this file (mode 0600) instead of stdout."
    ),
    click.option(
        "--fail-on",
        type=click.Choice(FAIL_ON_NAMES, case_sensitive=False),
        help="Exit 1 when a finding is at or above this severity "
        "[default: the inventory's policy.fail_on, high].",
    ),
    click.option(
        "--sarif-root",
        type=click.Path(path_type=Path, file_okay=False),
        help="Directory SARIF file URIs are relative to, such as the repository root "
        "[default: the current directory; an inventory outside it is named relative to its "
        "own directory].",
    ),
)

audit_options = _options(
    click.option(
        "--inventory",
        type=FILE,
        help="Inventory file [default: $STORE_AUDIT_INVENTORY, ./store-audit.toml, "
        "then the config dir].",
    ),
    click.option(
        "--no-ignores",
        is_flag=True,
        help="Report every finding, ignoring the inventory's ignore entries.",
    ),
    click.option(
        "--baseline",
        type=FILE,
        help="Fail only on findings whose keys are not in this baseline file.",
    ),
    click.option(
        "--write-baseline",
        type=FILE,
        help="Record the current finding keys in this file (and pass the gate).",
    ),
    click.option(
        "--hibp-file",
        type=click.Path(path_type=Path),
        help="Look passwords up in a Pwned Passwords SHA-1 corpus: the downloader's file or "
        "its per-prefix directory. Nothing leaves the machine.",
    ),
    click.option(
        "--hibp-online",
        is_flag=True,
        help="Look passwords up in the Pwned Passwords range API: only the first 5 hex digits "
        "of each SHA-1 are sent.",
    ),
    click.option("--hibp-url", help="Range API to use with --hibp-online (ends in /range/)."),
)


def _audit(
    options: AuditOptions, scope: tuple[str, ...] = (), gate_account: str | None = None
) -> NoReturn:
    from auditor.breach import breach_lookup
    from auditor.engine import AuditRequest, run_audit
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.progress import TerminalProgress
    from auditor.report.baseline import load_baseline, write_baseline
    from auditor.secrets import KeyringStore

    with reported():
        if options.baseline and options.write_baseline:
            raise UsageError(_("--baseline and --write-baseline cannot be used together"))
        path = locate_inventory(options.inventory)
        refuse_overwriting(path, options.output, "--output")
        refuse_overwriting(path, options.write_baseline, "--write-baseline")
        inventory = load_inventory(path)
        warn_about_inventory(path)
        store = KeyringStore()
        warn_about_keyring(store)
        progress = TerminalProgress()
        request = AuditRequest(
            inventory,
            store,
            display_path=str(path),
            scope=scope,
            gate_account=gate_account,
            fail_on=options.fail_on,
            use_ignores=not options.no_ignores,
            baseline=load_baseline(options.baseline) if options.baseline else None,
            new_baseline=options.write_baseline is not None,
            breaches=breach_lookup(options.hibp_file, options.hibp_online, options.hibp_url),
            progress=progress,
        )
        try:
            report = run_audit(request)
        finally:
            progress.close()
        if options.write_baseline:
            keys = write_baseline(options.write_baseline, report)
            wrote = ngettext(
                "store-audit: wrote {count} finding key to {path}",
                "store-audit: wrote {count} finding keys to {path}",
                len(keys),
            )
            click.echo(wrote.format(count=len(keys), path=options.write_baseline), err=True)
        emit(report, options.format_name, options.output, sarif_root=options.sarif_root)
    verdict = report.gate_verdict()
    if verdict:
        click.echo(verdict, err=True)
    sys.exit(report.exit_code())


def emit(
    report: Report,
    format_name: str | None,
    output: Path | None,
    default: str | None = None,
    sarif_root: Path | None = None,
) -> None:
    from auditor.files import write_private

    if format_name is None:
        terminal = output is None and sys.stdout.isatty()
        format_name = default or ("table" if terminal else "json")
    root = str(sarif_root) if sarif_root is not None else None
    chosen = FORMATS[format_name]
    chunks = chosen.pieces(report, sarif_root=root)
    if output is None:
        for batch in _batched(chunks):
            click.echo(batch, nl=False)
    else:
        write_private(output, itertools.chain((chosen.file_start,), chunks))
        wrote = _("store-audit: wrote {format} report to {path}")
        click.echo(wrote.format(format=format_name, path=output), err=True)


def _batched(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """The pieces joined into texts of about `size` characters: click.echo costs more per
    call (finding the stream, asking whether it is a terminal) than per character, and a
    10,000-account report comes in ~50,000 pieces."""
    batch: list[str] = []
    held = 0
    for chunk in chunks:
        batch.append(chunk)
        held += len(chunk)
        if held >= size:
            yield "".join(batch)
            batch, held = [], 0
    if batch:
        yield "".join(batch)


@click.command()
@audit_options
@report_options
@click.option(
    "--account",
    "accounts",
    multiple=True,
    metavar="ID",
    help="Only report findings that involve this account (repeatable).",
)
def audit(accounts: tuple[str, ...], **options: Any) -> None:
    """Audit every account in the inventory against the keyring."""
    _audit(AuditOptions(**options), scope=accounts)


@click.command()
@click.argument("account_id", metavar="ID")
@audit_options
@report_options
def onboard(account_id: str, **options: Any) -> None:
    """Gate one new account: fail on its findings and on findings that involve it."""
    _audit(AuditOptions(**options), gate_account=account_id)


@click.command()
@report_options
def demo(
    format_name: str | None, output: Path | None, fail_on: str | None, sarif_root: Path | None
) -> None:
    """Audit the bundled example inventory on a built-in demo keyring: no setup needed.

    Prints the table unless --format says otherwise, and exits 0 unless --fail-on is given,
    since the demo is meant to show findings.
    """
    from auditor.demo import DEMO_NOW, DemoBreaches, demo_inventory_path, demo_store
    from auditor.engine import AuditRequest, run_audit
    from auditor.inventory import load_inventory

    with reported():
        inventory = load_inventory(demo_inventory_path())
        report = run_audit(
            AuditRequest(
                inventory,
                demo_store(inventory),
                display_path="examples/store-audit.toml",
                fail_on=fail_on or "never",
                breaches=DemoBreaches(),
                now=DEMO_NOW,
                today=DEMO_NOW.date(),
            )
        )
        as_of = _("demo: the example is audited as of {day}, the day its dates are for")
        note(as_of.format(day=DEMO_NOW.date()))
        emit(report, format_name, output, default="table", sarif_root=sarif_root)
    sys.exit(report.exit_code())
