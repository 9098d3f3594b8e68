"""The checks: one module per check, each holding one `Check` record, registered here.

`CHECKS` is the catalog (SPEC §3, plus the checks added since), in catalog order: `store-audit
checks`, SARIF rules and the engine all read it. Adding a check is one module and one line here;
tests/test_registry.py fails when a check and the catalog table (auditor/data/catalog.md)
disagree.
"""

from __future__ import annotations

from auditor.checks import (
    access_departed,
    access_primary_login_shared,
    access_tool_trusted_device,
    email_invalid,
    email_lookalike,
    email_recovery_is_login,
    email_shared_login,
    email_totp_label_mismatch,
    email_typo_domain,
    email_unaudited_mailbox,
    mfa_few_backup_codes,
    mfa_impossible_record,
    mfa_missing,
    mfa_no_backup_codes,
    mfa_no_backup_method,
    mfa_phone_at_risk,
    mfa_shared_phone,
    mfa_sms_only,
    mfa_totp_invalid,
    mfa_totp_weak_seed,
    mfa_unknown,
    password_breached,
    password_contains_identity,
    password_known_to_departed,
    password_missing,
    password_reused,
    password_similar,
    password_stale,
    password_weak,
    payout_exposed,
    recovery_answers_missing,
    recovery_answers_reused,
    recovery_unreachable,
    recovery_weak_link,
)
from auditor.checks.check import ActionFacts, Check, CheckFunction, Fix, WhyStep
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.vocabulary import Severity

CHECKS: dict[str, Check] = {
    check.id: check
    for check in (
        email_shared_login.CHECK,
        email_typo_domain.CHECK,
        email_lookalike.CHECK,
        email_invalid.CHECK,
        email_recovery_is_login.CHECK,
        email_unaudited_mailbox.CHECK,
        email_totp_label_mismatch.CHECK,
        password_missing.CHECK,
        password_reused.CHECK,
        password_similar.CHECK,
        password_weak.CHECK,
        password_contains_identity.CHECK,
        password_breached.CHECK,
        password_stale.CHECK,
        mfa_missing.CHECK,
        mfa_unknown.CHECK,
        mfa_sms_only.CHECK,
        mfa_shared_phone.CHECK,
        mfa_totp_invalid.CHECK,
        mfa_totp_weak_seed.CHECK,
        recovery_weak_link.CHECK,
        mfa_no_backup_codes.CHECK,
        mfa_few_backup_codes.CHECK,
        recovery_unreachable.CHECK,
        access_primary_login_shared.CHECK,
        access_departed.CHECK,
        password_known_to_departed.CHECK,
        mfa_phone_at_risk.CHECK,
        access_tool_trusted_device.CHECK,
        recovery_answers_reused.CHECK,
        recovery_answers_missing.CHECK,
        mfa_impossible_record.CHECK,
        mfa_no_backup_method.CHECK,
        payout_exposed.CHECK,
    )
}
"""Check id → its record, in catalog order."""

__all__ = [
    "CHECKS",
    "ActionFacts",
    "AuditContext",
    "Check",
    "CheckFunction",
    "Finding",
    "Fix",
    "Severity",
    "WhyStep",
    "join_names",
]
