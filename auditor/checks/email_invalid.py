"""email.invalid: a login or recovery value meant as an address that cannot receive mail."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.inventory.emails import address_problem, is_address
from auditor.vocabulary import Severity


def find_invalid_addresses(context: AuditContext) -> Iterator[Finding]:
    """Logins that contain '@', every recovery email, and a mailbox account's own login."""
    for account in context.reported_accounts:
        problems = []
        if is_address(account.login):
            problem = address_problem(account.login)
            if problem:
                problems.append(f"login {account.login!r} is not a valid address: {problem}")
        elif account.kind == "mailbox":
            problems.append(
                f"login {account.login!r} is not an address, but a mailbox signs in with its own "
                "address"
            )
        if account.recovery_email:
            problem = address_problem(account.recovery_email)
            if problem:
                problems.append(
                    f"recovery email {account.recovery_email!r} is not a valid address: {problem}"
                )
        if problems:
            yield CHECK.finding(
                [account.id],
                f"{account.id}: {'; '.join(problems)}",
                f"Correct the address in the inventory and check the one {account.platform_name} "
                "has on file: a password reset sent to it would never arrive.",
            )


def _action(facts: ActionFacts) -> str:
    return f"Correct the invalid address on {facts.who}"


CHECK = Check(
    id="email.invalid",
    severity=Severity.MEDIUM,
    fires_when="a login or recovery value meant as an address is not a valid address",
    advice="Correct the address; a password reset sent to it would never arrive.",
    run=find_invalid_addresses,
    fix=Fix.OWN,
    action=_action,
    informs=WhyStep.EMAIL,
)
