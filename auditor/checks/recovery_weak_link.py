"""recovery.weak-link: an account is only as strong as the mailbox that can reset it. Fires for
each inventory mailbox that others sign in or recover through (directly or through a chain of
mailboxes) and that lacks 2FA or has a weak, reused or breached password."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.inventory import Account
from auditor.inventory.second_factors import second_factor
from auditor.vocabulary import Severity


def mailbox_weaknesses(context: AuditContext, mailbox: Account) -> list[str]:
    """What makes a mailbox easy to take over, in words; empty when none is known."""
    weaknesses = []
    if mailbox.mfa == "none":
        weaknesses.append("has no 2FA")
    if context.is_weak(mailbox):
        weaknesses.append("has a weak password")
    if mailbox.id in context.reused_ids:
        weaknesses.append("shares its password with another account")
    if context.breach_counts.get(mailbox.id, 0) > 0:
        weaknesses.append("has a password found in breaches")
    return weaknesses


def mailbox_remedy(context: AuditContext, mailbox: Account) -> str:
    """What fixes this mailbox, naming only what is wrong with it."""
    steps = []
    if mailbox.mfa == "none":
        steps.append(f"turn on two-step verification {second_factor(mailbox)}")
    if (
        context.is_weak(mailbox)
        or mailbox.id in context.reused_ids
        or context.breach_counts.get(mailbox.id, 0) > 0
    ):
        steps.append("give it a unique generated password")
    return ", and ".join(steps)


def find_weak_links(context: AuditContext) -> Iterator[Finding]:
    """One finding per weak mailbox, naming every account that depends on it."""
    merged: dict[frozenset[str], list[str]] = {}
    remedies: dict[frozenset[str], list[str]] = {}
    steps: dict[frozenset[str], list[str]] = {}
    for mailbox in context.accounts:
        dependents = sorted(context.dependents(mailbox.id))
        if not dependents or not context.strength_matters(mailbox):
            continue
        weaknesses = mailbox_weaknesses(context, mailbox)
        if not weaknesses:
            continue
        accounts = frozenset([mailbox.id, *dependents])
        merged.setdefault(accounts, []).append(
            f"{join_names(dependents)} can be signed into or reset through the mailbox "
            f"{mailbox.id} ({mailbox.login}), which {join_names(weaknesses)}"
        )
        remedies.setdefault(accounts, []).append(mailbox.id)
        steps.setdefault(accounts, []).append(f"{mailbox.id}: {mailbox_remedy(context, mailbox)}")
    for accounts, messages in merged.items():
        mailboxes = remedies[accounts]
        remedy = (
            f"Secure {mailboxes[0]} first: {steps[accounts][0].partition(': ')[2]}."
            if len(mailboxes) == 1
            else f"Secure {join_names(mailboxes)} first. {'; '.join(steps[accounts])}."
        )
        yield CHECK.finding(
            accounts,
            f"{'; '.join(messages)}: each of them is only as strong as that mailbox",
            remedy,
            subject=", ".join(remedies[accounts]),
        )


def _action(facts: ActionFacts) -> str:
    # Only when what weakens the mailbox is suppressed: otherwise the finding joins the actions
    # that fix it.
    mailbox = facts.describe(facts.subject)
    depending = len(facts.findings[0].accounts) - len(facts.ids)
    who_depends = (
        "1 other account depends" if depending == 1 else f"{depending} other accounts depend"
    )
    return f"Secure {mailbox}, which {who_depends} on"


CHECK = Check(
    id="recovery.weak-link",
    severity=Severity.CRITICAL,
    fires_when=(
        "an account's login or recovery mailbox (in the inventory) lacks 2FA or has a weak, "
        "reused or breached password: the account is only as strong as that mailbox"
    ),
    advice=(
        "Secure the mailbox first: two-step verification if it has none, a unique generated "
        "password if its own is weak, reused or breached; every account it can reset is only as "
        "strong as it is."
    ),
    across_accounts=True,
    run=find_weak_links,
    fix=Fix.MAILBOX,
    action=_action,
    needs_strength=True,
    informs=WhyStep.MAILBOX,
)
