"""email.lookalike: addresses that mix scripts or hold characters that look like others
(a Cyrillic 'а' in 'amazon'), including in internationalised (xn--) domains; and addresses that
hold full-width characters a Chinese input method typed (88776655＠qq.com), named as the typing
slip they are, with the address to write instead."""

from __future__ import annotations

import shlex
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _, pgettext
from auditor.inventory.fullwidth import corrected, slips_in, typed_instead
from auditor.inventory.model import Account
from auditor.inventory.spelling import address_lookalikes
from auditor.visible import visible_line
from auditor.vocabulary import Severity

_KEYS = {"login": "login", "recovery email": "recovery_email"}
"""The inventory key of each address field, as `store-audit set` names it."""


def find_lookalikes(context: AuditContext) -> Iterator[Finding]:
    """Flag logins and recovery emails that hold look-alike or invisible characters, or
    full-width ones typed with a Chinese input method."""
    for account in context.reported_accounts:
        slips, problems, fixes = [], [], []
        for field, value in account.addresses:
            if slips_in(value):
                slips.append(_slip(field, value))
                fixes.append(f"{_KEYS[field]}={shlex.quote(corrected(value).strip())}")
            found = address_lookalikes(corrected(value))
            if found:
                shown = value.encode("ascii", "backslashreplace").decode("ascii")
                holds = (
                    _("login {address} holds {characters}")
                    if field == "login"
                    else _("recovery email {address} holds {characters}")
                )
                separator = pgettext("between the items of a list", ", ")
                problems.append(holds.format(address=shown, characters=separator.join(found)))
        if slips or problems:
            yield CHECK.finding([account.id], *_wording(account, slips, problems, fixes))


def _slip(field: str, value: str) -> str:
    characters, instead = typed_instead(slips_in(value))
    template = (
        _(
            "login {address} holds full-width {characters} typed with a Chinese input method: "
            "type the half-width {instead} instead ({fixed})"
        )
        if field == "login"
        else _(
            "recovery email {address} holds full-width {characters} typed with a Chinese input "
            "method: type the half-width {instead} instead ({fixed})"
        )
    )
    return template.format(
        address=visible_line(value),
        characters=characters,
        instead=instead,
        fixed=visible_line(corrected(value).strip()),
    )


def _wording(
    account: Account, slips: list[str], problems: list[str], fixes: list[str]
) -> tuple[str, str]:
    """The finding's message and remediation: the typing slips first, then the look-alikes."""
    between = pgettext("between problems", "; ")
    messages, remedies = list(slips), []
    if slips:
        remedies.append(
            _(
                "Correct it in the inventory: `store-audit set {id} {fixes}`; switch the input "
                "method to English (half-width) before typing an address."
            ).format(id=account.id, fixes=" ".join(fixes))
        )
    if problems:
        messages.append(
            _("{problems}: it reads like a familiar address but delivers somewhere else").format(
                problems=between.join(problems)
            )
        )
        remedies.append(
            _(
                "Compare the address with the one on {platform} letter by letter; retype it "
                "by hand in both places."
            ).format(platform=account.platform_name)
        )
    message = _("{id}: {problems}").format(id=account.id, problems=between.join(messages))
    return message, " ".join(remedies)


def _action(facts: ActionFacts) -> str:
    accounts = [facts.accounts[i] for i in facts.ids if i in facts.accounts]
    if all(not address_lookalikes(corrected(v)) for a in accounts for _f, v in a.addresses):
        return _(
            "Replace the full-width characters in the address of {who} with half-width ones"
        ).format(who=facts.who)
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
