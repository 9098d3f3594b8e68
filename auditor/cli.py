"""The `store-audit` command line: parse options, call the engine, render, exit (SPEC §5).

Thin on purpose; every decision lives in the module named for it. `StoreAuditError`s become one
line on stderr and their exit code; nothing here catches anything broader.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from auditor import __version__
from auditor.errors import ExitCode, StoreAuditError, UsageError
from auditor.platforms import KINDS, MFA_METHODS
from auditor.severity import FAIL_ON_NAMES

if TYPE_CHECKING:
    from auditor.results import Report
    from auditor.secrets import Secret

F = TypeVar("F", bound=Callable[..., Any])
FORMAT_NAMES = ("table", "json", "markdown", "csv", "html", "sarif", "junit")
"""The keys of auditor.report.FORMATS, listed here so `--help` need not import the engine."""
FILE = click.Path(dir_okay=False, path_type=Path)


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


def _fail(error: StoreAuditError) -> NoReturn:
    click.echo(f"store-audit: error: {error.message}", err=True)
    if error.hint:
        click.echo(f"hint: {error.hint}", err=True)
    sys.exit(error.exit_code)


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
    from auditor.baseline import apply_baseline, load_baseline, write_baseline
    from auditor.engine import run_audit
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.progress import TerminalProgress
    from auditor.secrets import KeyringStore

    try:
        if options.baseline and options.write_baseline:
            raise UsageError("--baseline and --write-baseline cannot be used together")
        path = locate_inventory(options.inventory)
        inventory = load_inventory(path)
        baseline = load_baseline(options.baseline) if options.baseline else None
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
        _fail(error)
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

    from auditor.catalog import CATALOG, NOT_YET_AVAILABLE

    rows = []
    for entry in CATALOG.values():
        when = entry.fires_when + (f"; {entry.severity_note}" if entry.severity_note else "")
        if entry.id in NOT_YET_AVAILABLE:
            when += " (not available in this version)"
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
    from auditor.demo import demo_inventory_path, demo_store
    from auditor.engine import run_audit
    from auditor.inventory import load_inventory

    try:
        inventory = load_inventory(demo_inventory_path())
        report = run_audit(
            inventory,
            demo_store(inventory),
            display_path="examples/store-audit.toml",
            fail_on=fail_on or "never",
        )
        _emit(report, format_name, output, default="table")
    except StoreAuditError as error:
        _fail(error)
    sys.exit(report.exit_code())


INVENTORY_OPTION = click.option(
    "--inventory", type=FILE, help="Inventory file [default: as for audit]."
)


def _read_secret(prompt: str, stdin: bool, confirm: bool = True) -> Secret:
    from auditor.secrets import Secret

    if stdin:
        value = click.get_text_stream("stdin").readline().rstrip("\r\n")
    else:
        value = click.prompt(
            prompt, hide_input=True, confirmation_prompt=confirm, default="", show_default=False
        )
    return Secret(value)


@cli.command()
@click.argument("account_id", metavar="ID")
@click.option("--platform", required=True, help="amazon, ebay, shopify, gmail, paypal, ...")
@click.option("--login", required=True, help="The sign-in email or user name.")
@click.option("--mfa", required=True, type=click.Choice(MFA_METHODS), help="Its second factor.")
@click.option("--kind", type=click.Choice(KINDS), help="[default: from the platform]")
@click.option("--store", help="Display name of the store.")
@click.option("--region", help="Marketplace region, such as US or DE.")
@click.option("--recovery-email", help="Where password resets go.")
@click.option("--mfa-phone", help="The phone that receives sms or voice codes.")
@click.option("--force", is_flag=True, help="Replace keyring entries that already exist.")
@INVENTORY_OPTION
def add(account_id: str, inventory: Path | None, force: bool, **fields: str | None) -> None:
    """Add an account: prompts for its password (hidden) and an optional TOTP seed."""
    from auditor.enrol import add_account
    from auditor.inventory import inventory_path_for_writing
    from auditor.inventory_edit import InventoryDocument
    from auditor.keyring_writes import KeyringWriter

    try:
        document = InventoryDocument.open(inventory_path_for_writing(inventory))
        writer = KeyringWriter()
        password = _read_secret(f"Password for {account_id}", stdin=False)
        if not password.reveal():
            raise UsageError("no password given; nothing was written")
        seed = _read_secret(
            "TOTP seed or otpauth:// URI (Enter for none)", stdin=False, confirm=False
        )
        added = add_account(
            document,
            {"id": account_id, **fields},
            password,
            seed if seed.reveal() else None,
            writer,
            force=force,
        )
    except StoreAuditError as error:
        _fail(error)
    created = " (created)" if added.created_inventory else ""
    stored = "password and TOTP seed" if added.seed else "password"
    click.echo(
        f"added {account_id} to {document.path}{created}; its {stored} are in the "
        f"keyring under {added.account.service!r}"
    )
    if added.seed and added.seed.bits < 128:
        click.echo(f"note: the seed holds {added.seed.bits} bits; the audit will call it weak")


@cli.command("set-secret")
@click.argument("account_id", metavar="ID")
@click.option("--totp", is_flag=True, help="Set the TOTP seed (base32 or otpauth:// URI).")
@click.option(
    "--stdin", "from_stdin", is_flag=True, help="Read the secret's first line from stdin."
)
@click.option("--force", is_flag=True, help="Replace an entry that already exists.")
@INVENTORY_OPTION
def set_secret(
    account_id: str, totp: bool, from_stdin: bool, force: bool, inventory: Path | None
) -> None:
    """Store or replace one account's password (or, with --totp, its TOTP seed)."""
    from auditor.enrol import set_secret as store_secret
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.keyring_writes import KeyringWriter

    what = "TOTP seed" if totp else "password"
    try:
        loaded = load_inventory(locate_inventory(inventory))
        writer = KeyringWriter()
        value = _read_secret(f"New {what} for {account_id}", stdin=from_stdin)
        if not value.reveal():
            raise UsageError(f"no {what} given; nothing was written")
        account = store_secret(loaded, account_id, value, writer, totp=totp, force=force)
    except StoreAuditError as error:
        _fail(error)
    click.echo(f"stored the {what} of {account_id} in the keyring")
    if totp and account.mfa != "totp":
        click.echo(f"note: the inventory says mfa = {account.mfa!r} for {account_id}")


@cli.command("import")
@click.argument("export_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE")
@click.option(
    "--from",
    "manager",
    required=True,
    type=click.Choice(["bitwarden", "1password", "chrome", "keepassxc", "lastpass"]),
    help="The password manager that wrote FILE.",
)
@click.option("--dry-run", is_flag=True, help="Print the plan; write nothing.")
@click.option("--force", is_flag=True, help="Replace keyring entries that already exist.")
@click.option(
    "--all", "keep_all", is_flag=True, help='Keep logins of unknown sites too, as kind = "other".'
)
@INVENTORY_OPTION
def import_(
    export_file: Path,
    manager: str,
    dry_run: bool,
    force: bool,
    keep_all: bool,
    inventory: Path | None,
) -> None:
    """Import logins from a password manager's export into the inventory and the keyring."""
    from auditor.import_plan import describe_plan, plan_import
    from auditor.importers import IMPORTERS, read_export
    from auditor.importing import apply_import
    from auditor.inventory import inventory_path_for_writing
    from auditor.inventory_edit import InventoryDocument
    from auditor.keyring_writes import KeyringWriter

    try:
        entries = IMPORTERS[manager](read_export(export_file), export_file)
        document = InventoryDocument.open(inventory_path_for_writing(inventory))
        _, current = document.render()
        writer = KeyringWriter()
        plan = plan_import(entries, current, writer, keep_unknown=keep_all)
        click.echo(describe_plan(plan), nl=False)
        if dry_run:
            click.echo("dry run: nothing was written")
            sys.exit(ExitCode.OK)
        if not plan.changes:
            click.echo(
                f"nothing to do: all {len(plan.proposals)} account(s) are already in "
                f"{document.path} and the keyring"
            )
            sys.exit(ExitCode.OK)
        result = apply_import(plan, document, writer, force=force)
    except StoreAuditError as error:
        _fail(error)
    click.echo(
        f"imported into {document.path}: {result.added} account(s) added, "
        f"{result.updated} updated, {result.secrets_written} keyring entries written"
    )
    click.echo(
        f"{export_file} holds your passwords in plain text: delete it (and empty the "
        "trash) once you have checked the import",
        err=True,
    )


@cli.command("verify-totp")
@click.argument("account_id", metavar="ID")
@INVENTORY_OPTION
def verify_totp(account_id: str, inventory: Path | None) -> None:
    """Check a code from your authenticator app against the stored seed (and the clock)."""
    import time

    from auditor.inventory import load_inventory, locate_inventory
    from auditor.secrets import KeyringStore, Secret
    from auditor.totp import TotpError, check_code, describe_check

    try:
        loaded = load_inventory(locate_inventory(inventory))
        account = loaded.account(account_id)
        if account is None:
            raise UsageError(f"{loaded.path}: no account with id {account_id!r}")
        stored = KeyringStore().get(account.totp_service, account.login)
        if not stored:
            raise UsageError(
                f"no TOTP seed stored for {account_id}",
                hint=f"store one with `store-audit set-secret {account_id} --totp`",
            )
        code = click.prompt(f"Code your authenticator shows for {account_id}")
        if not "".join(code.split()).isdigit():
            raise UsageError("a code is the 6 or 8 digits the authenticator shows")
        check = check_code(Secret(stored), code, time.time())
    except TotpError as error:
        _fail(UsageError(f"{account_id}: the stored seed cannot generate codes: {error}"))
    except StoreAuditError as error:
        _fail(error)
    line, ok = describe_check(account_id, check)
    click.echo(line)
    sys.exit(ExitCode.OK if ok else ExitCode.FINDINGS)


@cli.command()
@click.option("--inventory", type=FILE, help="Inventory file to check [default: as for audit].")
def doctor(inventory: Path | None) -> None:
    """Show which keyring backend is used, whether it answers, and which inventory is found."""
    from auditor.doctor import diagnose

    code = ExitCode.OK
    for line, problem in diagnose(inventory):
        click.echo(line)
        if problem is not None:
            code = max(code, problem)
            if problem == ExitCode.KEYRING:
                break
    sys.exit(code)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="store-audit")
