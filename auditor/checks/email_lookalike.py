"""email.lookalike: addresses that mix scripts or hold characters that look like others
(a Cyrillic 'а' in 'amazon'), including in internationalised (xn--) domains."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.inventory.spelling import address_lookalikes
from auditor.vocabulary import Severity


def find_lookalikes(context: AuditContext) -> Iterator[Finding]:
    """Flag logins and recovery emails that hold look-alike or invisible characters."""
    for account in context.reported_accounts:
        problems = []
        for field, value in account.addresses:
            found = address_lookalikes(value)
            if found:
                shown = value.encode("ascii", "backslashreplace").decode("ascii")
                problems.append(f"{field} {shown} holds {', '.join(found)}")
        if problems:
            yield CHECK.finding(
                [account.id],
                f"{account.id}: {'; '.join(problems)}: it reads like a familiar address but "
                "delivers somewhere else",
                f"Compare the address with the one on {account.platform_name} letter by letter; "
                "retype it by hand in both places.",
            )


def _action(facts: ActionFacts) -> str:
    return f"Retype the address of {facts.who} by hand: it holds look-alike characters"


CHECK = Check(
    id="email.lookalike",
    severity=Severity.HIGH,
    fires_when=("an address mixes scripts or holds confusable characters (Cyrillic а in amazon)"),
    advice=(
        "Retype the address by hand on the platform and in the inventory; a look-alike character "
        "delivers mail to a different mailbox."
    ),
    run=find_lookalikes,
    fix=Fix.OWN,
    action=_action,
    informs=WhyStep.EMAIL,
)
