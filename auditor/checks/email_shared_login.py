"""email.shared-login: two accounts on one platform that sign in with the same mailbox."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.checks.findings import Finding, finding, join_names
from auditor.inventory import Account
from auditor.inventory.emails import canonical_mailbox, is_address
from auditor.vocabulary import Severity


def find_shared_logins(context: AuditContext) -> Iterator[Finding]:
    """Group accounts by platform and by the mailbox their login delivers to."""
    groups: dict[tuple[str, str], list[Account]] = defaultdict(list)
    for account in context.accounts:
        groups[account.platform, canonical_mailbox(account.login).canonical].append(account)
    for (_, canonical), accounts in groups.items():
        if len(accounts) < 2:
            continue
        ids = sorted(a.id for a in accounts)
        platform = accounts[0].platform_name
        what = "mailbox" if is_address(canonical) else "user name"
        every = "both" if len(ids) == 2 else "all"
        message = (
            f"{join_names(ids)} {every} sign in to {platform} with the same {what} {canonical}"
        )
        spellings = sorted({a.login for a in accounts})
        if len(spellings) > 1:
            rules = dict.fromkeys(r for a in accounts for r in canonical_mailbox(a.login).rules)
            message += (
                f" ({join_names(spellings)} are one {what}: {'; '.join(rules)})"
                if rules
                else f" ({join_names(spellings)} are one {what})"
            )
        noun = "store" if all(a.kind == "store" for a in accounts) else "account"
        message += (
            f": the right password on the wrong {noun} is how sellers mix accounts up and lock "
            "themselves out, and one stolen mailbox opens them all"
        )
        yield finding(
            CHECK.id,
            CHECK.severity,
            ids,
            message,
            f"Give each {platform} account its own login mailbox, and note in the inventory which "
            f"mailbox signs in to which {noun}.",
            subject=canonical,
        )


def _action(facts: ActionFacts) -> str:
    # The account whose login is written most plainly keeps the mailbox; the others move.
    accounts = facts.accounts
    keep = min(
        (i for i in facts.ids if i in accounts),
        key=lambda i: (len(canonical_mailbox(accounts[i].login).rules), i),
        default=facts.first,
    )
    shared = accounts[keep].login if keep in accounts else facts.subject
    others = [i for i in facts.ids if i != keep]
    if len(others) == 1:
        return f"Give {others[0]} its own login mailbox (it shares {shared} with {keep})"
    return f"Give {join_names(others)} their own login mailboxes (they share {shared} with {keep})"


CHECK = Check(
    id="email.shared-login",
    severity=Severity.HIGH,
    fires_when="two or more accounts on the same platform sign in with the same mailbox",
    advice=(
        "Give each store on a platform its own login mailbox and note which mailbox signs in "
        "where; a mix-up locks sellers out, and one stolen mailbox opens every store on it."
    ),
    across_accounts=True,
    run=find_shared_logins,
    fix=Fix.OWN,
    action=_action,
)
