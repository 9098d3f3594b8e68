"""mfa.no-backup-codes: 2FA is on and no backup codes are stored, so every way into the account
runs through one device: lose the phone (or the key) and the account is gone. A seller with one
phone is told what fits them: backup codes, and a second factor such as a security key or a
passkey, never "get a second phone". What it advises comes from the platform's catalog entry:
backup codes where it issues them, "check whether it does" where nobody knows, and no finding
at all where its complete method list has none (Seller Central keeps a backup method instead:
mfa.no-backup-method) or where the inventory records a backup method."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import ActionFacts, Check, Fix
from auditor.checks.context import AuditContext
from auditor.findings import Finding, join_names
from auditor.inventory import Account, pages, platforms
from auditor.inventory.second_factors import backup_codes_step, either, other_strong_methods
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
        codes = platforms.offers(account.platform, platforms.BACKUP_CODES)
        if account.mfa_backup or codes is False:
            continue  # a second way in is recorded, or the platform has no codes to save
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
            f"{_capital(backup_codes_step(account) or '')}; and {_second_factor(account)}, so "
            "one lost device is not the only way in.",
            severity=Severity.HIGH if high else CHECK.severity,
        )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _second_factor(account: Account) -> str:
    """Passkeys first where the platform's own page says it offers them; else the catalog's
    other strong methods; else where to look, naming nothing the catalog does not list."""
    page = pages.topic_page(account.platform, "passkeys")
    if page and account.mfa != "passkey":
        return f"add a passkey ({account.platform_name} offers them: {page.url})"
    others = other_strong_methods(account)
    if others:
        return f"add {either(others[:2])} as a second method"
    where = platforms.security_settings(account.platform).removeprefix("in ")
    return f"check {where} for a second method to add"


def _action(facts: ActionFacts) -> str:
    account = facts.accounts.get(facts.first)
    if account is None:
        return f"Give {facts.who} a second way in"
    offered = platforms.offers(account.platform, platforms.BACKUP_CODES)
    first = (
        f"Save backup codes for {facts.who}"
        if offered
        else f"Find out whether {account.platform_name} issues backup codes for {facts.who}"
    )
    others = other_strong_methods(account)
    if pages.topic_page(account.platform, "passkeys") and account.mfa != "passkey":
        return f"{first} and add a passkey"
    return f"{first} and add {others[0]}" if others else first


CHECK = Check(
    id="mfa.no-backup-codes",
    severity=Severity.MEDIUM,
    fires_when=(
        "2FA is on (sms, voice, totp, push, security-key or passkey) and no backup codes are "
        "stored: lose the phone and the account is gone"
    ),
    advice=(
        "Store the platform's backup codes (`set-secret ID --backup-codes`) where it issues "
        "them, and add a second method its catalog entry lists."
    ),
    severity_note="high for a payment account or a mailbox others sign in or recover through",
    run=find_no_backup_codes,
    fix=Fix.OWN,
    action=_action,
)
