"""recovery.weak-link: an account is only as strong as the mailbox that can reset it. Fires for
each inventory mailbox that others sign in or recover through (directly or through a chain of
mailboxes) and that lacks 2FA or has a weak, reused or breached password."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, clause_list, ngettext, pgettext
from auditor.inventory import Account
from auditor.inventory.second_factors import second_factor
from auditor.vocabulary import Severity


def mailbox_weaknesses(context: AuditContext, mailbox: Account) -> list[str]:
    """What makes a mailbox easy to take over, in words; empty when none is known."""
    weaknesses = []
    if mailbox.mfa == "none":
        weaknesses.append(_("has no 2FA"))
    if context.is_weak(mailbox):
        weaknesses.append(_("has a weak password"))
    if mailbox.id in context.reused_ids:
        weaknesses.append(_("shares its password with another account"))
    if context.breach_counts.get(mailbox.id, 0) > 0:
        weaknesses.append(_("has a password found in breaches"))
    return weaknesses


def mailbox_remedy(context: AuditContext, mailbox: Account) -> str:
    """What fixes this mailbox, naming only what is wrong with it."""
    password = (
        context.is_weak(mailbox)
        or mailbox.id in context.reused_ids
        or context.breach_counts.get(mailbox.id, 0) > 0
    )
    if mailbox.mfa == "none" and password:
        step = _("turn on two-step verification {how}, and give it a unique generated password")
    elif mailbox.mfa == "none":
        step = _("turn on two-step verification {how}")
    elif password:
        step = _("give it a unique generated password")
    else:
        return ""
    return step.format(how=second_factor(mailbox))


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
            _(
                "{accounts} can be signed into or reset through the mailbox {id} ({login}), which "
                "{weaknesses}"
            ).format(
                accounts=join_names(dependents),
                id=mailbox.id,
                login=mailbox.login,
                weaknesses=clause_list(weaknesses),
            )
        )
        remedies.setdefault(accounts, []).append(mailbox.id)
        steps.setdefault(accounts, []).append(mailbox_remedy(context, mailbox))
    separator = pgettext("between problems", "; ")
    for accounts, messages in merged.items():
        mailboxes = remedies[accounts]
        if len(mailboxes) == 1:
            remedy = _("Secure {mailbox} first: {step}.").format(
                mailbox=mailboxes[0], step=steps[accounts][0]
            )
        else:
            each = [
                _("{mailbox}: {step}").format(mailbox=m, step=step)
                for m, step in zip(mailboxes, steps[accounts], strict=True)
            ]
            remedy = _("Secure {mailboxes} first. {steps}.").format(
                mailboxes=join_names(mailboxes), steps=separator.join(each)
            )
        yield CHECK.finding(
            accounts,
            _("{weak_links}: each of them is only as strong as that mailbox").format(
                weak_links=separator.join(messages)
            ),
            remedy,
            subject=", ".join(remedies[accounts]),
        )


def _action(facts: ActionFacts) -> str:
    # Only when what weakens the mailbox is suppressed: otherwise the finding joins the actions
    # that fix it.
    mailbox = facts.describe(facts.subject)
    depending = len(facts.findings[0].accounts) - len(facts.ids)
    return ngettext(
        "Secure {mailbox}, which {count} other account depends on",
        "Secure {mailbox}, which {count} other accounts depend on",
        depending,
    ).format(mailbox=mailbox, count=depending)


CHECK = Check(
    id="recovery.weak-link",
    severity=Severity.CRITICAL,
    fires_when=N_(
        "an account's login or recovery mailbox (in the inventory) lacks 2FA or has a weak, "
        "reused or breached password: the account is only as strong as that mailbox"
    ),
    advice=N_(
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
