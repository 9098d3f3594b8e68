"""recovery.answers-reused: the same security-question answer is stored for two or more
accounts. Whoever learns it on one (a leaked store, an assistant who set it up) can answer it
on the others, and security questions reset passwords."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import SENSITIVE_KINDS, AuditContext
from auditor.findings import Finding, join_names
from auditor.i18n import N_, _
from auditor.vocabulary import Severity


def find_answers_reused(context: AuditContext) -> Iterator[Finding]:
    """Accounts sharing at least one answer (folded: case and spaces ignored), one finding per
    group of accounts; the answers themselves are compared by fingerprint and never named."""
    sharing: dict[bytes, set[str]] = defaultdict(set)
    for account in context.accounts:
        for answer in context.secrets.answers(account.id):
            sharing[answer.fingerprint()].add(account.id)
    groups = {tuple(sorted(ids)) for ids in sharing.values() if len(ids) > 1}
    for ids in sorted(groups):
        kinds = {context.by_id[i].kind for i in ids}
        yield CHECK.finding(
            ids,
            _(
                "{accounts} share a security-question answer: whoever learns it on one can answer "
                "the question on the others, and the answer resets the password"
            ).format(accounts=join_names(ids)),
            _(
                "Give each of {accounts} answers of its own (random words work: the platform only "
                "compares them), then store them with `store-audit set-secret ID "
                "--security-answers --force`."
            ).format(accounts=join_names(ids)),
            severity=Severity.HIGH if kinds & SENSITIVE_KINDS else CHECK.severity,
        )


def _action(facts: ActionFacts) -> str:
    return _("Give {accounts} security answers of their own").format(accounts=join_names(facts.ids))


CHECK = Check(
    id="recovery.answers-reused",
    severity=Severity.MEDIUM,
    fires_when=N_("the same security-question answer is stored for two or more accounts"),
    advice=N_(
        "Give each account answers of its own (random words work) and store them with "
        "`store-audit set-secret ID --security-answers`."
    ),
    severity_note=N_("high with a mailbox or payment account among them"),
    across_accounts=True,
    run=find_answers_reused,
    fix=Fix.OWN,
    action=_action,
)
