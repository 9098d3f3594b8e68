"""mfa.missing: an account with no second factor; critical for a mailbox or payment account, or
one other accounts sign in or recover through."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _
from auditor.inventory import platforms
from auditor.inventory.second_factors import (
    backup_codes_step,
    either,
    second_factor,
    strong_methods,
)
from auditor.vocabulary import Severity, shown_kind


def find_missing_mfa(context: AuditContext) -> Iterator[Finding]:
    """Accounts with `mfa = "none"`."""
    for account in context.reported_accounts:
        if account.mfa != "none" or platforms.lookup_required(account.platform):
            continue  # where 2FA is compulsory, "none" is a wrong record (mfa.impossible-record)
        dependents = sorted(context.dependents(account.id))
        sensitive = context.is_sensitive(account)
        if dependents:
            message = _(
                "{id} ({platform} {kind} {login}) has no two-step verification: a password is all "
                "it takes to get in, and {accounts} sign in or recover through it"
            )
        else:
            message = _(
                "{id} ({platform} {kind} {login}) has no two-step verification: a password is all "
                "it takes to get in"
            )
        codes = backup_codes_step(account)
        remedy = (
            _("Turn on two-step verification for {id} {how}; then {codes}.")
            if codes
            else _("Turn on two-step verification for {id} {how}.")
        )
        yield CHECK.finding(
            [account.id],
            message.format(
                id=account.id,
                platform=account.platform_name,
                kind=shown_kind(account.kind),
                login=account.login,
                accounts=join_names(dependents),
            ),
            remedy.format(id=account.id, how=second_factor(account), codes=codes),
            severity=Severity.CRITICAL if sensitive else CHECK.severity,
        )


def _action(facts: ActionFacts) -> str:
    account = facts.accounts.get(facts.first)
    methods = strong_methods(account.platform) if account is not None else []
    if methods and methods[0] == "an authenticator app":
        return _("Turn on app-based 2FA for {who}").format(who=facts.who)
    if methods:  # the catalog's order: a passkey first, where the platform offers one
        return _("Turn on 2FA for {who} with {methods}").format(
            who=facts.who, methods=either(methods[:2])
        )
    return _("Turn on 2FA for {who}").format(who=facts.who)


CHECK = Check(
    id="mfa.missing",
    severity=Severity.HIGH,
    fires_when='`mfa = "none"`',
    advice=N_(
        "Turn on two-step verification, with a passkey, an authenticator app or a security key "
        "where the platform's catalog entry says it offers one."
    ),
    severity_note=N_("critical for a mailbox or payment account, or one others depend on"),
    run=find_missing_mfa,
    fix=Fix.MFA,
    action=_action,
    weakens_mailbox=True,
)
