"""email.invalid: a login or recovery value meant as an address that cannot receive mail."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _, pgettext
from auditor.inventory.emails import address_problem, is_address
from auditor.inventory.fullwidth import corrected, slips_in
from auditor.vocabulary import Severity


def find_invalid_addresses(context: AuditContext) -> Iterator[Finding]:
    """Logins that contain '@', every recovery email, and a mailbox account's own login."""
    for account in context.reported_accounts:
        problems = []
        if _typing_slip(account.login):
            pass  # email.lookalike names the full-width character to retype
        elif is_address(account.login):
            problem = address_problem(account.login)
            if problem:
                problems.append(
                    _("login {login!r} is not a valid address: {problem}").format(
                        login=account.login, problem=problem
                    )
                )
        elif account.kind == "mailbox":
            problems.append(
                _(
                    "login {login!r} is not an address, but a mailbox signs in with its own address"
                ).format(login=account.login)
            )
        if account.recovery_email and not _typing_slip(account.recovery_email):
            problem = address_problem(account.recovery_email)
            if problem:
                problems.append(
                    _("recovery email {address!r} is not a valid address: {problem}").format(
                        address=account.recovery_email, problem=problem
                    )
                )
        if problems:
            yield CHECK.finding(
                [account.id],
                _("{id}: {problems}").format(
                    id=account.id, problems=pgettext("between problems", "; ").join(problems)
                ),
                _(
                    "Correct the address in the inventory and check the one {platform} has on "
                    "file: a password reset sent to it would never arrive."
                ).format(platform=account.platform_name),
            )


def _typing_slip(value: str) -> bool:
    """An address that is right once its full-width characters are half-width ones:
    email.lookalike says which to retype (88776655＠qq.com)."""
    return bool(slips_in(value)) and address_problem(corrected(value).strip()) is None


def _action(facts: ActionFacts) -> str:
    return _("Correct the invalid address on {who}").format(who=facts.who)


CHECK = Check(
    id="email.invalid",
    severity=Severity.MEDIUM,
    fires_when=N_("a login or recovery value meant as an address is not a valid address"),
    advice=N_("Correct the address; a password reset sent to it would never arrive."),
    run=find_invalid_addresses,
    fix=Fix.OWN,
    action=_action,
    informs=WhyStep.EMAIL,
)
