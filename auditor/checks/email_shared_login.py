"""email.shared-login: two accounts on one platform that sign in with the same mailbox."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext, seller_accounts, serves_together
from auditor.findings import Finding, join_names
from auditor.inventory import Account
from auditor.inventory.emails import canonical_mailbox, is_address
from auditor.vocabulary import Severity


def find_shared_logins(context: AuditContext) -> Iterator[Finding]:
    """Group accounts by platform and by the mailbox their login delivers to."""
    groups: dict[tuple[str, str], list[Account]] = defaultdict(list)
    for account in context.accounts:
        groups[account.platform, context.mailbox_key(account.login)].append(account)
    for (_, canonical), accounts in groups.items():
        if len(accounts) < 2:
            continue
        split = seller_accounts(accounts, context.secrets)
        if split is not None and len(split) == 1:
            continue  # one merged or unified seller account, recorded once per marketplace
        if split is None and serves_together(accounts):
            yield _maybe_one_account(accounts)
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
            box = context.mailbox_account_for(accounts[0].login)
            if box is not None and box.aliases:
                rules[f"the mailbox account {box.id} lists them as one mailbox"] = None
            message += (
                f" ({join_names(spellings)} are one {what}: {'; '.join(rules)})"
                if rules
                else f" ({join_names(spellings)} are one {what})"
            )
        noun = "store" if all(a.kind == "store" for a in accounts) else "account"
        if split is not None:
            message += (
                f" and different passwords: {len(split)} separate {platform} seller accounts on "
                "one mailbox (keep every one of them)"
            )
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


def _maybe_one_account(accounts: list[Account]) -> Finding:
    """The identical login where one login serves every marketplace, with a password not
    stored: one seller account recorded per marketplace, or separate accounts on one mailbox
    (one email can hold several, each with its own password). Nothing is to be removed."""
    ids = sorted(a.id for a in accounts)
    first = accounts[0]
    regions = [r for a in accounts for r in ((a.region or "").upper(), *a.marketplaces) if r]
    listed = ", ".join(f'"{r}"' for r in dict.fromkeys(regions))
    every = "both" if len(ids) == 2 else "all"
    return CHECK.finding(
        ids,
        f"{join_names(ids)} {every} sign in to {first.platform_name} as {first.login}, where one "
        "login can serve all their marketplaces: with the same password they are one seller "
        "account, with different passwords separate accounts on one mailbox; the keyring does "
        "not hold every password, so store-audit cannot tell which",
        f"Store each password (`store-audit set-secret ID`). If it is one account, you may "
        f"record it once with marketplaces = [{listed}]; if they are separate seller accounts, "
        "keep them all and give each its own login mailbox.",
        subject=first.login,
        severity=Severity.LOW,
    )


def _action(facts: ActionFacts) -> str:
    accounts = facts.accounts
    known = [accounts[i] for i in facts.ids if i in accounts]
    if serves_together(known) and all(f.severity == Severity.LOW for f in facts.findings):
        return (
            f"Find out whether {join_names(facts.ids)} are one {known[0].platform_name} account "
            "or several on one mailbox"
        )
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
        "low when one login serving several marketplaces (a merged or unified account) is "
        "recorded per marketplace and a password is not stored, so one account and several "
        "cannot be told apart; no finding when the stored passwords are identical"
    ),
    across_accounts=True,
    run=find_shared_logins,
    fix=Fix.OWN,
    action=_action,
)
