"""Putting an account's one-time backup codes in the keyring, and crossing one off after use.

`set-secret ID --backup-codes` stores the list the platform printed (one code a line, validated,
never replacing a stored list without --force); `use-backup-code ID` removes the code the seller
just used, so the count the audit reports stays true. Codes are compared in constant time and
never appear in a message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import UsageError
from auditor.i18n import _
from auditor.intake.session import writing_after, writing_to_account
from auditor.inventory import Account, Inventory, load_inventory, locate_inventory, platforms
from auditor.secrets import Secret
from auditor.secrets.backup import BackupCodesError, check_codes, remove_code, split_codes
from auditor.secrets.journal import Journal
from auditor.secrets.lookup import find_account
from auditor.secrets.writes import KeyringWriter, secret_transaction


def store_backup_codes(
    inventory: Inventory,
    account_id: str,
    pasted: list[Secret],
    writer: KeyringWriter,
    *,
    force: bool,
    journal: Journal | None = None,
) -> tuple[int, int]:
    """Store the codes (one a line) as the account's backup codes; how many were stored, and
    how many were dropped as repeats of another (spaces, dashes and case aside)."""
    account = find_account(inventory, account_id)
    try:
        codes = check_codes([line.reveal() for line in pasted])
    except BackupCodesError as error:
        raise UsageError(
            _("{account}: the backup codes were not stored: {error}").format(
                account=account_id, error=error
            )
        ) from None
    if not force and writer.get(account.backup_service, account.login):
        raise UsageError(
            _(
                "the keyring already holds backup codes for {account} (service {service!r}, "
                "user {login!r}); nothing was written"
            ).format(account=account_id, service=account.backup_service, login=account.login),
            hint=_("rerun with --force to replace them with the new set"),
        )
    with secret_transaction(writer, journal) as transaction:
        label = _("{account} backup codes").format(account=account_id)
        transaction.set(account.backup_service, account.login, "\n".join(codes), label)
    given = sum(1 for line in pasted if line.reveal().strip())
    return len(codes), given - len(codes)


@dataclass(frozen=True)
class UsedCode:
    """What `use-backup-code` did."""

    account: Account
    """The account whose code was typed."""
    removed: bool
    """Whether the code was among the stored ones (and is now removed)."""
    left: int
    """How many codes are stored now."""

    @property
    def renewable(self) -> bool:
        """Whether a new set can be had from the platform: not where its catalog entry says it
        issues no backup codes (Seller Central), so no advice sends the seller looking for one."""
        return platforms.offers(self.account.platform, platforms.BACKUP_CODES) is not False


def stored_codes(inventory: Inventory, account_id: str, writer: KeyringWriter) -> StoredCodes:
    """The account and its stored codes; a UsageError saying how to store some when there are
    none (asked before the seller types anything)."""
    account = find_account(inventory, account_id)
    codes = split_codes(writer.get(account.backup_service, account.login) or "")
    if not codes:
        raise UsageError(
            _("no backup codes stored for {account}").format(account=account_id),
            hint=_("store them with `store-audit set-secret {account} --backup-codes`").format(
                account=account_id
            ),
        )
    return StoredCodes(account, codes)


@dataclass(frozen=True)
class StoredCodes:
    """One account's backup codes, as read for `use-backup-code`."""

    account: Account
    """The account."""
    codes: list[str]
    """The codes, one a line as stored (never printed)."""

    def __repr__(self) -> str:
        return f"StoredCodes({self.account.id}, <{len(self.codes)} codes>)"


def use_backup_code(
    stored: StoredCodes, typed: Secret, writer: KeyringWriter, journal: Journal | None = None
) -> UsedCode:
    """Remove the typed code from the account's stored backup codes, when it is one of them."""
    account = stored.account
    remaining = remove_code(stored.codes, typed.reveal())
    if remaining is None:
        return UsedCode(account, removed=False, left=len(stored.codes))
    with secret_transaction(writer, journal) as transaction:
        # the last code gone leaves an empty entry, which every reader counts as none
        transaction.set(
            account.backup_service,
            account.login,
            "\n".join(remaining),
            _("{account} backup codes").format(account=account.id),
        )
    return UsedCode(account, removed=True, left=len(remaining))


def store_typed_codes(
    inventory: Path | None,
    account_id: str,
    ask: Callable[[], list[Secret]],
    say: Callable[[str], None],
    opened: Callable[[Path], None],
    *,
    force: bool,
) -> tuple[int, int]:
    """`set-secret --backup-codes`: the codes `ask` returns, stored in the account's frame
    (`writing_to_account`); how many were stored and how many dropped as repeats. Refused before
    anything is asked on a platform whose catalog entry says it issues no codes: what was typed
    cannot be its codes (the audit would call it a wrong record)."""
    with writing_to_account(inventory, account_id, ask, say, opened, _issues_codes) as (
        session,
        document,
        lines,
    ):
        return store_backup_codes(
            load_inventory(document.path),
            account_id,
            lines,
            session.writer,
            force=force,
            journal=session.journal,
        )


def _issues_codes(account: Account, _store: object) -> None:
    known = platforms.lookup(account.platform)
    if known is None or known.offers(platforms.BACKUP_CODES) is not False:
        return
    raise UsageError(
        _(
            "{platform} issues no backup codes ({source}): codes stored for {id} could never "
            "be its own; nothing was written"
        ).format(platform=known.name, source=known.twofa.methods_complete, id=account.id),
        hint=_("codes from another account's settings belong under that account's id"),
    )


def cross_off(
    inventory: Path | None,
    account_id: str,
    ask: Callable[[], Secret],
    say: Callable[[str], None],
    opened: Callable[[Path], None],
) -> UsedCode:
    """`use-backup-code`: refused before `ask` (the code typed) when the account has no stored
    codes; then read, crossed off and written back as one writer, under the lock."""
    path = locate_inventory(inventory)
    stored_codes(load_inventory(path), account_id, KeyringWriter())
    with writing_after(path, ask, say, opened) as (session, document, typed):
        stored = stored_codes(load_inventory(document.path), account_id, session.writer)
        return use_backup_code(stored, typed, session.writer, session.journal)
