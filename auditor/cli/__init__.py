"""The `store-audit` command line: parse options, call the engine, render, exit (SPEC §5).

Thin on purpose; every decision lives in the module named for it. `StoreAuditError`s become one
line on stderr and their exit code; nothing here catches anything broader.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from auditor import __version__
from auditor.cli.accounts import add, import_, set_secret, verify_totp
from auditor.cli.common import FILE, fail, warn_if_others_can_write
from auditor.errors import ExitCode, StoreAuditError, UsageError
from auditor.vocabulary import FAIL_ON_NAMES

if TYPE_CHECKING:
    from auditor.report.results import Report

F = TypeVar("F", bound=Callable[..., Any])
FORMAT_NAMES = ("table", "json", "markdown", "csv", "html", "sarif", "junit")
"""The keys of auditor.report.FORMATS, listed here so `--help` need not import the engine."""


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
        type=click.Choice(FORMAT_NAMES),
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="store-audit")
def cli() -> None:
    """Audit the logins of your online stores, mailboxes and payment accounts.

    Reads an inventory of accounts (no secrets) and the passwords and 2FA seeds in your OS
    keyring, and prints a prioritized hardening checklist. Secrets are never shown.
    """


def _audit(
    options: AuditOptions, scope: tuple[str, ...] = (), gate_account: str | None = None
) -> NoReturn:
    from auditor.breach import breach_lookup
    from auditor.engine import run_audit
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.progress import TerminalProgress
    from auditor.report.baseline import apply_baseline, load_baseline, write_baseline
    from auditor.secrets import KeyringStore

    try:
        if options.baseline and options.write_baseline:
            raise UsageError("--baseline and --write-baseline cannot be used together")
        path = locate_inventory(options.inventory)
        inventory = load_inventory(path)
        warn_if_others_can_write(path)
        baseline = load_baseline(options.baseline) if options.baseline else None
        breaches = breach_lookup(options.hibp_file, options.hibp_online, options.hibp_url)
        progress = TerminalProgress()
        try:
            report = run_audit(
                inventory,
                KeyringStore(),
                display_path=str(path),
                use_ignores=not options.no_ignores,
                scope=scope,
                fail_on=options.fail_on,
                gate_account=gate_account,
                progress=progress,
                breaches=breaches,
            )
        finally:
            progress.close()
        if options.write_baseline:
            baseline = write_baseline(options.write_baseline, report)
            click.echo(
                f"store-audit: wrote {len(baseline)} finding keys to {options.write_baseline}",
                err=True,
            )
        if baseline is not None:
            report = apply_baseline(report, baseline)
        _emit(report, options.format_name, options.output)
    except StoreAuditError as error:
        fail(error)
    verdict = report.gate_verdict()
    if verdict:
        click.echo(verdict, err=True)
    sys.exit(report.exit_code())


def _emit(
    report: Report, format_name: str | None, output: Path | None, default: str | None = None
) -> None:
    from auditor.files import write_private
    from auditor.report import FORMATS

    if format_name is None:
        terminal = output is None and sys.stdout.isatty()
        format_name = default or ("table" if terminal else "json")
    text = FORMATS[format_name](report)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_private(output, text)
        click.echo(f"store-audit: wrote {format_name} report to {output}", err=True)


@cli.command()
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


@cli.command()
@click.argument("account_id", metavar="ID")
@audit_options
@report_options
def onboard(account_id: str, **options: Any) -> None:
    """Gate one new account: fail on its findings and on findings that involve it."""
    _audit(AuditOptions(**options), gate_account=account_id)


@cli.command()
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


@cli.command()
@report_options
def demo(format_name: str | None, output: Path | None, fail_on: str | None) -> None:
    """Audit the bundled example inventory on a built-in demo keyring: no setup needed.

    Prints the table unless --format says otherwise, and exits 0 unless --fail-on is given,
    since the demo is meant to show findings.
    """
    from auditor.demo import DemoBreaches, demo_inventory_path, demo_store
    from auditor.engine import run_audit
    from auditor.inventory import load_inventory

    try:
        inventory = load_inventory(demo_inventory_path())
        report = run_audit(
            inventory,
            demo_store(inventory),
            display_path="examples/store-audit.toml",
            fail_on=fail_on or "never",
            breaches=DemoBreaches(),
        )
        _emit(report, format_name, output, default="table")
    except StoreAuditError as error:
        fail(error)
    sys.exit(report.exit_code())


@cli.command()
@click.option("--inventory", type=FILE, help="Inventory file to check [default: as for audit].")
def doctor(inventory: Path | None) -> None:
    """Show which keyring backend is used, whether it answers, and which inventory is found."""
    from auditor.secrets.doctor import diagnose

    code = ExitCode.OK
    for line, problem in diagnose(inventory):
        click.echo(line)
        if problem is not None:
            code = max(code, problem)
            if problem == ExitCode.KEYRING:
                break
    sys.exit(code)


for command in (add, set_secret, import_, verify_totp):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    # One command, then the process exits: the cyclic garbage collector would only walk the
    # inventory's objects again and again (a quarter of a 10,000-account audit's own time).
    # Reference counting still frees everything the audit lets go of.
    gc.disable()
    cli(prog_name="store-audit")
