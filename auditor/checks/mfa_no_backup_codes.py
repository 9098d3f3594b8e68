"""mfa.no-backup-codes: 2FA is on and no backup codes are stored, so every way into the account
runs through one device: lose the phone (or the key) and the account is gone. A seller with one
phone is told what fits them: backup codes, and a second factor such as a security key or a
passkey, never "get a second phone"."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.checks.findings import Finding, join_names
from auditor.inventory import Account, pages
from auditor.vocabulary import Severity

DEVICE_BOUND = {
    "sms": "gets its codes by text message to {phone}",
    "voice": "gets its codes by phone call to {phone}",
    "totp": "gets its codes from an authenticator app on one phone",
    "push": "confirms sign-ins with a prompt on one phone",
    "security-key": "signs in with a security key",
    "passkey": "signs in with a passkey",
}
"""The second factors that live on one device, and how a sentence names them. Email codes are
left out: they follow the mailbox, whose own lock-out is reported on the mailbox."""


def lost_device(account: Account) -> str:
    """What losing the one device means, in the account's own terms."""
    if account.mfa in ("security-key", "passkey"):
        return f"lose that {account.mfa.replace('-', ' ')}"
    if account.mfa in ("sms", "voice"):
        return "lose that phone or its number"
    return "lose that phone"


def find_no_backup_codes(context: AuditContext) -> Iterator[Finding]:
    """Accounts whose second factor lives on one device and that have no backup codes stored."""
    for account in context.reported_accounts:
        if account.mfa not in DEVICE_BOUND or context.secrets.backup_codes(account.id):
            continue
        dependents = sorted(context.dependents(account.id))
        how = DEVICE_BOUND[account.mfa].format(phone=account.mfa_phone or "one phone number")
        message = (
            f"{account.id} ({account.platform_name} {account.kind}) {how} and no backup codes "
            f"are stored: every way in runs through that one device; {lost_device(account)} "
            "and you are locked out"
        )
        if dependents:
            verb = "signs in or recovers" if len(dependents) == 1 else "sign in or recover"
            message += f", and out of {join_names(dependents)}, which {verb} through it"
        high = account.kind == "payment" or (account.kind == "mailbox" and dependents)
        yield CHECK.finding(
            [account.id],
            message,
            f"Generate backup codes in {account.platform_name}'s security settings (if it "
            f"issues them), keep them offline and store them with `store-audit set-secret "
            f"{account.id} --backup-codes`; and {_second_factor(account)}, so one lost device "
            "is not the only way in.",
            severity=Severity.HIGH if high else CHECK.severity,
        )


def _second_factor(account: Account) -> str:
    """Passkeys first where the platform's own page says it offers them."""
    page = pages.topic_page(account.platform, "passkeys")
    if page and account.mfa != "passkey":
        return f"add a passkey ({account.platform_name} offers them: {page.url})"
    return "add a second factor, such as a security key or a passkey, if the platform offers one"


def _action(facts: ActionFacts) -> str:
    return f"Save backup codes for {facts.who} and add a second factor (security key or passkey)"


CHECK = Check(
    id="mfa.no-backup-codes",
    severity=Severity.MEDIUM,
    fires_when=(
        "2FA is on (sms, voice, totp, push, security-key or passkey) and no backup codes are "
        "stored: lose the phone and the account is gone"
    ),
    advice=(
        "Store the platform's backup codes (`set-secret ID --backup-codes`) and add a second "
        "factor, such as a security key or a passkey."
    ),
    severity_note="high for a payment account or a mailbox others sign in or recover through",
    run=find_no_backup_codes,
    fix=Fix.OWN,
    action=_action,
)
