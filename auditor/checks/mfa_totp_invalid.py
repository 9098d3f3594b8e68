"""mfa.totp-invalid: a stored TOTP seed that cannot generate codes (bad base32, a bad URI)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _
from auditor.secrets.totp import TotpError
from auditor.vocabulary import Severity


def find_invalid_seeds(context: AuditContext) -> Iterator[Finding]:
    """Seeds whose parse failed, with the reason (which never quotes the seed)."""
    for account in context.reported_accounts:
        problem = context.seeds.get(account.id)
        if isinstance(problem, TotpError):
            yield CHECK.finding(
                [account.id],
                _(
                    "The TOTP seed stored for {id} cannot generate codes: {problem}; codes from it "
                    "will never match"
                ).format(id=account.id, problem=problem),
                _(
                    "Re-enrol the authenticator on {platform} and store the new seed with "
                    "`store-audit set-secret {id} --totp`."
                ).format(platform=account.platform_name, id=account.id),
            )


def _action(facts: ActionFacts) -> str:
    return _("Re-enrol the authenticator for {who} and store the new seed").format(who=facts.who)


CHECK = Check(
    id="mfa.totp-invalid",
    severity=Severity.HIGH,
    fires_when=N_("a stored TOTP seed cannot generate codes (bad base32, bad URI)"),
    advice=N_(
        "Re-enrol the authenticator and store the new seed with `store-audit set-secret ID --totp`."
    ),
    run=find_invalid_seeds,
    fix=Fix.SEED,
    action=_action,
    informs=WhyStep.CODE,
)
