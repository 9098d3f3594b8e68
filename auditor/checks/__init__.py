"""The check registry: catalog id → the function that runs it.

Adding a check is one module and one line here. `tests/test_registry.py` fails when a catalog id
(SPEC §3) has no check or a check has no catalog entry.
"""

from __future__ import annotations

from auditor.checks.context import AuditContext, CheckFunction
from auditor.checks.email_invalid import find_invalid_addresses
from auditor.checks.email_lookalike import find_lookalikes
from auditor.checks.email_recovery_is_login import find_recovery_is_login
from auditor.checks.email_shared_login import find_shared_logins
from auditor.checks.email_totp_label_mismatch import find_label_mismatches
from auditor.checks.email_typo_domain import find_typo_domains
from auditor.checks.email_unaudited_mailbox import find_unaudited_mailboxes
from auditor.checks.mfa_missing import find_missing_mfa
from auditor.checks.mfa_shared_phone import find_shared_phones
from auditor.checks.mfa_sms_only import find_sms_only
from auditor.checks.mfa_totp_invalid import find_invalid_seeds
from auditor.checks.mfa_totp_weak_seed import find_weak_seeds
from auditor.checks.mfa_unknown import find_unknown_mfa
from auditor.checks.password_breached import find_breached_passwords
from auditor.checks.password_contains_identity import find_identity_in_passwords
from auditor.checks.password_missing import find_missing_passwords
from auditor.checks.password_reused import find_reused_passwords
from auditor.checks.password_similar import find_similar_passwords
from auditor.checks.password_stale import find_stale_passwords
from auditor.checks.password_weak import find_weak_passwords
from auditor.checks.recovery_weak_link import find_weak_links

CHECKS: dict[str, CheckFunction] = {
    "email.shared-login": find_shared_logins,
    "email.typo-domain": find_typo_domains,
    "email.lookalike": find_lookalikes,
    "email.invalid": find_invalid_addresses,
    "email.recovery-is-login": find_recovery_is_login,
    "email.unaudited-mailbox": find_unaudited_mailboxes,
    "email.totp-label-mismatch": find_label_mismatches,
    "password.missing": find_missing_passwords,
    "password.reused": find_reused_passwords,
    "password.similar": find_similar_passwords,
    "password.weak": find_weak_passwords,
    "password.contains-identity": find_identity_in_passwords,
    "password.breached": find_breached_passwords,
    "password.stale": find_stale_passwords,
    "mfa.missing": find_missing_mfa,
    "mfa.unknown": find_unknown_mfa,
    "mfa.sms-only": find_sms_only,
    "mfa.shared-phone": find_shared_phones,
    "mfa.totp-invalid": find_invalid_seeds,
    "mfa.totp-weak-seed": find_weak_seeds,
    "recovery.weak-link": find_weak_links,
}

NEEDS_STRENGTH = frozenset({"password.weak", "recovery.weak-link"})
"""Checks that wait for password scores; the engine runs them last, so that the other checks
run while worker processes score."""

__all__ = ["CHECKS", "NEEDS_STRENGTH", "AuditContext", "CheckFunction"]
