"""access.tool-trusted-device: a tool (an ERP, a listing tool, a multi-store browser profile)
holds an account's password and a device the platform trusts ("don't ask again on this
device"): it signs in without a code, and so does anyone who can use the tool. When a person who
could use it leaves, the tool's access is theirs to lose too."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _, ngettext
from auditor.inventory.people_access import own_login_advice, people_by_id
from auditor.vocabulary import Severity


def find_tool_trusted_device(context: AuditContext) -> Iterator[Finding]:
    """Accounts where a tool is in both `login_users` and `trusted_devices`."""
    people = people_by_id(context.inventory)
    for account in context.reported_accounts:
        tools = [
            people[p]
            for p in account.access.trusted_devices
            if people[p].role == "tool"
            and p in account.access.login_users
            and not people[p].has_left(context.today)
        ]
        if not tools:
            continue
        names = join_names(t.id for t in tools)
        message = ngettext(
            "{tools} holds {id}'s password and a device {platform} trusts without a code: anyone "
            "who can use it signs in to {id}",
            "{tools} hold {id}'s password and a device {platform} trusts without a code: anyone "
            "who can use them signs in to {id}",
            len(tools),
        )
        yield CHECK.finding(
            [account.id],
            message.format(tools=names, id=account.id, platform=account.platform_name),
            _(
                "Review who can use {tools}; when one of them leaves, change {id}'s password and "
                "sign out the devices it trusts. Better: {advice}."
            ).format(tools=names, id=account.id, advice=own_login_advice(account, names)),
            subject=names,
        )


def _action(facts: ActionFacts) -> str:
    return _("Review who can use {tools}, which signs in to {account} without a code").format(
        tools=facts.subject, account=facts.who
    )


CHECK = Check(
    id="access.tool-trusted-device",
    severity=Severity.MEDIUM,
    fires_when=N_(
        "a tool (ERP, listing tool, browser profile) holds an account's password and a device "
        "the platform trusts without a code"
    ),
    advice=N_(
        "Review who can use the tool, change the password and sign out trusted devices when one "
        "of them leaves, and give the tool a login of its own where the platform offers one."
    ),
    run=find_tool_trusted_device,
    fix=Fix.OWN,
    action=_action,
)
