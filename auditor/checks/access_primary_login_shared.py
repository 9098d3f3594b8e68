"""access.primary-login-shared: someone other than the owner signs in with an account's own,
primary login. They know its password and can change its settings and its 2FA; nothing tells
their actions from the owner's; and the day they leave, the only way to shut them out is to
change the login everyone uses. The platform's sub-user feature (from the catalog, with its
page) gives each person a login of their own instead."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import SENSITIVE_KINDS, AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, ngettext
from auditor.inventory import Account
from auditor.inventory.people_access import is_owner, own_login_advice, people_by_id, set_command
from auditor.vocabulary import Severity, shown_kind


def severity_for(account: Account) -> Severity:
    """By what the account is: money and mail reach furthest, a store next."""
    if account.kind in SENSITIVE_KINDS:
        return Severity.CRITICAL
    return Severity.HIGH if account.kind == "store" else Severity.MEDIUM


def find_primary_login_shared(context: AuditContext) -> Iterator[Finding]:
    """Accounts whose `login_users` name someone who is not an owner and has not left (a person
    who has left is access.departed's)."""
    people = people_by_id(context.inventory)
    for account in context.reported_accounts:
        others = [
            people[p]
            for p in account.access.login_users
            if not is_owner(people[p]) and not people[p].has_left(context.today)
        ]
        if not others:
            continue
        names = join_names(p.id for p in others)
        moved = account.access.sub_users + tuple(p.id for p in others)
        record = set_command(account, [p.id for p in others]) + f" sub_users={','.join(moved)}"
        message = ngettext(
            "{people} signs in to {id} ({platform} {kind}) with the account's own (primary) "
            "login: they know its password, can change its settings and its 2FA, and nothing "
            "tells their actions from the owner's",
            "{people} sign in to {id} ({platform} {kind}) with the account's own (primary) "
            "login: they know its password, can change its settings and its 2FA, and nothing "
            "tells their actions from the owner's",
            len(others),
        )
        yield CHECK.finding(
            [account.id],
            message.format(
                people=join_names(p.label for p in others),
                id=account.id,
                platform=account.platform_name,
                kind=shown_kind(account.kind),
            ),
            _(
                "{advice}; then change {id}'s password (`store-audit set-secret {id} --force`) "
                "and record it: `{command}`."
            ).format(
                advice=_capital(own_login_advice(account, names)), id=account.id, command=record
            ),
            subject=names,
            severity=severity_for(account),
        )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _action(facts: ActionFacts) -> str:
    return _("Give {people} a login of their own on {account} instead of its primary one").format(
        people=facts.subject, account=facts.who
    )


CHECK = Check(
    id="access.primary-login-shared",
    severity=Severity.HIGH,
    fires_when=N_(
        "someone other than the owner (staff, a virtual assistant, an agency, a tool) signs in "
        "with an account's own, primary login (`login_users`)"
    ),
    advice=N_(
        "Give each person a login of their own with the platform's sub-user feature (Amazon "
        "User Permissions, eBay Team access, Walmart user management), then change the primary "
        "login's password."
    ),
    severity_note=N_("critical for a mailbox or payment account; medium for kind other"),
    run=find_primary_login_shared,
    fix=Fix.OWN,
    action=_action,
)
