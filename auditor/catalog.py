"""The check catalog of SPEC §3: stable ids, default severities, when each fires, what to do.

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
    advice: str
    """What to do about it, for help texts (SARIF rules, HTML)."""
    severity_note: str = ""
    """When the severity is raised above the default."""
    across_accounts: bool = False
    """Whether it compares accounts with each other (reuse, shared mailboxes) rather than
    judging one account alone; JUnit reports these as inventory-wide test cases."""
    needs: str = ""
    """What it needs beyond the inventory and keyring, when it cannot always run."""


_H, _M, _L, _C = Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.CRITICAL

CATALOG: dict[str, CatalogEntry] = {
    entry.id: entry
    for entry in (
        CatalogEntry(
            "email.shared-login",
            _H,
            "two or more accounts on the same platform sign in with the same mailbox",
            "Give each store on a platform its own login mailbox and note which mailbox signs in "
            "where; a mix-up locks sellers out, and one stolen mailbox opens every store on it.",
            across_accounts=True,
        ),
        CatalogEntry(
            "email.typo-domain",
            _H,
            "a login or recovery domain is a near miss of a well-known provider or of a seller "
            "domain",
            "Correct the address on the platform and in the inventory: codes and password resets "
            "sent to a misspelt domain reach a stranger or nobody.",
        ),
        CatalogEntry(
            "email.lookalike",
            _H,
            "an address mixes scripts or holds look-alike or invisible characters",
            "Retype the address by hand on the platform and in the inventory; a look-alike "
            "character delivers mail to a different mailbox.",
        ),
        CatalogEntry(
            "email.invalid",
            _M,
            "a login or recovery value meant as an address is not a valid address",
            "Correct the address; a password reset sent to it would never arrive.",
        ),
        CatalogEntry(
            "email.recovery-is-login",
            _M,
            "the recovery email is the login mailbox itself",
            "Set a recovery email on a different mailbox that has its own 2FA.",
        ),
        CatalogEntry(
            "email.unaudited-mailbox",
            _L,
            "a login or recovery mailbox is not in the inventory, so its strength is unknown",
            'Add the mailbox to the inventory (kind = "mailbox") and store its password so its '
            "2FA and password are audited too.",
            across_accounts=True,
        ),
        CatalogEntry(
            "email.totp-label-mismatch",
            _M,
            "the stored otpauth URI names another account or address than the login",
            "Store the authenticator seed that belongs to this account; another account's seed "
            "gives codes that never match.",
        ),
        CatalogEntry(
            "password.missing",
            _H,
            "no password for the account in the keyring",
            "Store the password with `store-audit set-secret ID`; if nobody knows it, reset it "
            'with the platform\'s "Forgot password" first.',
        ),
        CatalogEntry(
            "password.reused",
            _H,
            "the same password on two or more accounts",
            "Give each account its own generated password, mailboxes and payment accounts first.",
            "critical when a mailbox or payment account is among them",
            across_accounts=True,
        ),
        CatalogEntry(
            "password.similar",
            _M,
            "near-variants of one password (case, digits, symbols, platform or store names "
            "swapped)",
            "Replace the variants with unrelated generated passwords; a new year or platform "
            "name on the same base is not a new password.",
            across_accounts=True,
        ),
        CatalogEntry(
            "password.weak",
            _H,
            "zxcvbn score below policy, or shorter than policy",
            "Change it to a unique generated password of 16 or more characters.",
        ),
        CatalogEntry(
            "password.contains-identity",
            _M,
            "the password holds the store, platform, or login name",
            "Change it to a generated password unrelated to the store, platform and login.",
        ),
        CatalogEntry(
            "password.breached",
            _C,
            "found in a Pwned Passwords corpus",
            "Change it now, everywhere it is used: breached passwords are tried first.",
            needs="--hibp-file or --hibp-online",
        ),
        CatalogEntry(
            "password.stale",
            _L,
            "older than the policy's max_password_age_days",
            "Change it and record the date in password_changed.",
        ),
        CatalogEntry(
            "mfa.missing",
            _H,
            'mfa = "none"',
            "Turn on two-step verification with an authenticator app or a security key.",
            "critical for a mailbox or payment account, or one others depend on",
        ),
        CatalogEntry(
            "mfa.unknown",
            _M,
            'mfa = "unknown"',
            "Check the account's security settings and record its 2FA in the inventory.",
        ),
        CatalogEntry(
            "mfa.sms-only",
            _M,
            "sms or voice only, where the platform offers an app or key",
            "Switch to an authenticator app or a security key; text codes are lost with the "
            "phone and stolen by SIM swaps.",
        ),
        CatalogEntry(
            "mfa.shared-phone",
            _M,
            "one phone number receives codes for several accounts",
            "Move the accounts to an authenticator app so no single number unlocks them all.",
            across_accounts=True,
        ),
        CatalogEntry(
            "mfa.totp-invalid",
            _H,
            "a stored TOTP seed cannot generate codes (bad base32, bad URI)",
            "Re-enrol the authenticator and store the new seed with "
            "`store-audit set-secret ID --totp`.",
        ),
        CatalogEntry(
            "mfa.totp-weak-seed",
            _L,
            "a stored TOTP seed holds under 128 bits",
            "Turn the authenticator off and on again to get a new, longer seed.",
        ),
        CatalogEntry(
            "recovery.weak-link",
            _C,
            "a login or recovery mailbox in the inventory lacks 2FA or has a weak, reused or "
            "breached password",
            "Secure the mailbox first: app-based 2FA and a unique generated password; every "
            "account it can reset is only as strong as it is.",
            across_accounts=True,
        ),
    )
}
