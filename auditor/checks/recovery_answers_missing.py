"""recovery.answers-missing: an account has security questions (`security_questions = true`)
and no answers are stored. The day the platform asks, nobody remembers what was typed years
ago, or who typed it."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _
from auditor.vocabulary import Severity


def find_answers_missing(context: AuditContext) -> Iterator[Finding]:
    """Accounts that say they have security questions and have no answers in the keyring."""
    for account in context.reported_accounts:
        if not account.security_questions or context.secrets.answers(account.id):
            continue
        yield CHECK.finding(
            [account.id],
            _(
                "{id} ({platform}) has security questions and no answers are stored: the day it "
                "asks, the answers typed when it was set up are guesswork"
            ).format(id=account.id, platform=account.platform_name),
            _(
                "Store the answers with `store-audit set-secret {id} --security-answers` (one a "
                "line, hidden); if nobody knows them, set new ones on {platform} first."
            ).format(id=account.id, platform=account.platform_name),
        )


def _action(facts: ActionFacts) -> str:
    which = facts.first if len(facts.ids) == 1 else "ID"
    return _(
        "Store the security answers of {accounts}: `store-audit set-secret {id} --security-answers`"
    ).format(accounts=join_names(facts.ids), id=which)


CHECK = Check(
    id="recovery.answers-missing",
    severity=Severity.LOW,
    fires_when=N_(
        "an account has security questions (`security_questions = true`) and no answers are stored"
    ),
    advice=N_("Store the answers with `store-audit set-secret ID --security-answers`."),
    run=find_answers_missing,
    fix=Fix.RECORD,
    action=_action,
)
