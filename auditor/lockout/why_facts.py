"""What `why` says of an account without asking anything: where its second-factor codes go (the
phone by its last digits, the mailbox, the authenticator entry, or that nothing is recorded),
which accounts share its unified login, and how a line about its mailboxes reads."""

from __future__ import annotations

from auditor.checks import AuditContext
from auditor.checks.context import one_seller_account
from auditor.i18n import N_, _
from auditor.inventory import Account


def where_codes_go_in_words(account: Account) -> str:
    """One sentence: `codes come by text message to the phone ending in 0000`."""
    phone = "".join(ch for ch in account.mfa_phone or "" if ch.isdigit())
    ending = (
        _("the phone ending in {digits}").format(digits=phone[-4:])
        if phone
        else _("a phone (no number recorded)")
    )
    where = {
        "none": _("no second step: the password alone signs in"),
        "sms": _("codes come by text message to {phone}").format(phone=ending),
        "voice": _("codes come by phone call to {phone}").format(phone=ending),
        "email": _("codes come by email to {address}").format(address=account.login),
        "totp": _("codes come from the authenticator app entry for {login}").format(
            login=account.login
        ),
        "push": _("sign-ins are confirmed with a prompt on your phone"),
        "security-key": _("sign-ins need the security key"),
        "passkey": _("sign-ins use the passkey on your device"),
        "unknown": _('the inventory does not say where its codes go (mfa = "unknown")'),
    }
    return where.get(account.mfa) or _("second factor: {method}").format(method=account.mfa)


MAILBOX_LINES = {
    True: (
        N_("login mailbox {address} is not in the inventory"),
        N_("login mailbox {address} is {id} (its second step: {codes})"),
    ),
    False: (
        N_("recovery mailbox {address} is not in the inventory"),
        N_("recovery mailbox {address} is {id} (its second step: {codes})"),
    ),
}
"""A login (True) or recovery mailbox: outside the inventory, and in it."""


def unified_group(account: Account, context: AuditContext) -> tuple[str, ...]:
    """The other accounts that sign in with this account's identical login to the same unified
    account (Amazon North America or Europe, `platforms.unified_group`), or to one merged global
    account (identical login and stored password, in any region): one sign-in serves them all,
    so they are most likely one seller account recorded once per marketplace."""
    group = account.unified_group
    return tuple(
        a.id
        for a in context.accounts
        if a.id != account.id
        and a.platform == account.platform
        and a.login.casefold() == account.login.casefold()
        and (
            (group is not None and a.unified_group == group)
            or one_seller_account([account, a], context.secrets)
        )
    )
