"""The commands for the day a seller cannot get in: use-backup-code and verify-password.

Like the others they parse, call the module that does the work, print, and exit. Nothing typed
here is ever printed or kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.cli.common import INVENTORY_OPTION, fail, read_secret, warn_if_others_can_write
from auditor.errors import ExitCode, StoreAuditError, UsageError


@click.command("use-backup-code")
@click.argument("account_id", metavar="ID")
@INVENTORY_OPTION
def use_backup_code(account_id: str, inventory: Path | None) -> None:
    """Cross off a backup code you have just used (typed hidden), so the count stays true."""
    from auditor.intake.backup_codes import use_backup_code as cross_off
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.secrets.writes import KeyringWriter

    try:
        loaded = load_inventory(locate_inventory(inventory))
        warn_if_others_can_write(loaded.path)
        writer = KeyringWriter()
        typed = read_secret(f"Backup code you used for {account_id}", stdin=False, confirm=False)
        if not typed.reveal().strip():
            raise UsageError("no code given; nothing was changed")
        used = cross_off(loaded, account_id, typed, writer)
    except StoreAuditError as error:
        fail(error)
    if not used.removed:
        click.echo(
            f"that code is not one of the {used.left} stored for {account_id}; nothing was changed"
        )
        sys.exit(ExitCode.FINDINGS)
    left = f"{used.left} backup code{'' if used.left == 1 else 's'} left"
    click.echo(f"crossed the code off the backup codes of {account_id}: {left}")
    if used.left < 3:
        click.echo(
            f"generate a new set in {used.account.platform_name}'s security settings and store "
            f"it with `store-audit set-secret {account_id} --backup-codes --force`"
        )


@click.command("verify-password")
@click.argument("account_id", metavar="ID")
@INVENTORY_OPTION
def verify_password(account_id: str, inventory: Path | None) -> None:
    """Check a password you are trying (typed hidden) against the stored one, and the others."""
    from auditor.inventory import load_inventory, locate_inventory
    from auditor.secrets import KeyringStore
    from auditor.secrets.lookup import find_account
    from auditor.secrets.matching import password_owners

    try:
        loaded = load_inventory(locate_inventory(inventory))
        warn_if_others_can_write(loaded.path)
        account = find_account(loaded, account_id)
        store = KeyringStore()
        if not store.get(account.service, account.login):
            raise UsageError(
                f"no password stored for {account_id}",
                hint=f"store one with `store-audit set-secret {account_id}`",
            )
        typed = read_secret(f"Password you are trying for {account_id}", stdin=False, confirm=False)
        if not typed.reveal():
            raise UsageError("no password given")
        owners = password_owners(typed, loaded.accounts, store)
    except StoreAuditError as error:
        fail(error)
    line, ok = describe_owners(account_id, owners)
    click.echo(line)
    sys.exit(ExitCode.OK if ok else ExitCode.FINDINGS)


def describe_owners(account_id: str, owners: list[str]) -> tuple[str, bool]:
    """The verdict on a typed password, and whether it is this account's."""
    from auditor.checks import join_names

    if account_id in owners:
        return f"that is the password stored for {account_id}", True
    if owners:
        return (
            f"that is not the password stored for {account_id}: it is the password of "
            f"{join_names(owners)}: wrong store or wrong login?",
            False,
        )
    return (
        f"that is not the password stored for {account_id}, nor any other account's: check "
        'Caps Lock and the keyboard layout, or use the platform\'s "Forgot password"',
        False,
    )
