"""email.unaudited-mailbox: a login or recovery mailbox that is not in the inventory, so nobody
knows whether its password and 2FA hold up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.emails import address_problem, canonical_mailbox
from auditor.findings import Finding, finding, join_names

ID = "email.unaudited-mailbox"


def find_unaudited_mailboxes(ctx: AuditContext) -> Iterator[Finding]:
    """One finding per set of accounts, naming the outside mailboxes they rely on."""
    users: dict[str, set[str]] = defaultdict(set)
    for account in ctx.accounts:
        for _, address in account.addresses:
            if not address_problem(address):
                canonical = canonical_mailbox(address).canonical
                if canonical not in ctx.mailbox_accounts:
                    users[canonical].add(account.id)
    by_accounts: dict[frozenset[str], list[str]] = defaultdict(list)
    for mailbox, account_ids in users.items():
        by_accounts[frozenset(account_ids)].append(mailbox)
    for users_of_mailbox, mailboxes in by_accounts.items():
        ids = sorted(users_of_mailbox)
        noun = "mailbox" if len(mailboxes) == 1 else "mailboxes"
        yield finding(
            ID,
            CATALOG[ID].severity,
            ids,
            f"{join_names(ids)} {'signs' if len(ids) == 1 else 'sign'} in or recover"
            f"{'s' if len(ids) == 1 else ''} through the {noun} {join_names(mailboxes)}, "
            "not in the inventory, so whether a stranger could read its mail is unknown",
            f'Add the {noun} to the inventory (kind = "mailbox") and store the password, so its '
            "2FA and password are audited too.",
            subject=", ".join(mailboxes),
        )
