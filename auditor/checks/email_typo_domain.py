"""email.typo-domain: a login or recovery domain one keystroke away from a well-known provider or
from the seller's own domain (gmial.com, acmehome.co). Mail to it goes to a stranger, or nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, pgettext
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
                uses = (
                    _("login {address} uses {domain}, a near miss of {target}")
                    if field == "login"
                    else _("recovery email {address} uses {domain}, a near miss of {target}")
                )
                problems.append(uses.format(address=value, domain=domain, target=target))
                domains.append(domain)
        if problems:
            critical = account.kind in CRITICAL_KINDS
            yield CHECK.finding(
                [account.id],
                _(
                    "{id}: {problems}: codes and password resets go there, so whoever registers "
                    "{domains} receives them and can take the account"
                ).format(
                    id=account.id,
                    problems=pgettext("between problems", "; ").join(problems),
                    domains=join_names(sorted(set(domains))),
                ),
                _(
                    "Check the address on {platform} and correct it there and in the inventory; "
                    "if the platform already uses it, change it before anyone registers that "
                    "domain."
                ).format(platform=account.platform_name),
                severity=Severity.CRITICAL if critical else CHECK.severity,
            )


def _action(facts: ActionFacts) -> str:
    return _("Fix the misspelled mail domain in the addresses of {who}").format(who=facts.who)


CHECK = Check(
    id="email.typo-domain",
    severity=Severity.HIGH,
    fires_when=N_(
        "a login or recovery domain is a near miss of a well-known provider or of a seller domain"
        " (gmial.com, acmehome.co)"
    ),
    advice=N_(
        "Correct the address on the platform and in the inventory: codes and password resets "
        "sent to a misspelt domain reach a stranger or nobody."
    ),
    severity_note=N_(
        "critical for the login or recovery address of a store, mailbox or payment account"
    ),
    run=find_typo_domains,
    fix=Fix.OWN,
    action=_action,
    informs=WhyStep.EMAIL,
)
