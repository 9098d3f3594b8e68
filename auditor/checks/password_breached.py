"""password.breached: the password is in a Pwned Passwords corpus, so it is among the first that
attackers try. Runs only with --hibp-file or --hibp-online; the engine looks the hashes up and
hands this check the counts alone."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, ngettext
from auditor.vocabulary import Severity


def find_breached_passwords(context: AuditContext) -> Iterator[Finding]:
    """One finding per account whose password was seen in breaches, with how often."""
    for account in context.reported_accounts:
        seen = context.breach_counts.get(account.id, 0)
        if seen > 0:
            sharing = [
                a.id for g in context.reuse_groups if account in g for a in g if a != account
            ]
            message = ngettext(
                "{id}'s password appears once in the Pwned Passwords corpus of breached "
                "passwords: it is among the first an attacker tries",
                "{id}'s password appears {times} times in the Pwned Passwords corpus of breached "
                "passwords: it is among the first an attacker tries",
                seen,
            ).format(id=account.id, times=f"{seen:,}")
            if not sharing:
                remedy = _("Change the {platform} password now to a unique generated one.")
            else:
                remedy = ngettext(
                    "Change the {platform} password now to a unique generated one; change it on "
                    "{others} too, which uses the same password.",
                    "Change the {platform} password now to a unique generated one; change it on "
                    "{others} too, which use the same password.",
                    len(sharing),
                )
            yield CHECK.finding(
                [account.id],
                message,
                remedy.format(platform=account.platform_name, others=join_names(sharing)),
            )


CHECK = Check(
    id="password.breached",
    severity=Severity.CRITICAL,
    fires_when=N_("found in a Pwned Passwords corpus (`--hibp-file`)"),
    advice=N_("Change it now, everywhere it is used: breached passwords are tried first."),
    needs=N_("--hibp-file or --hibp-online"),
    run=find_breached_passwords,
    fix=Fix.PASSWORD,
    action=change_passwords,
    weakens_mailbox=True,
)
