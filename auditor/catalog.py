"""The check catalog of SPEC §3: stable ids, default severities and when each fires.

Users write these ids in `ignore` entries; reports and baselines key findings by them. The code
that runs each check is registered under the same id in `auditor.checks.CHECKS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.severity import Severity


@dataclass(frozen=True)
class CatalogEntry:
    """One check as users see it."""

    id: str
    """Stable id, such as `password.reused`."""
    severity: Severity
    """Default severity; context can raise it (see `severity_note`)."""
    fires_when: str
    """One sentence: what makes it fire."""
    severity_note: str = ""
    """When the severity is raised above the default."""


_H, _M, _L, _C = Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.CRITICAL

CATALOG: dict[str, CatalogEntry] = {
    entry.id: entry
    for entry in (
        CatalogEntry(
            "email.shared-login",
            _H,
            "two or more accounts on the same platform sign in with the same mailbox",
        ),
        CatalogEntry(
            "email.typo-domain",
            _H,
            "a login or recovery domain is a near miss of a well-known provider or of a "
            "seller domain",
        ),
        CatalogEntry(
            "email.lookalike",
            _H,
            "an address mixes scripts or holds look-alike or invisible characters",
        ),
        CatalogEntry(
            "email.invalid",
            _M,
            "a login or recovery value meant as an address is not a valid address",
        ),
        CatalogEntry(
            "email.recovery-is-login", _M, "the recovery email is the login mailbox itself"
        ),
        CatalogEntry(
            "email.unaudited-mailbox",
            _L,
            "a login or recovery mailbox is not in the inventory, so its strength is unknown",
        ),
        CatalogEntry(
            "email.totp-label-mismatch",
            _M,
            "the stored otpauth URI names another account or address than the login",
        ),
        CatalogEntry("password.missing", _H, "no password for the account in the keyring"),
        CatalogEntry(
            "password.reused",
            _H,
            "the same password on two or more accounts",
            "critical when a mailbox or payment account is among them",
        ),
        CatalogEntry(
            "password.similar",
            _M,
            "near-variants of one password (case, digits, symbols, platform or store "
            "names swapped)",
        ),
        CatalogEntry("password.weak", _H, "zxcvbn score below policy, or shorter than policy"),
        CatalogEntry(
            "password.contains-identity",
            _M,
            "the password holds the store, platform, or login name",
        ),
        CatalogEntry("password.breached", _C, "found in a Pwned Passwords corpus (--hibp-file)"),
        CatalogEntry("password.stale", _L, "older than the policy's max_password_age_days"),
        CatalogEntry(
            "mfa.missing",
            _H,
            'mfa = "none"',
            "critical for a mailbox or payment account, or one others depend on",
        ),
        CatalogEntry("mfa.unknown", _M, 'mfa = "unknown"'),
        CatalogEntry(
            "mfa.sms-only", _M, "sms or voice only, where the platform offers an app or key"
        ),
        CatalogEntry(
            "mfa.shared-phone", _M, "one phone number receives codes for several accounts"
        ),
        CatalogEntry(
            "mfa.totp-invalid", _H, "a stored TOTP seed cannot generate codes (bad base32, bad URI)"
        ),
        CatalogEntry("mfa.totp-weak-seed", _L, "a stored TOTP seed holds under 128 bits"),
        CatalogEntry(
            "recovery.weak-link",
            _C,
            "a login or recovery mailbox in the inventory lacks 2FA or has a weak or "
            "reused password",
        ),
    )
}

NOT_YET_AVAILABLE = frozenset({"password.breached"})
"""Catalog ids this version cannot run yet; `store-audit checks` says so."""
