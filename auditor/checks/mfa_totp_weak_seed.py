"""mfa.totp-weak-seed: a TOTP seed under 128 bits, such as the 80-bit 16-character legacy seeds."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _
from auditor.secrets.totp import RECOMMENDED_BITS, TotpSeed
from auditor.vocabulary import Severity


def find_weak_seeds(context: AuditContext) -> Iterator[Finding]:
    """Readable seeds shorter than RFC 4226's 128 bits."""
    for account in context.reported_accounts:
        seed = context.seeds.get(account.id)
        if isinstance(seed, TotpSeed) and seed.bits < RECOMMENDED_BITS:
            yield CHECK.finding(
                [account.id],
                _(
                    "The TOTP seed stored for {id} holds {bits} bits; {standard} or more is the "
                    "standard (RFC 4226)"
                ).format(id=account.id, bits=seed.bits, standard=RECOMMENDED_BITS),
                _(
                    "Turn the authenticator off and on again on {platform} to get a new, longer "
                    "seed, and store it."
                ).format(platform=account.platform_name),
            )


def _action(facts: ActionFacts) -> str:
    return _("Re-enrol the authenticator for {who} to get a full-length seed").format(who=facts.who)


CHECK = Check(
    id="mfa.totp-weak-seed",
    severity=Severity.LOW,
    fires_when=N_("a stored TOTP seed holds under 128 bits"),
    advice=N_("Turn the authenticator off and on again to get a new, longer seed."),
    run=find_weak_seeds,
    fix=Fix.SEED,
    action=_action,
)
