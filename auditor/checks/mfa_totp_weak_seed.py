"""mfa.totp-weak-seed: a TOTP seed under 128 bits, such as the 80-bit 16-character legacy seeds."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.secrets.totp import RECOMMENDED_BITS, TotpSeed
from auditor.vocabulary import Severity


def find_weak_seeds(context: AuditContext) -> Iterator[Finding]:
    """Readable seeds shorter than RFC 4226's 128 bits."""
    for account in context.reported_accounts:
        seed = context.seeds.get(account.id)
        if isinstance(seed, TotpSeed) and seed.bits < RECOMMENDED_BITS:
            yield CHECK.finding(
                [account.id],
                f"The TOTP seed stored for {account.id} holds {seed.bits} bits; {RECOMMENDED_BITS} "
                "or more is the standard (RFC 4226)",
                f"Turn the authenticator off and on again on {account.platform_name} to get a new, "
                "longer seed, and store it.",
            )


def _action(facts: ActionFacts) -> str:
    return f"Re-enrol the authenticator for {facts.who} to get a full-length seed"


CHECK = Check(
    id="mfa.totp-weak-seed",
    severity=Severity.LOW,
    fires_when="a stored TOTP seed holds under 128 bits",
    advice="Turn the authenticator off and on again to get a new, longer seed.",
    run=find_weak_seeds,
    fix=Fix.SEED,
    action=_action,
)
