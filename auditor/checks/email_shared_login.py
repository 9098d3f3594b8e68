"""email.shared-login: two accounts on one platform that sign in with the same mailbox."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext, recorded_twice
from auditor.checks.findings import Finding, join_names
from auditor.inventory import Account, platforms
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
        group = recorded_twice(accounts)
        if group is not None:
            yield _one_account_recorded_twice(accounts, group)
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
        yield CHECK.finding(
            ids,
            message,
            f"Give each {platform} account its own login mailbox, and note in the inventory which "
            f"mailbox signs in to which {noun}.",
            subject=canonical,
        )


def _one_account_recorded_twice(accounts: list[Account], group: str) -> Finding:
    """Accounts with the identical login in one unified account: one seller account, most
    likely, written down once per marketplace."""
    ids = sorted(a.id for a in accounts)
    first = accounts[0]
    unified = platforms.unified_account(first.platform, group)
    name = unified.name if unified else group
    keep = first.id
    regions = [r for a in accounts for r in ((a.region or "").upper(), *a.marketplaces) if r]
    listed = ", ".join(f'"{r}"' for r in dict.fromkeys(regions))
    every = "both" if len(ids) == 2 else "all"
    return CHECK.finding(
        ids,
        f"{join_names(ids)} {every} sign in to {first.platform_name} as {first.login}, and "
        f"{first.platform_name}'s {name} serves all their marketplaces with one login: most "
        "likely this is one seller account recorded twice, so its password and 2FA are counted "
        "twice and a change to one entry leaves the other stale",
        f"Record it once: keep {keep} with marketplaces = [{listed}] and remove "
        f"{join_names([i for i in ids if i != keep])} from the inventory (and its keyring "
        f"entries). If {first.platform_name} really has separate seller accounts on this login, "
        "give each its own login mailbox.",
        subject=group,
        severity=Severity.LOW,
    )


def _action(facts: ActionFacts) -> str:
    accounts = facts.accounts
    known = [accounts[i] for i in facts.ids if i in accounts]
    group = recorded_twice(known)
    if group is not None:
        unified = platforms.unified_account(known[0].platform, group)
        name = f"{known[0].platform_name} {unified.name}" if unified else f"{group} account"
        return f"Record {join_names(facts.ids)} once: most likely one {name}"
    # The account whose login is written most plainly keeps the mailbox; the others move.
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
    fires_when=(
        "two or more accounts on the same platform sign in with the same mailbox, after provider "
        "rules (case, Gmail dots and `+tags`, googlemail.com = gmail.com, `+tags` on providers "
        "that support them)"
    ),
    advice=(
        "Give each store on a platform its own login mailbox and note which mailbox signs in "
        "where; a mix-up locks sellers out, and one stolen mailbox opens every store on it."
    ),
    severity_note=(
        "low when the accounts have the identical login in one unified account (one seller "
        "account recorded twice)"
    ),
    across_accounts=True,
    run=find_shared_logins,
    fix=Fix.OWN,
    action=_action,
)
