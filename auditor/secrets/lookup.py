"""One account's stored secrets, for the commands that check what the seller types against them
(`verify-totp`). Like the audit, they only read the keyring."""

from __future__ import annotations

from auditor.errors import UsageError
from auditor.i18n import _
from auditor.inventory import Account, Inventory
from auditor.secrets.store import SecretStore
from auditor.secrets.value import Secret
from auditor.suggest import no_account


def find_account(inventory: Inventory, account_id: str) -> Account:
    """The account with this id; a one-line UsageError (exit 2) naming the file when none."""
    account = inventory.account(account_id)
    if account is None:
        raise no_account(inventory.path, account_id, (a.id for a in inventory.accounts))
    return account


def stored_seed(account: Account, store: SecretStore) -> Secret:
    """The account's stored TOTP seed; a UsageError with the command that stores one when none."""
    value = store.get(account.totp_service, account.login)
    if not value:
        raise UsageError(
            _("no TOTP seed stored for {account}").format(account=account.id),
            hint=_("store one with `store-audit set-secret {account} --totp`").format(
                account=account.id
            ),
        )
    return Secret(value)
