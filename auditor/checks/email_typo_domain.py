"""email.typo-domain: a login or recovery domain one keystroke away from a well-known provider or
from the seller's own domain (gmial.com, acmehome.co). Mail to it goes to a stranger, or nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.inventory.emails import split_address
from auditor.inventory.spelling import typo_of
from auditor.vocabulary import Severity

CRITICAL_KINDS = frozenset({"store", "mailbox", "payment"})
"""Kinds whose login or recovery address on a misspelt domain is critical: it is where their
password resets go, so whoever registers that domain can take the account."""


def find_typo_domains(context: AuditContext) -> Iterator[Finding]:
    """Compare each login and recovery domain with the well-known and the seller's domains."""
    seller_domains = frozenset(context.inventory.seller.domains)
    for account in context.reported_accounts:
        problems, domains = [], []
        for field, value in account.addresses:
            target = typo_of(value, seller_domains)
            if target:
                domain = split_address(value)[1]
                problems.append(f"{field} {value} uses {domain}, a near miss of {target}")
                domains.append(domain)
        if problems:
            critical = account.kind in CRITICAL_KINDS
            yield CHECK.finding(
                [account.id],
                f"{account.id}: {'; '.join(problems)}: codes and password resets go there, so "
                f"whoever registers {join_names(sorted(set(domains)))} receives them and can take "
                "the account",
                f"Check the address on {account.platform_name} and correct it there and in the "
                "inventory; if the platform already uses it, change it before anyone registers "
                "that domain.",
                severity=Severity.CRITICAL if critical else CHECK.severity,
            )


def _action(facts: ActionFacts) -> str:
    return f"Fix the misspelled mail domain in the addresses of {facts.who}"


CHECK = Check(
    id="email.typo-domain",
    severity=Severity.HIGH,
    fires_when=(
        "a login or recovery domain is a near miss of a well-known provider or of a seller domain"
        " (gmial.com, acmehome.co)"
    ),
    advice=(
        "Correct the address on the platform and in the inventory: codes and password resets "
        "sent to a misspelt domain reach a stranger or nobody."
    ),
    severity_note=(
        "critical for the login or recovery address of a store, mailbox or payment account"
    ),
    run=find_typo_domains,
    fix=Fix.OWN,
    action=_action,
    informs=WhyStep.EMAIL,
)
