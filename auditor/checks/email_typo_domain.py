"""email.typo-domain: a login or recovery domain one keystroke away from a well-known provider or
from the seller's own domain (gmial.com, acmehome.co). Mail to it goes to a stranger, or nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.checks.findings import Finding, finding
from auditor.inventory.emails import split_address
from auditor.inventory.spelling import typo_of
from auditor.vocabulary import Severity


def find_typo_domains(context: AuditContext) -> Iterator[Finding]:
    """Compare each login and recovery domain with the well-known and the seller's domains."""
    seller_domains = frozenset(context.inventory.seller.domains)
    for account in context.accounts:
        problems = []
        for field, value in account.addresses:
            target = typo_of(value, seller_domains)
            if target:
                domain = split_address(value)[1]
                problems.append(f"{field} {value} uses {domain}, a near miss of {target}")
        if problems:
            yield finding(
                CHECK.id,
                CHECK.severity,
                [account.id],
                f"{account.id}: {'; '.join(problems)}: codes and password resets sent there go to "
                "a stranger's mailbox or nowhere",
                f"Check the address on {account.platform_name} and correct it there and in the "
                "inventory; if the platform already uses it, change it before anyone registers "
                "that domain.",
            )


def _action(facts: ActionFacts) -> str:
    return f"Fix the misspelled mail domain in the addresses of {facts.who}"


CHECK = Check(
    id="email.typo-domain",
    severity=Severity.HIGH,
    fires_when=(
        "a login or recovery domain is a near miss of a well-known provider or of a seller domain"
    ),
    advice=(
        "Correct the address on the platform and in the inventory: codes and password resets "
        "sent to a misspelt domain reach a stranger or nobody."
    ),
    run=find_typo_domains,
    fix=Fix.OWN,
    action=_action,
)
