"""password.weak: a password zxcvbn can guess quickly, or shorter than the policy allows."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.checks.strength import MAX_SCORED_LENGTH
from auditor.findings import Finding
from auditor.vocabulary import Severity


def find_weak_passwords(context: AuditContext) -> Iterator[Finding]:
    """Score each password with the account's names as hints; report score and zxcvbn's advice."""
    policy = context.inventory.policy
    for account in context.reported_accounts:
        if not context.strength_matters(account):
            continue
        strength = context.strength(account)
        if strength is None or not context.is_weak(account):
            continue
        reasons = []
        if strength.score < policy.min_password_score:
            reasons.append(
                f"zxcvbn scores it {strength.score} of 4 (the policy asks for "
                f"{policy.min_password_score})"
            )
        else:
            reasons.append(f"zxcvbn scores it {strength.score} of 4")
        password = context.secrets.password(account.id)
        if password is not None and len(password.reveal()) < policy.min_password_length:
            reasons.append(
                f"it is shorter than the policy's {policy.min_password_length} characters"
            )
        message = f"{account.id}'s password is weak: {' and '.join(reasons)}"
        if strength.warning:
            message += f". zxcvbn: {strength.warning.rstrip('.')}"
        if strength.truncated:
            message += f" (only its first {MAX_SCORED_LENGTH} characters were scored)"
        # zxcvbn's suggestions ("Add another word or two") are for passwords people choose; the
        # advice here is a generated one, so only its warning (in the message) is kept.
        yield CHECK.finding(
            [account.id],
            message,
            f"Change the {account.platform_name} password to a unique generated one of 16 or more "
            "characters, from a password manager.",
        )


CHECK = Check(
    id="password.weak",
    severity=Severity.HIGH,
    fires_when=("zxcvbn score below policy, or shorter than policy, with zxcvbn's own feedback"),
    advice="Change it to a unique generated password of 16 or more characters.",
    run=find_weak_passwords,
    fix=Fix.PASSWORD,
    action=change_passwords,
    weakens_mailbox=True,
    needs_strength=True,
)
