"""The commands for the day a seller cannot get in: verify-totp, verify-password, use-backup-code,
why, map.

Like the others they parse, call the module that does the work, print, and exit. Nothing typed
here is ever printed or kept.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor.cli.common import (
    FILE,
    INVENTORY_OPTION,
    ask,
    note,
    read_secret,
    refuse_overwriting,
    reported,
    suffix,
    warn_about_inventory,
    warn_about_keyring,
)
from auditor.errors import ExitCode, UsageError
from auditor.i18n import _, ngettext
from auditor.lockout import MAP_FORMATS

if TYPE_CHECKING:
    from auditor.lockout.opening import Opened
    from auditor.secrets import Secret


@click.command("use-backup-code")
@click.argument("account_id", metavar="ID")
@INVENTORY_OPTION
def use_backup_code(account_id: str, inventory: Path | None) -> None:
    """Cross off a backup code you have just used (typed hidden), so the count stays true."""
    from auditor.intake.backup_codes import cross_off

    def ask() -> Secret:
        return _typed(_("Backup code you used for {account}").format(account=account_id), "code")

    with reported():
        used = cross_off(inventory, account_id, ask, note, warn_about_inventory)
    if not used.removed:
        wrong = _("that code is not one of the {n} stored for {account}; nothing was changed")
        click.echo(wrong.format(n=used.left, account=account_id))
        sys.exit(ExitCode.MISMATCH)
    crossed = ngettext(
        "crossed the code off the backup codes of {account}: {n} backup code left",
        "crossed the code off the backup codes of {account}: {n} backup codes left",
        used.left,
    )
    click.echo(crossed.format(account=account_id, n=used.left))
    if used.left < 3 and used.renewable:
        # with none left the entry is empty, and storing a new set replaces nothing
        force = " --force" if used.left else ""
        new_set = _(
            "generate a new set in {platform}'s security settings and store it with "
            "`store-audit set-secret {account} --backup-codes{force}`"
        )
        click.echo(
            new_set.format(platform=used.account.platform_name, account=account_id, force=force)
        )


@click.command("verify-password")
@click.argument("account_id", metavar="ID")
@INVENTORY_OPTION
def verify_password(account_id: str, inventory: Path | None) -> None:
    """Check a password you are trying (typed hidden) against the stored one, and the others."""
    from auditor.lockout.typed import describe_owners, password_owners

    with reported():
        context = _opened(inventory, account_id).context
        if context.secrets.password(account_id) is None:
            raise UsageError(
                _("no password stored for {account}").format(account=account_id),
                hint=_("store one with `store-audit set-secret {account}`").format(
                    account=account_id
                ),
            )
        question = _("Password you are trying for {account}").format(account=account_id)
        typed = _typed(question, "password")
        owners = password_owners(typed, context.accounts, context.secrets)
    line, ok = describe_owners(account_id, owners)
    click.echo(line)
    sys.exit(ExitCode.OK if ok else ExitCode.MISMATCH)


def _opened(inventory: Path | None, account_id: str | None = None) -> Opened:
    """The inventory, the account asked about and the keyring, as every lock-out command opens
    them (with the warnings any command gives about the inventory)."""
    from auditor.lockout.opening import open_for_lockout
    from auditor.secrets import KeyringStore

    def warned(path: Path) -> None:
        warn_about_inventory(path)
        warn_about_keyring(KeyringStore())

    return open_for_lockout(inventory, account_id, warned)


def _typed(prompt: str, what: str) -> Secret:
    """A secret typed at a hidden prompt; a UsageError when none is given (Enter, or stdin
    closed), so nothing is compared or changed."""
    none = (
        _("no code given; nothing was checked or changed")
        if what == "code"
        else _("no password given; nothing was checked or changed")
    )
    try:
        typed = read_secret(prompt, stdin=False, confirm=False)
    except click.Abort:
        raise UsageError(none) from None
    value = typed.reveal()
    if not (value.strip() if what == "code" else value):  # a password may be all spaces
        raise UsageError(none)
    return typed


@click.command()
@click.argument("account_id", metavar="ID")
@click.option("--no-prompt", is_flag=True, help="Ask nothing: say what the files and keyring know.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@INVENTORY_OPTION
def why(account_id: str, no_prompt: bool, fmt: str, inventory: Path | None) -> None:
    """I can't log in to ID: walk through the likely causes (read-only; Enter skips a question)."""
    import time

    from auditor.lockout.why import conclusion, diagnose, why_json
    from auditor.visible import visible

    asking = not no_prompt and fmt == "text"
    steps = []
    with reported():
        opened = _opened(inventory, account_id)
        ask = _ask if asking else _skip
        for step in diagnose(opened.context, opened.asked, ask, time.time()):
            steps.append(step)
            if fmt == "text":
                click.echo(f"{step.number}. {step.title}")
                for line in step.lines:
                    click.echo(f"   {visible(line)}")
    closing = conclusion(steps)
    click.echo(why_json(account_id, steps, closing) if fmt == "json" else visible(closing))


def _ask(question: str) -> str:
    """A hidden answer; "" when skipped or when there is no one to answer (stdin closed)."""
    return ask(question) or ""


def _skip(question: str) -> str:
    return ""


@click.command("map")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(MAP_FORMATS)),
    default="table",
    show_default=True,
)
@click.option("--output", type=FILE, help="Write the map to this file (mode 0600) instead.")
@INVENTORY_OPTION
def map_(fmt: str, output: Path | None, inventory: Path | None) -> None:
    """Who signs in where: mailboxes, phones, and each account's door, login and codes."""
    from auditor.files import write_private
    from auditor.report.signin_map import build_map
    from auditor.visible import visible

    with reported():
        opened = _opened(inventory)
        refuse_overwriting(opened.context.inventory.path, output, "--output")
        text = visible(MAP_FORMATS[fmt](build_map(opened.context)))
        if output is not None:
            write_private(output, text if text.endswith("\n") else text + "\n")
    if output is None:
        click.echo(text)
    else:
        click.echo(_("store-audit: wrote the map to {path}").format(path=output), err=True)


@click.command("verify-totp")
@click.argument("account_id", metavar="ID")
@INVENTORY_OPTION
def verify_totp(account_id: str, inventory: Path | None) -> None:
    """Check a code from your authenticator app against the stored seed (and the clock)."""
    import time

    from auditor.lockout.typed import judge_code, seed_problem

    with reported():
        opened = _opened(inventory, account_id)
        context = opened.context
        problem = seed_problem(opened.asked, context.secrets)
        if problem is not None:
            raise problem
        question = _("Code your authenticator shows for {account}").format(account=account_id)
        code = (
            click.prompt(question, prompt_suffix=suffix())
            if sys.stdin.isatty()
            else ask(question, hidden=False) or ""
        )
        verdict = judge_code(opened.asked, context.accounts, context.secrets, code, time.time())
        # on a terminal a mistyped code is asked for again; from a pipe it ends the run (exit 2)
        for _attempt in range(2 if sys.stdin.isatty() else 0):
            if not verdict.mistyped:
                break
            click.echo(verdict.line, err=True)
            code = click.prompt(
                _("Type the code again, as the app shows it now"), prompt_suffix=suffix()
            )
            verdict = judge_code(opened.asked, context.accounts, context.secrets, code, time.time())
        if verdict.mistyped:
            raise UsageError(
                _("{verdict}; nothing was compared").format(verdict=verdict.line),
                hint=_(
                    "run `store-audit verify-totp {account}` again with the code the app shows"
                ).format(account=account_id),
            )
    click.echo(verdict.line)
    sys.exit(ExitCode.OK if verdict.ok else ExitCode.FINDINGS)
