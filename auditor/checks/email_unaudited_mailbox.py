"""email.unaudited-mailbox: a login or recovery mailbox that is not in the inventory, so nobody
knows whether its password and 2FA hold up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, ngettext
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
        if len(ids) == 1:
            message = ngettext(
                "{accounts} signs in or recovers through the mailbox {mailboxes}, not in the "
                "inventory, so whether a stranger could read its mail is unknown",
                "{accounts} signs in or recovers through the mailboxes {mailboxes}, not in the "
                "inventory, so whether a stranger could read their mail is unknown",
                len(mailboxes),
            )
        else:
            message = ngettext(
                "{accounts} sign in or recover through the mailbox {mailboxes}, not in the "
                "inventory, so whether a stranger could read its mail is unknown",
                "{accounts} sign in or recover through the mailboxes {mailboxes}, not in the "
                "inventory, so whether a stranger could read their mail is unknown",
                len(mailboxes),
            )
        remedy = ngettext(
            'Add the mailbox to the inventory (kind = "mailbox") and store its password, so its '
            "2FA and password are audited too.",
            'Add the mailboxes to the inventory (kind = "mailbox") and store their passwords, so '
            "their 2FA and passwords are audited too.",
            len(mailboxes),
        )
        yield CHECK.finding(
            ids,
            message.format(accounts=join_names(ids), mailboxes=join_names(mailboxes)),
            remedy,
            subject=", ".join(mailboxes),
        )


def _action(facts: ActionFacts) -> str:
    mailboxes = facts.subject.split(", ")
    return ngettext(
        "Add {mailboxes} to the inventory so its 2FA and password are audited",
        "Add {mailboxes} to the inventory so their 2FA and password are audited",
        len(mailboxes),
    ).format(mailboxes=join_names(mailboxes))


CHECK = Check(
    id="email.unaudited-mailbox",
    severity=Severity.LOW,
    fires_when=N_(
        "a login or recovery mailbox is not in the inventory, so its strength is unknown"
    ),
    advice=N_(
        'Add the mailbox to the inventory (kind = "mailbox") and store its password so its 2FA '
        "and password are audited too."
    ),
    across_accounts=True,
    run=find_unaudited_mailboxes,
    fix=Fix.OWN,
    action=_action,
)
