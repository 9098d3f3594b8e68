"""email.unaudited-mailbox: a login or recovery mailbox that is not in the inventory, so nobody
knows whether its password and 2FA hold up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.inventory.emails import address_problem, canonical_mailbox
from auditor.inventory.spelling import address_lookalikes, typo_of
from auditor.vocabulary import Severity


def find_unaudited_mailboxes(context: AuditContext) -> Iterator[Finding]:
    """One finding per set of accounts, naming the outside mailboxes they rely on."""
    seller_domains = frozenset(context.inventory.seller.domains)
    users: dict[str, set[str]] = defaultdict(set)
    for account in context.accounts:
        for _, address in account.addresses:
            # A misspelt or look-alike address is not a mailbox to audit but one to correct;
            # email.invalid, email.typo-domain and email.lookalike say so.
            if not (
                address_problem(address)
                or address_lookalikes(address)
                or typo_of(address, seller_domains)
            ):
                canonical = canonical_mailbox(address).canonical
                if canonical not in context.mailbox_accounts:
                    users[canonical].add(account.id)
    by_accounts: dict[frozenset[str], list[str]] = defaultdict(list)
    for mailbox, account_ids in users.items():
        by_accounts[frozenset(account_ids)].append(mailbox)
    for users_of_mailbox, mailboxes in by_accounts.items():
        ids = sorted(users_of_mailbox)
        one = len(mailboxes) == 1
        noun, its = ("mailbox", "its") if one else ("mailboxes", "their")
        yield CHECK.finding(
            ids,
            f"{join_names(ids)} {'signs' if len(ids) == 1 else 'sign'} in or recover"
            f"{'s' if len(ids) == 1 else ''} through the {noun} {join_names(mailboxes)}, "
            f"not in the inventory, so whether a stranger could read {its} mail is unknown",
            f'Add the {noun} to the inventory (kind = "mailbox") and store '
            f"{'its password' if one else 'their passwords'}, so {its} 2FA and "
            f"{'password are' if one else 'passwords are'} audited too.",
            subject=", ".join(mailboxes),
        )


def _action(facts: ActionFacts) -> str:
    mailboxes = facts.subject.split(", ")
    its = "its" if len(mailboxes) == 1 else "their"
    return f"Add {join_names(mailboxes)} to the inventory so {its} 2FA and password are audited"


CHECK = Check(
    id="email.unaudited-mailbox",
    severity=Severity.LOW,
    fires_when="a login or recovery mailbox is not in the inventory, so its strength is unknown",
    advice=(
        'Add the mailbox to the inventory (kind = "mailbox") and store its password so its 2FA '
        "and password are audited too."
    ),
    across_accounts=True,
    run=find_unaudited_mailboxes,
    fix=Fix.OWN,
    action=_action,
)
