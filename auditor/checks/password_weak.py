"""password.weak: a password zxcvbn or the habits of Chinese-speaking users guess quickly, or
shorter than the policy allows (the rule itself: auditor/strength/verdict.py)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.strength import MAX_SCORED_LENGTH, Strength, Weakness
from auditor.vocabulary import Severity


def find_weak_passwords(context: AuditContext) -> Iterator[Finding]:
    """Score each password with the account's names as hints; report the score and why."""
    for account in context.reported_accounts:
        if not context.strength_matters(account):
            continue
        strength = context.strength(account)
        weak = context.weakness(account)
        if strength is None or weak is None:
            continue
        yield CHECK.finding(
            [account.id],
            f"{account.id}'s password is weak: {_reasons(strength, weak)}",
            f"Change the {account.platform_name} password to a unique generated one of 16 or more "
            "characters, from a password manager.",
        )


def _reasons(strength: Strength, weak: Weakness) -> str:
    """Why, in words: the score, the length rule, and what made the score (the habit a password
    is built on, or zxcvbn's warning). zxcvbn's suggestions ("Add another word or two") are for
    passwords people choose; the advice here is a generated one, so they are left out."""
    scorer = "zxcvbn scores it" if strength.score == strength.zxcvbn_score else "it scores"
    reasons = [f"{scorer} {weak.score} of 4"]
    if weak.min_score is not None:
        reasons[0] += f" (the policy asks for {weak.min_score})"
    if weak.min_length is not None:
        reasons.append(f"it is shorter than the policy's {weak.min_length} characters")
    said = " and ".join(reasons)
    if strength.habit:
        said += f". It is built on {strength.habit}"
    elif strength.warning:
        said += f". zxcvbn: {strength.warning.rstrip('.')}"
    if strength.truncated:
        said += f" (only its first {MAX_SCORED_LENGTH} characters were scored)"
    return said


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
