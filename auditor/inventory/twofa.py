"""The per-platform 2FA model of the catalog (platforms.toml `[<platform>.twofa]`): whether the
platform makes 2FA compulsory, whether its method list is complete, whether it requires a
backup method, whether it issues backup codes and how an account comes back when every method
is lost. Every claim is the URL of the page that says so; an absent claim is unknown, and
advice then tells the seller what to check instead of guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

BACKUP_CODES = "backup-codes"
"""The feature name `Platform.offers` takes for one-time backup codes."""


@dataclass(frozen=True)
class TwoFactor:
    """What one platform's two-step verification allows, each claim with its source."""

    required: str | None = None
    """The page saying every account must have 2FA on (Seller Central since 2017)."""
    methods_complete: str | None = None
    """The page listing every method the platform offers: what `mfa` leaves out is not."""
    backup_method: str | None = None
    """The page saying a backup method is required, one of the two a phone, on another number."""
    backup_codes: str | None = None
    """The page saying the platform issues one-time backup codes."""
    recovery: str | None = None
    """How an account comes back when every method is lost, in a few words."""
    recovery_source: str | None = None
    """The page that says so."""

    @property
    def sources(self) -> dict[str, str]:
        """Claim → source URL, for the claims the catalog makes."""
        claims = {
            "required": self.required,
            "methods_complete": self.methods_complete,
            "backup_method": self.backup_method,
            "backup_codes": self.backup_codes,
            "recovery": self.recovery_source,
        }
        return {claim: url for claim, url in claims.items() if url}


def parse(table: Mapping[str, Any]) -> TwoFactor:
    """The `[<platform>.twofa]` table as a record (unknown keys are a catalog bug: KeyError)."""
    known = set(TwoFactor.__dataclass_fields__)
    unknown = set(table) - known
    if unknown:
        raise KeyError(f"platforms.toml twofa: unknown keys {sorted(unknown)}")
    return TwoFactor(**dict(table))
