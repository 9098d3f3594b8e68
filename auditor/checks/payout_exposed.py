"""payout.exposed: a store's payout account (`payout = "pingpong"`: the PingPong, LianLian,
WorldFirst, Airwallex or Payoneer account its sales are paid into) that a hijacker could take:
it is not in the inventory (its password and 2FA are never audited), it has no second factor,
or it signs in through the store's own login mailbox (one stolen mailbox resets both). Whoever
controls it, or changes the store's payout details to an account of their own, is paid the
store's money, so the severity follows the money, not the store."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, clause_list, pgettext, sentence
from auditor.inventory import Account
from auditor.inventory.emails import is_address
from auditor.suggest import closest, did_you_mean
from auditor.vocabulary import Severity


def find_exposed_payouts(context: AuditContext) -> Iterator[Finding]:
    """One finding per store whose payout account is missing from the inventory or weak."""
    for store in context.accounts:
        if not store.payout:
            continue
        if context.scope and not ({store.id, store.payout} & context.scope):
            continue
        payout = context.by_id.get(store.payout)
        if payout is None:
            yield _missing(context, store)
            continue
        problems, steps, severity = _problems(context, store, payout)
        if problems:
            remedy = pgettext("between steps", "; ").join(steps)
            yield CHECK.finding(
                [store.id, payout.id],
                _(
                    "{store}'s sales are paid out to {payout} ({platform}), which {problems}: "
                    "whoever takes it over is paid the store's money"
                ).format(
                    store=store.id,
                    payout=payout.id,
                    platform=payout.platform_name,
                    problems=clause_list(problems),
                ),
                sentence(f"{remedy[:1].upper()}{remedy[1:]}"),
                subject=payout.id,
                severity=severity,
            )


def _missing(context: AuditContext, store: Account) -> Finding:
    """The payout account the inventory does not hold; a typo of an account it does hold
    (`pingpang` for `pingpong`) is named, so the fix is one word, not a second account."""
    payout = str(store.payout)
    message = _(
        "{store}'s sales are paid out to {payout}, which is not in the inventory: nobody audits "
        "its password or 2FA, and whoever takes it over is paid the store's money"
    ).format(store=store.id, payout=payout)
    meant = closest(payout, [a.id for a in context.accounts if a.id != store.id])
    if meant:
        return CHECK.finding(
            [store.id],
            message + did_you_mean(payout, [meant]),
            _(
                "If it is {meant}, correct the record: `store-audit set {store} payout={meant}`; "
                "if not, add {payout} to the inventory with `store-audit add`, then store its "
                "password."
            ).format(meant=meant, store=store.id, payout=payout),
            subject=payout,
        )
    return CHECK.finding(
        [store.id],
        message,
        _(
            "Add the payout account to the inventory: `store-audit add {payout} "
            "--platform PLATFORM --login LOGIN --mfa METHOD`, then store its password."
        ).format(payout=payout),
        subject=payout,
    )


def _problems(
    context: AuditContext, store: Account, payout: Account
) -> tuple[list[str], list[str], Severity]:
    """What makes the payout account easy to take, what to do about each, how urgent it is."""
    problems: list[str] = []
    steps: list[str] = []
    severity = CHECK.severity
    if payout.mfa in ("none", "unknown"):
        problems.append(
            _("has no two-step verification (a password is all it takes)")
            if payout.mfa == "none"
            else _("has no two-step verification recorded")
        )
        steps.append(_("turn on two-step verification for {id} and record it").format(id=payout.id))
        severity = Severity.CRITICAL if payout.mfa == "none" else severity
    if is_address(store.login) and (
        context.mailbox_key(payout.login) == context.mailbox_key(store.login)
    ):
        problems.append(
            _(
                "signs in through {login}, the store's own login mailbox, so one stolen mailbox "
                "resets both"
            ).format(login=store.login)
        )
        steps.append(
            _("give {payout} a login mailbox of its own, not {store}'s").format(
                payout=payout.id, store=store.id
            )
        )
    return problems, steps, severity


def _action(facts: ActionFacts) -> str:
    payout = facts.subject
    stores = [i for i in facts.ids if i != payout] or list(facts.ids)
    if payout not in facts.accounts:
        meant = closest(payout, [i for i in facts.accounts if i not in stores])
        if meant:  # one typo away from an account the inventory holds (pingpang)
            return _("Correct the payout of {stores}: {payout} or {meant}?").format(
                stores=join_names(stores), payout=payout, meant=meant
            )
        return _("Add {payout}, where {stores} is paid out, to the inventory").format(
            payout=payout, stores=join_names(stores)
        )
    return _("Secure {payout}, where {stores} is paid out").format(
        payout=facts.describe(payout), stores=join_names(stores)
    )


CHECK = Check(
    id="payout.exposed",
    severity=Severity.HIGH,
    fires_when=N_(
        "a store's payout account (`payout`) is not in the inventory, has no second factor, or "
        "signs in through the store's own login mailbox"
    ),
    advice=N_(
        "Keep each store's payout account in the inventory, with two-step verification and a "
        "login mailbox of its own: whoever takes it is paid the store's money."
    ),
    severity_note=N_("critical when the payout account has no two-step verification"),
    across_accounts=True,
    run=find_exposed_payouts,
    fix=Fix.OWN,
    action=_action,
)
