"""Putting one account's secrets in: `add` (a new account, its password and optional seed) and
`set-secret` (replace one secret). Both validate everything before the first write, never replace
a keyring entry without --force, and leave keyring and inventory as they were when they fail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import UsageError
from auditor.i18n import _
from auditor.intake.fields import MFA_A_SEED_REPLACES, FieldChange, check_platform, set_fields
from auditor.intake.session import writing_after, writing_to_account
from auditor.inventory import Account, inventory_path_for_writing
from auditor.inventory.editing import InventoryDocument
from auditor.secrets import KeyringStore, Secret, SecretStore
from auditor.secrets.journal import Journal
from auditor.secrets.totp import TotpError, TotpSeed, parse_totp
from auditor.secrets.writes import KeyringWriter, secret_transaction
from auditor.suggest import no_account


def check_seed(seed: Secret, account_id: str) -> TotpSeed:
    """The parsed seed, or a one-line UsageError saying why it cannot generate codes."""
    try:
        return parse_totp(seed)
    except TotpError as error:
        raise UsageError(
            _("{account}: the TOTP seed was not stored: {error}").format(
                account=account_id, error=error
            )
        ) from None


def _refuse_overwrite(store: SecretStore, service: str, login: str, what: str, force: bool) -> None:
    if not force and store.get(service, login) is not None:
        raise UsageError(
            _(
                "the keyring already holds {what} (service {service!r}, user {login!r}); "
                "nothing was written"
            ).format(what=what, service=service, login=login),
            hint=_("rerun with --force to replace it"),
        )


@dataclass(frozen=True)
class Added:
    """What `add` did."""

    account: Account
    """The account as the inventory now loads it."""
    created_inventory: bool
    """Whether the inventory file was created."""
    seed: TotpSeed | None
    """The stored seed's properties, when one was given."""
    path: Path
    """The inventory it was added to."""


def check_new_account(
    document: InventoryDocument, fields: dict[str, Any], store: SecretStore, *, force: bool
) -> Account:
    """Everything `add` can check before it asks for a secret: the id is new, the fields load,
    and (without --force) the keyring holds no password for the account yet."""
    account_id = str(fields["id"])
    _text, before = document.render() if document.existed else ("", None)
    if before is not None and before.account(account_id) is not None:
        raise UsageError(
            _("{path}: account {account!r} is already in the inventory").format(
                path=document.path, account=account_id
            ),
            hint=_(
                "`store-audit set-secret {account}` changes its secrets, `set {account} "
                "login=...` its login, `rename {account} NEW` its id, `remove {account}` "
                "takes it out"
            ).format(account=account_id),
        )
    document.add_account(fields)
    _text, inventory = document.render()  # the standard one-line errors: a bad id, mfa, date...
    account = inventory.account(account_id)
    if account is None:  # render() loaded what add_account wrote; this cannot happen
        raise UsageError(
            _("{path}: account {account!r} was not added").format(
                path=document.path, account=account_id
            )
        )
    if not force and store.get(account.service, account.login) is not None:
        raise UsageError(
            _(
                "the keyring already holds a password under service {service!r} for {login!r}, "
                "and no account of {path} names it: another inventory on this keyring, or one "
                "left behind; nothing was written"
            ).format(service=account.service, login=account.login, path=document.path),
            hint=_(
                "choose another id (or a keyring_service); if it is a leftover of yours, "
                "--force replaces it (`store-audit doctor` lists entries no account uses)"
            ),
        )
    if isinstance(store, KeyringStore):
        store.refuse_unencrypted()
    return account


def enrol(
    inventory: Path | None,
    fields: dict[str, Any],
    ask: Callable[[], tuple[Secret, Secret | None]],
    say: Callable[[str], None],
    opened: Callable[[Path], None],
    *,
    force: bool,
    platform_unknown: bool,
) -> Added:
    """`add`: everything that can be checked is checked before `ask` (the password and the
    optional seed) is called; then the account and its secrets are written under the lock."""
    path = inventory_path_for_writing(inventory)
    check_platform(fields["platform"], platform_unknown)
    check_new_account(InventoryDocument.open(path), fields, KeyringStore(), force=force)
    with writing_after(path, ask, say, opened) as (session, document, (password, seed)):
        return add_account(
            document, fields, password, seed, session.writer, force=force, journal=session.journal
        )


def add_account(
    document: InventoryDocument,
    fields: dict[str, Any],
    password: Secret,
    seed: Secret | None,
    writer: KeyringWriter,
    *,
    force: bool,
    journal: Journal | None = None,
) -> Added:
    """Add the account to the inventory and its secrets to the keyring, or nothing."""
    account_id = str(fields["id"])
    parsed_seed = check_seed(seed, account_id) if seed is not None else None
    if seed is not None and fields.get("mfa") != "totp":
        raise UsageError(
            _("{account}: a TOTP seed was given but --mfa is {mfa!r}; use --mfa totp").format(
                account=account_id, mfa=fields.get("mfa")
            )
        )
    account = check_new_account(document, fields, writer, force=force)
    text, _inventory = document.render()
    if seed is not None:
        what = _("a TOTP seed for {account}").format(account=account_id)
        _refuse_overwrite(writer, account.totp_service, account.login, what, force)
    with secret_transaction(writer, journal) as transaction:
        label = _("{account} password").format(account=account_id)
        transaction.set(account.service, account.login, password.reveal(), label)
        if seed is not None:
            label = _("{account} TOTP seed").format(account=account_id)
            transaction.set(account.totp_service, account.login, seed.reveal(), label)
        transaction.commit(text, document.save)
    return Added(account, not document.existed, parsed_seed, document.path)


def _what(account_id: str, totp: bool) -> str:
    return (_("a TOTP seed for {account}") if totp else _("a password for {account}")).format(
        account=account_id
    )


@dataclass(frozen=True)
class SecretSet:
    """What `set-secret` did besides the keyring write."""

    account: Account
    """The account as the inventory now loads it."""
    changes: tuple[FieldChange, ...]
    """Inventory fields it changed: password_changed for a password, mfa for a seed."""
    path: Path
    """The inventory."""


def set_secret(
    document: InventoryDocument,
    account_id: str,
    value: Secret,
    writer: KeyringWriter,
    *,
    totp: bool,
    force: bool,
    today: dt.date,
    journal: Journal | None = None,
) -> SecretSet:
    """Replace (or first store) one account's password or TOTP seed, and record it in the
    inventory: a password stamps password_changed; a seed makes an unknown/none/sms mfa totp."""
    _text, inventory = document.render()
    account = inventory.account(account_id)
    if account is None:
        raise no_account(inventory.path, account_id, (a.id for a in inventory.accounts))
    if totp:
        check_seed(value, account_id)
    service = account.totp_service if totp else account.service
    _refuse_overwrite(writer, service, account.login, _what(account_id, totp), force)
    fields: dict[str, object]
    if totp:
        fields = {"mfa": "totp"} if account.mfa in MFA_A_SEED_REPLACES else {}
    else:
        fields = {"password_changed": today}
    text, after, changes = set_fields(document, account_id, fields) if fields else ("", account, [])
    with secret_transaction(writer, journal) as transaction:
        transaction.set(
            service,
            account.login,
            value.reveal(),
            (_("{account} TOTP seed") if totp else _("{account} password")).format(
                account=account_id
            ),
        )
        if fields:
            transaction.commit(text, document.save)
    return SecretSet(after, tuple(changes), document.path)


def replace_secret(
    inventory: Path | None,
    account_id: str,
    ask: Callable[[], Secret],
    say: Callable[[str], None],
    opened: Callable[[Path], None],
    *,
    totp: bool,
    force: bool,
    today: dt.date,
) -> SecretSet:
    """`set-secret` (password or --totp): the value `ask` returns, stored in the account's frame
    (`writing_to_account`)."""

    def refuse(account: Account, store: KeyringStore) -> None:
        # before the seller types the new value twice; set_secret checks again under the lock
        service = account.totp_service if totp else account.service
        _refuse_overwrite(store, service, account.login, _what(account_id, totp), force)

    with writing_to_account(inventory, account_id, ask, say, opened, refuse) as (
        session,
        document,
        value,
    ):
        return set_secret(
            document,
            account_id,
            value,
            session.writer,
            totp=totp,
            force=force,
            today=today,
            journal=session.journal,
        )
