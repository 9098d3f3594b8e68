"""password.breached: the password is in a Pwned Passwords corpus, so it is among the first that
attackers try. Runs only with --hibp-file or --hibp-online; the engine looks the hashes up and
hands this check the counts alone."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.vocabulary import Severity


def find_breached_passwords(context: AuditContext) -> Iterator[Finding]:
    """One finding per account whose password was seen in breaches, with how often."""
    for account in context.reported_accounts:
        seen = context.breach_counts.get(account.id, 0)
        if seen > 0:
            times = "once" if seen == 1 else f"{seen:,} times"
            sharing = [
                a.id for g in context.reuse_groups if account in g for a in g if a != account
            ]
            elsewhere = (
                f"; change it on {join_names(sharing)} too, which "
                f"{'uses' if len(sharing) == 1 else 'use'} the same password"
                if sharing
                else ""
            )
            yield CHECK.finding(
                [account.id],
                f"{account.id}'s password appears {times} in the Pwned Passwords corpus of "
                "breached passwords: it is among the first an attacker tries",
                f"Change the {account.platform_name} password now to a unique generated "
                f"one{elsewhere}.",
            )


CHECK = Check(
    id="password.breached",
    severity=Severity.CRITICAL,
    fires_when="found in a Pwned Passwords corpus (`--hibp-file`)",
    advice="Change it now, everywhere it is used: breached passwords are tried first.",
    needs="--hibp-file or --hibp-online",
    run=find_breached_passwords,
    fix=Fix.PASSWORD,
    action=change_passwords,
    weakens_mailbox=True,
)
