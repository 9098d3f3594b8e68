"""The check ids, in catalog order: what an inventory's `ignore` entries may name. Generated
from the checks' own records (auditor.checks.CHECKS) by tests/test_catalog.py, so that reading
an inventory does not load the checks; do not edit by hand."""

CHECK_IDS = (
    "email.shared-login",
    "email.typo-domain",
    "email.lookalike",
    "email.invalid",
    "email.recovery-is-login",
    "email.unaudited-mailbox",
    "email.totp-label-mismatch",
    "password.missing",
    "password.reused",
    "password.similar",
    "password.weak",
    "password.contains-identity",
    "password.breached",
    "password.stale",
    "mfa.missing",
    "mfa.unknown",
    "mfa.sms-only",
    "mfa.shared-phone",
    "mfa.totp-invalid",
    "mfa.totp-weak-seed",
    "recovery.weak-link",
    "mfa.no-backup-codes",
    "mfa.few-backup-codes",
    "recovery.unreachable",
)
