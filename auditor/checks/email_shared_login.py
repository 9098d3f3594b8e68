"""email.shared-login: two accounts on one platform that sign in with the same mailbox."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext, seller_accounts, serves_together
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, ngettext, pgettext
from auditor.inventory import Account
from auditor.inventory.emails import canonical_mailbox, is_address
from auditor.vocabulary import Severity


def find_shared_logins(context: AuditContext) -> Iterator[Finding]:
    """Group accounts by platform and by the mailbox their login delivers to."""
    groups: dict[tuple[str, str], list[Account]] = defaultdict(list)
    for account in context.accounts:
        groups[account.platform, context.mailbox_key(account.login)].append(account)
    for (_platform, canonical), accounts in groups.items():
        if len(accounts) < 2:
            continue
        split = seller_accounts(accounts, context.secrets)
        if split is not None and len(split) == 1:
            continue  # one merged or unified seller account, recorded once per marketplace
        if split is None and serves_together(accounts):
            yield _maybe_one_account(accounts)
            continue
        yield _shared(context, accounts, canonical, split)


def _shared(
    context: AuditContext,
    accounts: list[Account],
    canonical: str,
    split: list[list[Account]] | None,
) -> Finding:
    """Two or more accounts of a platform on one mailbox (or user name): a mix-up waiting to
    happen, and one stolen mailbox opens them all."""
    ids = sorted(a.id for a in accounts)
    platform = accounts[0].platform_name
    mailbox = is_address(canonical)
    stores = all(a.kind == "store" for a in accounts)
    head = _head(len(ids) == 2, mailbox)
    detail = _spellings(context, accounts, mailbox)
    if split is not None:
        detail += ngettext(
            " and different passwords: {count} separate {platform} seller account on one "
            "mailbox (keep it)",
            " and different passwords: {count} separate {platform} seller accounts on one "
            "mailbox (keep every one of them)",
            len(split),
        ).format(count=len(split), platform=platform)
    message = (
        _(
            "{shared}{detail}: the right password on the wrong store is how sellers mix "
            "accounts up and lock themselves out, and one stolen mailbox opens them all"
        )
        if stores
        else _(
            "{shared}{detail}: the right password on the wrong account is how sellers mix "
            "accounts up and lock themselves out, and one stolen mailbox opens them all"
        )
    )
    remedy = (
        _(
            "Give each {platform} account its own login mailbox, and note in the inventory "
            "which mailbox signs in to which store."
        )
        if stores
        else _(
            "Give each {platform} account its own login mailbox, and note in the inventory "
            "which mailbox signs in to which account."
        )
    )
    shared = head.format(accounts=join_names(ids), platform=platform, login=canonical)
    return CHECK.finding(
        ids,
        message.format(shared=shared, detail=detail),
        remedy.format(platform=platform),
        subject=canonical,
    )


def _head(both: bool, mailbox: bool) -> str:
    """`{accounts} both sign in to {platform} with the same mailbox {login}`, as it applies."""
    if mailbox:
        if both:
            return _("{accounts} both sign in to {platform} with the same mailbox {login}")
        return _("{accounts} all sign in to {platform} with the same mailbox {login}")
    if both:
        return _("{accounts} both sign in to {platform} with the same user name {login}")
    return _("{accounts} all sign in to {platform} with the same user name {login}")


def _spellings(context: AuditContext, accounts: list[Account], mailbox: bool) -> str:
    """` (a and b are one mailbox: Gmail ignores dots; ...)` where the logins are spelled
    differently, else nothing."""
    spellings = sorted({a.login for a in accounts})
    if len(spellings) < 2:
        return ""
    rules = [
        str(r) for r in dict.fromkeys(r for a in accounts for r in canonical_mailbox(a.login).rules)
    ]
    box = context.mailbox_account_for(accounts[0].login)
    if box is not None and box.aliases:
        rules.append(_("the mailbox account {id} lists them as one mailbox").format(id=box.id))
    if not rules:
        one = _(" ({logins} are one mailbox)") if mailbox else _(" ({logins} are one user name)")
        return one.format(logins=join_names(spellings))
    one = (
        _(" ({logins} are one mailbox: {rules})")
        if mailbox
        else _(" ({logins} are one user name: {rules})")
    )
    return one.format(
        logins=join_names(spellings), rules=pgettext("between problems", "; ").join(rules)
    )


def _maybe_one_account(accounts: list[Account]) -> Finding:
    """The identical login where one login serves every marketplace, with a password not
    stored: one seller account recorded per marketplace, or separate accounts on one mailbox
    (one email can hold several, each with its own password). Nothing is to be removed."""
    ids = sorted(a.id for a in accounts)
    first = accounts[0]
    regions = [r for a in accounts for r in ((a.region or "").upper(), *a.marketplaces) if r]
    listed = ", ".join(f'"{r}"' for r in dict.fromkeys(regions))
    message = (
        _(
            "{accounts} both sign in to {platform} as {login}, where one login can serve all "
            "their marketplaces: with the same password they are one seller account, with "
            "different passwords separate accounts on one mailbox; the keyring does not hold "
            "every password, so store-audit cannot tell which"
        )
        if len(ids) == 2
        else _(
            "{accounts} all sign in to {platform} as {login}, where one login can serve all "
            "their marketplaces: with the same password they are one seller account, with "
            "different passwords separate accounts on one mailbox; the keyring does not hold "
            "every password, so store-audit cannot tell which"
        )
    )
    return CHECK.finding(
        ids,
        message.format(accounts=join_names(ids), platform=first.platform_name, login=first.login),
        _(
            "Store each password (`store-audit set-secret ID`). If it is one account, you may "
            "record it once with marketplaces = [{listed}]; if they are separate seller "
            "accounts, keep them all and give each its own login mailbox."
        ).format(listed=listed),
        subject=first.login,
        severity=Severity.LOW,
    )


def _action(facts: ActionFacts) -> str:
    accounts = facts.accounts
    known = [accounts[i] for i in facts.ids if i in accounts]
    if serves_together(known) and all(f.severity == Severity.LOW for f in facts.findings):
        return _(
            "Find out whether {accounts} are one {platform} account or several on one mailbox"
        ).format(accounts=join_names(facts.ids), platform=known[0].platform_name)
    # The account whose login is written most plainly keeps the mailbox; the others move.
    keep = min(
        (i for i in facts.ids if i in accounts and i != facts.focused),
        key=lambda i: (len(canonical_mailbox(accounts[i].login).rules), i),
        default=facts.first,
    )
    shared = accounts[keep].login if keep in accounts else facts.subject
    others = [i for i in facts.ids if i != keep]
    if len(others) == 1:
        text = _("Give {accounts} its own login mailbox (it shares {login} with {keep})")
    else:
        text = _("Give {accounts} their own login mailboxes (they share {login} with {keep})")
    return text.format(accounts=join_names(others), login=shared, keep=keep)


CHECK = Check(
    id="email.shared-login",
    severity=Severity.HIGH,
    fires_when=N_(
        "two or more accounts on the same platform sign in with the same mailbox, after provider "
        "rules (case, Gmail dots and `+tags`, googlemail.com = gmail.com, `+tags` on providers "
        "that support them)"
    ),
    advice=N_(
        "Give each store on a platform its own login mailbox and note which mailbox signs in "
        "where; a mix-up locks sellers out, and one stolen mailbox opens every store on it."
    ),
    severity_note=N_(
        "low when one login serving several marketplaces (a merged or unified account) is "
        "recorded per marketplace and a password is not stored, so one account and several "
        "cannot be told apart; no finding when the stored passwords are identical"
    ),
    across_accounts=True,
    run=find_shared_logins,
    fix=Fix.OWN,
    action=_action,
)
