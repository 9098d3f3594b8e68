"""email.lookalike: addresses that mix scripts or hold characters that look like others
(a Cyrillic 'а' in 'amazon'), including in internationalised (xn--) domains."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _, pgettext
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
                holds = (
                    _("login {address} holds {characters}")
                    if field == "login"
                    else _("recovery email {address} holds {characters}")
                )
                separator = pgettext("between the items of a list", ", ")
                problems.append(holds.format(address=shown, characters=separator.join(found)))
        if problems:
            yield CHECK.finding(
                [account.id],
                _(
                    "{id}: {problems}: it reads like a familiar address but delivers somewhere else"
                ).format(id=account.id, problems=pgettext("between problems", "; ").join(problems)),
                _(
                    "Compare the address with the one on {platform} letter by letter; retype it "
                    "by hand in both places."
                ).format(platform=account.platform_name),
            )


def _action(facts: ActionFacts) -> str:
    return _("Retype the address of {who} by hand: it holds look-alike characters").format(
        who=facts.who
    )


CHECK = Check(
    id="email.lookalike",
    severity=Severity.HIGH,
    fires_when=N_("an address mixes scripts or holds confusable characters (Cyrillic а in amazon)"),
    advice=N_(
        "Retype the address by hand on the platform and in the inventory; a look-alike character "
        "delivers mail to a different mailbox."
    ),
    run=find_lookalikes,
    fix=Fix.OWN,
    action=_action,
    informs=WhyStep.EMAIL,
)
