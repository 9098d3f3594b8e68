"""mfa.missing: an account with no second factor; critical for a mailbox or payment account, or
one other accounts sign in or recover through."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.inventory import platforms
from auditor.inventory.second_factors import (
    backup_codes_step,
    either,
    second_factor,
    strong_methods,
)
from auditor.vocabulary import Severity


def find_missing_mfa(context: AuditContext) -> Iterator[Finding]:
    """Accounts with `mfa = "none"`."""
    for account in context.reported_accounts:
        if account.mfa != "none" or platforms.lookup_required(account.platform):
            continue  # where 2FA is compulsory, "none" is a wrong record (mfa.impossible-record)
        dependents = sorted(context.dependents(account.id))
        sensitive = context.is_sensitive(account)
        message = (
            f"{account.id} ({account.platform_name} {account.kind} {account.login}) has no "
            "two-step verification: a password is all it takes to get in"
        )
        if dependents:
            message += f", and {join_names(dependents)} sign in or recover through it"
        yield CHECK.finding(
            [account.id],
            message,
            f"Turn on two-step verification for {account.id} {second_factor(account)}"
            + (f"; then {codes}." if (codes := backup_codes_step(account)) else "."),
            severity=Severity.CRITICAL if sensitive else CHECK.severity,
        )


def _action(facts: ActionFacts) -> str:
    account = facts.accounts.get(facts.first)
    methods = strong_methods(account.platform) if account is not None else []
    if methods and methods[0] == "an authenticator app":
        return f"Turn on app-based 2FA for {facts.who}"
    if methods:  # the catalog's order: a passkey first, where the platform offers one
        return f"Turn on 2FA for {facts.who} with {either(methods[:2])}"
    return f"Turn on 2FA for {facts.who}"


CHECK = Check(
    id="mfa.missing",
    severity=Severity.HIGH,
    fires_when='`mfa = "none"`',
    advice=(
        "Turn on two-step verification, with a passkey, an authenticator app or a security key "
        "where the platform's catalog entry says it offers one."
    ),
    severity_note="critical for a mailbox or payment account, or one others depend on",
    run=find_missing_mfa,
    fix=Fix.MFA,
    action=_action,
    weakens_mailbox=True,
)
