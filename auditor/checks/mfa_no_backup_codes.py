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
from auditor.i18n import N_, _, ngettext
from auditor.inventory import Account, pages, platforms
from auditor.inventory.second_factors import backup_codes_step, either, other_strong_methods
from auditor.vocabulary import Severity, shown_kind

DEVICE_BOUND = {
    "sms": N_("gets its codes by text message to {phone}"),
    "voice": N_("gets its codes by phone call to {phone}"),
    "totp": N_("gets its codes from an authenticator app on one phone"),
    "push": N_("confirms sign-ins with a prompt on one phone"),
    "security-key": N_("signs in with a security key"),
    "passkey": N_("signs in with a passkey"),
}
"""The second factors that live on one device, and how a sentence names them. Email codes are
left out: they follow the mailbox, whose own lock-out is reported on the mailbox."""


def lost_device(account: Account) -> str:
    """What losing the one device means, in the account's own terms."""
    if account.mfa == "security-key":
        return _("lose that security key")
    if account.mfa == "passkey":
        return _("lose that passkey")
    if account.mfa in ("sms", "voice"):
        return _("lose that phone or its number")
    return _("lose that phone")


def find_no_backup_codes(context: AuditContext) -> Iterator[Finding]:
    """Accounts whose second factor lives on one device and that have no backup codes stored."""
    for account in context.reported_accounts:
        if account.mfa not in DEVICE_BOUND or context.secrets.backup_codes(account.id):
            continue
        codes = platforms.offers(account.platform, platforms.BACKUP_CODES)
        if account.mfa_backup or codes is False:
            continue  # a second way in is recorded, or the platform has no codes to save
        dependents = sorted(context.dependents(account.id))
        how = _(DEVICE_BOUND[account.mfa]).format(phone=account.mfa_phone or _("one phone number"))
        if not dependents:
            message = _(
                "{id} ({platform} {kind}) {how} and no backup codes are stored: every way in runs "
                "through that one device; {lose} and you are locked out"
            )
        else:
            message = ngettext(
                "{id} ({platform} {kind}) {how} and no backup codes are stored: every way in runs "
                "through that one device; {lose} and you are locked out, and out of {accounts}, "
                "which signs in or recovers through it",
                "{id} ({platform} {kind}) {how} and no backup codes are stored: every way in runs "
                "through that one device; {lose} and you are locked out, and out of {accounts}, "
                "which sign in or recover through it",
                len(dependents),
            )
        high = account.kind == "payment" or (account.kind == "mailbox" and dependents)
        yield CHECK.finding(
            [account.id],
            message.format(
                id=account.id,
                platform=account.platform_name,
                kind=shown_kind(account.kind),
                how=how,
                lose=lost_device(account),
                accounts=join_names(dependents),
            ),
            _("{codes}; and {second}, so one lost device is not the only way in.").format(
                codes=_capital(backup_codes_step(account) or ""), second=_second_factor(account)
            ),
            severity=Severity.HIGH if high else CHECK.severity,
        )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _second_factor(account: Account) -> str:
    """Passkeys first where the platform's own page says it offers them; else the catalog's
    other strong methods; else where to look, naming nothing the catalog does not list."""
    page = pages.topic_page(account.platform, "passkeys")
    if page and account.mfa != "passkey":
        return _("add a passkey ({platform} offers them: {url})").format(
            platform=account.platform_name, url=page.url
        )
    others = other_strong_methods(account)
    if others:
        return _("add {methods} as a second method").format(methods=either(others[:2]))
    return _("check {place} for a second method to add").format(
        place=platforms.settings_place(account.platform)
    )


def _action(facts: ActionFacts) -> str:
    account = facts.accounts.get(facts.first)
    if account is None:
        return _("Give {who} a second way in").format(who=facts.who)
    offered = platforms.offers(account.platform, platforms.BACKUP_CODES)
    others = other_strong_methods(account)
    if pages.topic_page(account.platform, "passkeys") and account.mfa != "passkey":
        second = _("a passkey")
    else:
        second = _(others[0]) if others else ""
    if offered:
        action = (
            _("Save backup codes for {who} and add {second}")
            if second
            else _("Save backup codes for {who}")
        )
    else:
        action = (
            _("Find out whether {platform} issues backup codes for {who} and add {second}")
            if second
            else _("Find out whether {platform} issues backup codes for {who}")
        )
    return action.format(who=facts.who, platform=account.platform_name, second=second)


CHECK = Check(
    id="mfa.no-backup-codes",
    severity=Severity.MEDIUM,
    fires_when=N_(
        "2FA is on (sms, voice, totp, push, security-key or passkey) and no backup codes are "
        "stored: lose the phone and the account is gone"
    ),
    advice=N_(
        "Store the platform's backup codes (`set-secret ID --backup-codes`) where it issues "
        "them, and add a second method its catalog entry lists."
    ),
    severity_note=N_("high for a payment account or a mailbox others sign in or recover through"),
    run=find_no_backup_codes,
    fix=Fix.OWN,
    action=_action,
)
