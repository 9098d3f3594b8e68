"""Who signs in where: for every mailbox, the accounts that sign in with it and those that
recover through it; for every phone, what it receives; for every account, its sign-in page,
login, where its codes go and how many backup codes are stored. The picture a multi-store seller
lacks, built from the inventory and the keyring's counts; it holds no secret."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from auditor.checks.context import AuditContext
from auditor.i18n import N_, _, pgettext
from auditor.inventory import Account, pages
from auditor.inventory.emails import is_address
from auditor.inventory.phone_numbers import phone_key
from auditor.report.people_map import PersonRow, people_rows, phone_owner


@dataclass(frozen=True)
class MailboxRow:
    """One mailbox, however many spellings of it the inventory uses."""

    address: str
    """The mailbox as the inventory first writes it."""
    account: str | None
    """The inventory's account for the mailbox itself, if any."""
    signs_in: tuple[str, ...]
    """Accounts whose login it is."""
    recovers: tuple[str, ...]
    """Accounts whose recovery email it is."""


UNRECORDED = N_("a phone not recorded (set mfa_phone)")
"""How a map names the phone of sms and voice accounts that record no number (in English;
`unrecorded()` in the run's language)."""


def shown_role(role: str) -> str:
    """A person's role as the map lists it: the inventory's id in English (`virtual-assistant`),
    the role's name in Chinese."""
    return {
        "owner": pgettext("role as the inventory writes it", "owner"),
        "staff": pgettext("role as the inventory writes it", "staff"),
        "virtual-assistant": pgettext("role as the inventory writes it", "virtual-assistant"),
        "agency": pgettext("role as the inventory writes it", "agency"),
        "tool": pgettext("role as the inventory writes it", "tool"),
    }.get(role, role)


def unrecorded() -> str:
    """UNRECORDED in the run's language."""
    return _(UNRECORDED)


@dataclass(frozen=True)
class PhoneRow:
    """One phone number and the accounts whose codes it receives."""

    phone: str | None
    """The number as the inventory first writes it; None for the sms and voice accounts that
    record no number (`mfa_phone`), which are listed together so none looks phone-free."""
    receives: tuple[str, ...]
    """Accounts that send their sms or voice codes to it."""
    held_by: str | None = None
    """Whose it is and what kind of line (`li-wei, prepaid`), when `[[phones]]` says."""


@dataclass(frozen=True)
class AccountRow:
    """One account: where and how to get in."""

    id: str
    """The account id."""
    platform: str
    """The platform's name, with the region when there is one."""
    sign_in: str | None
    """The sourced sign-in page for its region, if store-audit has one."""
    login: str
    """The login to type."""
    codes: str
    """Where its second-factor codes go, in a few words."""
    backup_codes: int
    """How many backup codes are stored."""


@dataclass(frozen=True)
class SignInMap:
    """The whole picture."""

    mailboxes: tuple[MailboxRow, ...]
    """Every mailbox the inventory names, in the order it first does."""
    phones: tuple[PhoneRow, ...]
    """Every phone that receives codes."""
    accounts: tuple[AccountRow, ...]
    """Every account, in inventory order."""
    people: tuple[PersonRow, ...] = ()
    """Every person of `[[people]]` and the accounts they can get into."""


def where_codes_go(account: Account) -> str:
    """A few words: "app", "sms to …0000", "email to a@b.c"."""
    digits = "".join(ch for ch in account.mfa_phone or "" if ch.isdigit())
    last = digits[-4:]
    words = {
        "sms": _("sms to …{digits}") if last else _("sms"),
        "voice": _("voice call to …{digits}") if last else _("voice call"),
        "email": _("email to {address}"),
        "totp": _("authenticator app"),
        "push": _("prompt on a phone"),
        "security-key": _("security key"),
        "passkey": _("passkey"),
        "none": _("no 2FA"),
        "unknown": pgettext("2FA method", "unknown"),
    }
    return words.get(account.mfa, account.mfa).format(digits=last, address=account.login)


def build_map(context: AuditContext) -> SignInMap:
    """The map of every account in the inventory."""
    spelled: dict[str, str] = {}
    uses: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"login": [], "recovery": []})
    phones: dict[str, list[Account]] = defaultdict(list)
    country = context.inventory.seller.country
    for account in context.accounts:
        for field, address in account.addresses:
            if not is_address(address):
                continue
            key = context.mailbox_key(address)
            spelled.setdefault(key, address)
            if not (account.kind == "mailbox" and field == "login"):
                uses[key]["login" if field == "login" else "recovery"].append(account.id)
        if account.mfa in ("sms", "voice"):
            key = phone_key(account.mfa_phone, country) if account.mfa_phone else ""
            phones[key].append(account)
    mailboxes = tuple(
        MailboxRow(
            spelled[key],
            box.id if (box := context.mailbox_account_for(spelled[key])) else None,
            tuple(uses[key]["login"]),
            tuple(uses[key]["recovery"]),
        )
        for key in spelled
    )
    return SignInMap(
        mailboxes,
        tuple(
            PhoneRow(
                group[0].mfa_phone if key else None,
                tuple(a.id for a in group),
                phone_owner(context, group[0].mfa_phone) if key else None,
            )
            for key, group in sorted(phones.items(), key=lambda item: not item[0])
        ),
        tuple(_row(context, account) for account in context.accounts),
        people_rows(context),
    )


def _row(context: AuditContext, account: Account) -> AccountRow:
    page = pages.sign_in_page(account.platform, account.region)
    platform = account.place
    return AccountRow(
        account.id,
        platform,
        page.url if page else None,
        account.login,
        where_codes_go(account),
        context.secrets.backup_codes(account.id),
    )
