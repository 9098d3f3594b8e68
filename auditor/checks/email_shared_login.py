"""email.shared-login: two accounts on one platform that sign in with the same mailbox."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.emails import canonical_mailbox, is_address
from auditor.findings import Finding, finding, join_names
from auditor.inventory import Account

ID = "email.shared-login"


def find_shared_logins(ctx: AuditContext) -> Iterator[Finding]:
    """Group accounts by platform and by the mailbox their login delivers to."""
    groups: dict[tuple[str, str], list[Account]] = defaultdict(list)
    for account in ctx.accounts:
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
        message += (
            ": the right password on the wrong store is how sellers mix accounts up and lock "
            "themselves out, and one stolen mailbox opens them all"
        )
        yield finding(
            ID,
            CATALOG[ID].severity,
            ids,
            message,
            f"Give each {platform} account its own login mailbox, and note in the inventory which "
            "mailbox signs in to which store.",
            subject=canonical,
        )
