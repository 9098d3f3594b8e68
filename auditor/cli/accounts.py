"""The commands that put accounts and secrets in: add, set-secret, import.

Like the audit commands, they parse, call the module that does the work, print, and exit.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor.cli.common import (
    ENCODING_OPTION,
    INVENTORY_OPTION,
    PLATFORM_UNKNOWN_OPTION,
    note,
    read_secret,
    read_seed,
    reported,
    warn_about_inventory,
)
from auditor.errors import ExitCode, UsageError
from auditor.i18n import _
from auditor.intake.importers import IMPORTERS
from auditor.vocabulary import KINDS, MFA_METHODS

if TYPE_CHECKING:
    from auditor.intake.plan import ImportPlan
    from auditor.inventory.editing import InventoryDocument
    from auditor.secrets import Secret


@click.command()
@click.argument("account_id", metavar="ID")
@click.option("--platform", required=True, help="amazon, ebay, shopify, gmail, paypal, ...")
@click.option("--login", required=True, help="The sign-in email or user name.")
@click.option("--mfa", required=True, type=click.Choice(MFA_METHODS), help="Its second factor.")
@click.option("--kind", type=click.Choice(KINDS), help="[default: from the platform]")
@click.option("--store", help="Display name of the store.")
@click.option("--region", help="Marketplace region, such as US or DE.")
@click.option("--recovery-email", help="Where password resets go.")
@click.option("--mfa-phone", help="The phone that receives sms or voice codes.")
@PLATFORM_UNKNOWN_OPTION
@click.option("--force", is_flag=True, help="Replace keyring entries that already exist.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from stdin's first line (and a TOTP seed from the second, if any).",
)
@INVENTORY_OPTION
def add(
    account_id: str,
    inventory: Path | None,
    force: bool,
    password_stdin: bool,
    platform_unknown: bool,
    **fields: str | None,
) -> None:
    """Add an account: prompts for its password (hidden) and an optional TOTP seed."""
    from auditor.intake.enrol import enrol

    def ask() -> tuple[Secret, Secret | None]:
        question = _("Password for {account}").format(account=account_id)
        password = read_secret(question, stdin=password_stdin)
        if not password.reveal():
            raise UsageError(_("no password given; nothing was written"))
        seed = read_seed(account_id, password_stdin)
        return password, seed if seed.reveal() else None

    with reported():
        added = enrol(
            inventory,
            {"id": account_id, **fields},
            ask,
            note,
            warn_about_inventory,
            force=force,
            platform_unknown=platform_unknown,
        )
    click.echo(
        _added(added.created_inventory, added.seed is not None).format(
            account=account_id, path=added.path, service=added.account.service
        )
    )
    if added.seed and added.seed.bits < 128:
        weak = _("note: the seed holds {bits} bits; the audit will call it weak")
        click.echo(weak.format(bits=added.seed.bits))


def _added(created: bool, seed: bool) -> str:
    """What `add` says it did: whether it created the inventory, what it stored."""
    if created and seed:
        return _(
            "added {account} to {path} (created); its password and TOTP seed are in the "
            "keyring under {service!r}"
        )
    if created:
        return _(
            "added {account} to {path} (created); its password is in the keyring under {service!r}"
        )
    if seed:
        return _(
            "added {account} to {path}; its password and TOTP seed are in the keyring under "
            "{service!r}"
        )
    return _("added {account} to {path}; its password is in the keyring under {service!r}")


@click.command("set-secret")
@click.argument("account_id", metavar="ID")
@click.option("--totp", is_flag=True, help="Set the TOTP seed (base32 or otpauth:// URI).")
@click.option("--backup-codes", is_flag=True, help="Set the one-time backup codes (one a line).")
@click.option(
    "--security-answers", is_flag=True, help="Set the security-question answers (one a line)."
)
@click.option(
    "--stdin",
    "from_stdin",
    is_flag=True,
    help="Read the secret's first line (backup codes, answers: every line) from stdin.",
)
@click.option("--force", is_flag=True, help="Replace an entry that already exists.")
@INVENTORY_OPTION
def set_secret(
    account_id: str,
    totp: bool,
    backup_codes: bool,
    security_answers: bool,
    from_stdin: bool,
    force: bool,
    inventory: Path | None,
) -> None:
    """Store or replace one account's password (or, with --totp, its TOTP seed; with
    --backup-codes, its backup codes; with --security-answers, its security answers)."""
    if totp + backup_codes + security_answers > 1:
        with reported():
            raise UsageError(
                _(
                    "--totp, --backup-codes and --security-answers set different entries: "
                    "give one of them"
                )
            )
    if security_answers:
        from auditor.cli.answers import set_security_answers

        set_security_answers(account_id, from_stdin, force, inventory)
    elif backup_codes:
        from auditor.cli.backup_codes import set_backup_codes

        set_backup_codes(account_id, from_stdin, force, inventory)
    else:
        _set_password_or_seed(account_id, totp, from_stdin, force, inventory)


def _set_password_or_seed(
    account_id: str, totp: bool, from_stdin: bool, force: bool, inventory: Path | None
) -> None:
    from datetime import date

    from auditor.intake.enrol import replace_secret

    def ask() -> Secret:
        question = _("New TOTP seed for {account}") if totp else _("New password for {account}")
        value = read_secret(question.format(account=account_id), stdin=from_stdin)
        if not value.reveal():
            raise UsageError(
                _("no TOTP seed given; nothing was written")
                if totp
                else _("no password given; nothing was written")
            )
        return value

    with reported():
        done = replace_secret(
            inventory,
            account_id,
            ask,
            note,
            warn_about_inventory,
            totp=totp,
            force=force,
            today=date.today(),
        )
    stored = (
        _("stored the TOTP seed of {account} in the keyring")
        if totp
        else _("stored the password of {account} in the keyring")
    )
    click.echo(stored.format(account=account_id))
    for change in done.changes:
        recorded = _("{account}: {change} in {path}")
        click.echo(recorded.format(account=account_id, change=change.describe(), path=done.path))
    if totp and done.account.mfa != "totp":
        says = _("note: the inventory says mfa = {mfa!r} for {account}")
        click.echo(says.format(mfa=done.account.mfa, account=account_id))


@click.command("import")
@click.argument(
    "export_file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), metavar="FILE"
)
@click.option(
    "--from",
    "manager",
    required=True,
    type=click.Choice(list(IMPORTERS)),
    # a literal, so that the catalog holds it (an f-string is never translated); a test holds it
    # to ALIASES_HELP, the aliases the importers define
    help="The password manager (or browser) that wrote FILE; edge and brave read as chrome, "
    "keepass read as keepassxc.",
)
@click.option("--dry-run", is_flag=True, help="Print the plan; write nothing.")
@click.option("--force", is_flag=True, help="Replace keyring entries that already exist.")
@click.option(
    "--all", "keep_all", is_flag=True, help='Keep logins of unknown sites too, as kind = "other".'
)
@ENCODING_OPTION
@INVENTORY_OPTION
def import_(
    export_file: Path,
    manager: str,
    dry_run: bool,
    force: bool,
    keep_all: bool,
    encoding: str | None,
    inventory: Path | None,
) -> None:
    """Import logins from a password manager's export (FILE, or - for standard input) into the
    inventory and the keyring."""
    from auditor.cli.fields import ask_unknown_mfa
    from auditor.intake.importing import ImportRequest, import_export
    from auditor.intake.plan_table import nothing_to_do
    from auditor.progress import TerminalProgress

    request = ImportRequest(
        export_file, manager, encoding, inventory, keep_all, force=force, dry_run=dry_run
    )
    with reported():
        done = import_export(request, note, _show_plan, TerminalProgress)
    plan, document, result = done.plan, done.document, done.result
    if result is None:
        click.echo(_("dry run: nothing was written") if dry_run else nothing_to_do(plan, document))
        sys.exit(ExitCode.OK)
    imported = _(
        "imported into {path}: {added} account(s) added, {updated} updated, {written} keyring "
        "entries written"
    )
    click.echo(
        imported.format(
            path=document.path,
            added=result.added,
            updated=result.updated,
            written=result.secrets_written,
        )
    )
    if str(export_file) != "-":
        plain = _(
            "{file} holds your passwords in plain text: delete it (and empty the trash) once you "
            "have checked the import"
        )
        click.echo(plain.format(file=export_file), err=True)
    unknown = [p.account_id for p in plan.changes if not p.exists and p.mfa == "unknown"]
    ask_unknown_mfa(document.path, unknown)


def _show_plan(plan: ImportPlan, document: InventoryDocument) -> None:
    """The plan, before it is carried out or refused."""
    from auditor.intake.plan_table import describe_plan

    warn_about_inventory(document.path)
    click.echo(describe_plan(plan), nl=False)
