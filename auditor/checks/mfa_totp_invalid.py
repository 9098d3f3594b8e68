"""mfa.totp-invalid: a stored TOTP seed that cannot generate codes (bad base32, a bad URI)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.secrets.totp import TotpError
from auditor.vocabulary import Severity


def find_invalid_seeds(context: AuditContext) -> Iterator[Finding]:
    """Seeds whose parse failed, with the reason (which never quotes the seed)."""
    for account in context.reported_accounts:
        problem = context.seeds.get(account.id)
        if isinstance(problem, TotpError):
            yield CHECK.finding(
                [account.id],
                f"The TOTP seed stored for {account.id} cannot generate codes: {problem}; "
                "codes from it will never match",
                f"Re-enrol the authenticator on {account.platform_name} and store the new seed "
                f"with `store-audit set-secret {account.id} --totp`.",
            )


def _action(facts: ActionFacts) -> str:
    return f"Re-enrol the authenticator for {facts.who} and store the new seed"


CHECK = Check(
    id="mfa.totp-invalid",
    severity=Severity.HIGH,
    fires_when="a stored TOTP seed cannot generate codes (bad base32, bad URI)",
    advice=(
        "Re-enrol the authenticator and store the new seed with `store-audit set-secret ID --totp`."
    ),
    run=find_invalid_seeds,
    fix=Fix.SEED,
    action=_action,
    informs=WhyStep.CODE,
)
