"""`store-audit set ID KEY=VALUE...`: record what the seller knows about an account (its 2FA
method, store name, region, recovery mailbox, when the password changed) without an editor."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from auditor.cli.common import (
    INVENTORY_OPTION,
    PLATFORM_UNKNOWN_OPTION,
    describe_relocated,
    note,
    reported,
    suffix,
    warn_about_inventory,
)
from auditor.i18n import _, listed


@click.command("set")
@click.argument("account_id", metavar="ID")
@click.argument("assignments", nargs=-1, metavar="KEY=VALUE...")
@PLATFORM_UNKNOWN_OPTION
@INVENTORY_OPTION
def set_(
    account_id: str, assignments: tuple[str, ...], platform_unknown: bool, inventory: Path | None
) -> None:
    """Set fields of an account: login, mfa, mfa_phone, store, region, recovery_email, kind,
    platform, password_changed (a date or `today`). An empty value (region=) removes an optional
    field. A new login moves the account's keyring entries to it.

    \b
    store-audit set amazon-us mfa=totp store="Acme Home US"
    store-audit set ebay mfa=sms mfa_phone="+1 555 010 0000" password_changed=today
    store-audit set ebay-uk login=uk@acmehome.com
    """
    from auditor.intake.accounts import set_account

    with reported():
        done = set_account(
            inventory,
            account_id,
            assignments,
            note,
            warn_about_inventory,
            platform_unknown=platform_unknown,
            today=dt.date.today(),
        )
    for change in done.fields:
        click.echo(_("{account}: {change}").format(account=account_id, change=change.describe()))
    describe_relocated(account_id, done.relocated)
    if all(change.before == change.after for change in done.fields):
        click.echo(_("nothing changed in {path}").format(path=done.path))
    else:
        click.echo(_("saved {path}").format(path=done.path))


MFA_ANSWERS = ("none", "sms", "voice", "email", "totp", "push", "security-key", "passkey")


def ask_unknown_mfa(path: Path, account_ids: list[str]) -> None:
    """After an import: one question per account left with mfa = "unknown" on a terminal (Enter
    skips), each answer saved as it is given (a Ctrl-C at the tenth question keeps the nine
    before it); off a terminal, the exact `store-audit set` commands."""
    from auditor.intake.accounts import record_answers

    if not account_ids:
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        unknown = _(
            '{n} account(s) have mfa = "unknown": record each one\'s 2FA with '
            "`store-audit set ID mfa=METHOD` ({methods}):"
        )
        click.echo(
            unknown.format(
                n=len(account_ids),
                methods=listed(MFA_ANSWERS),
            )
        )
        for account_id in account_ids:
            click.echo(f"  store-audit set {account_id} mfa=METHOD")
        return
    click.echo(_("Which 2FA does each account use? (Enter skips)"))
    for account_id in account_ids:
        answer = _ask(f"  {account_id} [{'/'.join(MFA_ANSWERS)}]")
        if not answer:
            continue
        with reported():
            described = record_answers(path, {account_id: {"mfa": answer}}, note)
        for changed, change in described:
            click.echo(_("{account}: {change}").format(account=changed, change=change.describe()))


def _ask(question: str) -> str:
    """One of MFA_ANSWERS, or "" for Enter (and for a closed terminal)."""
    while True:
        try:
            answer = (
                click.prompt(question, default="", show_default=False, prompt_suffix=suffix())
                .strip()
                .lower()
            )
        except click.Abort:
            return ""
        if answer in ("", *MFA_ANSWERS):
            return answer
        from auditor.intake.fields import method_named

        named = method_named(answer)
        if named:
            return named
        click.echo(_("    one of {methods}, or Enter to skip").format(methods=listed(MFA_ANSWERS)))
