"""mfa.totp-weak-seed: a TOTP seed under 128 bits, such as the 80-bit 16-character legacy seeds."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.findings import Finding, finding
from auditor.totp import RECOMMENDED_BITS, TotpSeed

ID = "mfa.totp-weak-seed"


def find_weak_seeds(ctx: AuditContext) -> Iterator[Finding]:
    """Readable seeds shorter than RFC 4226's 128 bits."""
    for account in ctx.accounts:
        seed = ctx.seeds.get(account.id)
        if isinstance(seed, TotpSeed) and seed.bits < RECOMMENDED_BITS:
            yield finding(
                ID,
                CATALOG[ID].severity,
                [account.id],
                f"The TOTP seed stored for {account.id} holds {seed.bits} bits; {RECOMMENDED_BITS} "
                "or more is the standard (RFC 4226)",
                f"Turn the authenticator off and on again on {account.platform_name} to get a new, "
                "longer seed, and store it.",
            )
