"""The ways back in that a platform's own pages describe, for `why`'s "Right code?" step: where
"Didn't receive the code?" sends the code (Seller Central's backup method), how an account comes
back when every method is lost, each with the page that says so, and whether backup codes are
worth mentioning at all. All of it read from the platform's 2FA model in the catalog."""

from __future__ import annotations

from auditor.i18n import _
from auditor.inventory import Account, pages, platforms


def _ending(phone: str | None) -> str:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if digits:
        return _("the phone ending in {digits}").format(digits=digits[-4:])
    return _("a phone (no number recorded)")


def _backup_where(account: Account) -> str:
    """Where the backup method sends its code, as the inventory records it."""
    ending = _ending(account.mfa_backup_phone)
    return {
        None: _("not recorded in the inventory (store-audit set {id} mfa_backup=...)").format(
            id=account.id
        ),
        "sms": _("a text message to {phone}").format(phone=ending),
        "voice": _("a phone call to {phone}").format(phone=ending),
        "totp": _("the authenticator app entry for {login}").format(login=account.login),
    }.get(account.mfa_backup, f"{account.mfa_backup}")


def backup_routes(account: Account) -> list[str]:
    """The platform's sourced routes past a missing code: the backup method, then recovery."""
    known = platforms.lookup(account.platform)
    if known is None:
        return []
    rules = known.twofa
    lines = []
    if rules.backup_method:
        lines.append(
            _(
                "no code? “Didn't receive the code?” on the code page sends it to the backup "
                "method: {where} (source: {source})"
            ).format(where=_backup_where(account), source=rules.backup_method)
        )
    if rules.recovery:
        page = pages.topic_page(account.platform, "mfa_recovery")
        line = (
            _("primary and backup both lost? {way} at {url} (source: {source})")
            if page
            else _("primary and backup both lost? {way} (source: {source})")
        )
        lines.append(
            line.format(
                way=_(rules.recovery), url=page.url if page else "", source=rules.recovery_source
            )
        )
    return lines


def backup_codes_line(account: Account, stored: int) -> str | None:
    """How many backup codes are stored; nothing where the platform issues none, and a warning
    where codes are stored for a platform that issues none (they cannot be its codes)."""
    issues_codes = platforms.offers(account.platform, platforms.BACKUP_CODES)
    if stored and issues_codes is False:
        return _(
            "backup codes stored: {count}, but {platform} issues none: they will not sign you in"
        ).format(count=stored, platform=platforms.display_name(account.platform))
    if stored:
        return _("backup codes stored: {count}").format(count=stored)
    if issues_codes is False:
        return None
    return _("no backup codes are stored")
