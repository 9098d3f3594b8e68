"""`store-audit set ID KEY=VALUE...`: change an account's non-secret fields without opening an
editor. The assignments are read, applied to the round-trip document (comments kept) and the
result is validated by the same loader the audit uses before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from auditor.errors import UsageError
from auditor.i18n import N_, _, listed
from auditor.inventory import Account, platforms
from auditor.inventory.editing import InventoryDocument
from auditor.inventory.people import ACCESS_KEYS as PEOPLE_LISTS
from auditor.suggest import closest, did_you_mean, no_account
from auditor.visible import visible_line

SETTABLE = (
    "login",
    "platform",
    "kind",
    "store",
    "region",
    "recovery_email",
    "mfa",
    "mfa_phone",
    "mfa_backup",
    "mfa_backup_phone",
    "payout",
    "password_changed",
    *PEOPLE_LISTS,
    "security_questions",
)
"""The fields `set` changes; an empty value removes the optional ones. A new login moves the
account's keyring entries to it (`intake.relocate`)."""

MFA_A_SEED_REPLACES = frozenset({"unknown", "none", "sms"})
"""2FA records that a stored TOTP seed shows to be out of date (`set-secret --totp`, import)."""

REQUIRED = frozenset({"platform", "mfa", "login"})

FILED_UNDER = {
    "id": N_("`store-audit rename ID NEW` changes it and moves the keyring entries"),
    "keyring_service": N_("edit the inventory, then move the entries with the `keyring` command"),
}
"""Fields the keyring files an account's secrets under that `set` leaves alone, and what does
change them."""


@dataclass(frozen=True)
class FieldChange:
    """One field as `set` leaves it."""

    key: str
    """The inventory key."""
    before: Any
    """Its value before (None: absent)."""
    after: Any
    """Its value after (None: removed)."""

    def describe(self) -> str:
        """`mfa = "totp" (was "unknown")`, `region removed`, or `store = "x" (unchanged)`."""
        if self.after is None:
            gone = _("{key} removed") if self.before is not None else _("{key} (not set)")
            return gone.format(key=self.key)
        if self.before == self.after:
            return _("{key} = {value} (unchanged)").format(key=self.key, value=_show(self.after))
        if self.before is None:
            return _("{key} = {value} (was not set)").format(key=self.key, value=_show(self.after))
        return _("{key} = {value} (was {before})").format(
            key=self.key, value=_show(self.after), before=_show(self.before)
        )


def _show(value: Any) -> str:
    if value is None:
        return _("not set")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(f'"{visible_line(str(item))}"' for item in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return f'"{visible_line(str(value))}"'  # a U+202E or a newline in a value never acts


def parse_assignments(pairs: tuple[str, ...], today: dt.date) -> dict[str, Any]:
    """KEY=VALUE arguments as inventory values (None: remove); UsageError names the bad one."""
    changes: dict[str, Any] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not equals or not key:
            raise UsageError(_("{pair!r}: write KEY=VALUE, such as mfa=totp").format(pair=pair))
        if key in FILED_UNDER:
            raise UsageError(
                _(
                    "{key}: the keyring files this account's secrets under it; `set` does not "
                    "change it"
                ).format(key=key),
                hint=_(FILED_UNDER[key]),
            )
        if key not in SETTABLE:
            guess = did_you_mean(key, SETTABLE)
            raise UsageError(
                _("{key}: not a field `set` changes{guess} (one of {fields})").format(
                    key=key, guess=guess, fields=listed(SETTABLE)
                )
            )
        changes[key] = _value(key, value.strip(), today)
    if not changes:
        raise UsageError(_("nothing to set: give KEY=VALUE, such as mfa=totp"))
    return changes


def _value(key: str, value: str, today: dt.date) -> Any:
    if not value:
        if key in REQUIRED:
            raise UsageError(_("{key}: required, so it cannot be removed").format(key=key))
        return None
    if key == "password_changed":
        if value.lower() == "today":
            return today
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise UsageError(
                _("password_changed: {value!r} is not a date: write YYYY-MM-DD or today").format(
                    value=value
                )
            ) from None
    if key in ("mfa", "mfa_backup"):
        return method_named(value.lower()) or value.lower()  # mfa=短信 is sms
    if key in ("platform", "kind"):
        return value.lower()
    if key in PEOPLE_LISTS:  # login_users=owner,li-wei: the loader checks each is a person
        return list(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    if key == "security_questions":
        if value.lower() not in ("true", "false", "yes", "no"):
            raise UsageError(
                _("security_questions: {value!r}: write true or false").format(value=value)
            )
        return value.lower() in ("true", "yes")
    return value


def method_named(answer: str) -> str | None:
    """The method whose name, in the run's language, `answer` begins (短信 for 短信验证码:
    sms; 身份验证器: totp), when exactly one does; else None."""
    from auditor.i18n import ENGLISH, current
    from auditor.inventory.second_factors import METHOD_NAMES

    if current() == ENGLISH or len(answer) < 2:
        return None  # in English the codes themselves are the words
    found = {m for m, name in METHOD_NAMES.items() if _(name).lower().startswith(answer)}
    return found.pop() if len(found) == 1 else None


def set_fields(
    document: InventoryDocument, account_id: str, changes: dict[str, Any]
) -> tuple[str, Account, list[FieldChange]]:
    """The new inventory text, the account as it loads from it, and each field's change; the
    loader's one-line error (file, account, key) when the result is not a valid inventory."""
    _text, inventory = document.render()
    before = inventory.account(account_id)
    if before is None:
        raise no_account(document.path, account_id, (a.id for a in inventory.accounts))
    raw_before = {key: document.field(account_id, key) for key in changes}
    for key, value in changes.items():
        document.set_field(account_id, key, value)
    text, after_inventory = document.render()
    after = after_inventory.account(account_id)
    if after is None:  # set never changes an id
        raise UsageError(
            _("{path}: no account with id {account!r}").format(
                path=document.path, account=account_id
            )
        )
    return (
        text,
        after,
        [FieldChange(key, raw_before[key], value) for key, value in changes.items()],
    )


def record_fields(
    document: InventoryDocument, changes: dict[str, dict[str, Any]]
) -> tuple[str, list[tuple[str, FieldChange]]]:
    """Several accounts' changes in one validated edit: the new text and each field's change."""
    described: list[tuple[str, FieldChange]] = []
    text = ""
    for account_id, fields in changes.items():
        text, _account, done = set_fields(document, account_id, fields)
        described += [(account_id, change) for change in done]
    return text, described


def check_platform(platform: str | None, unknown_ok: bool) -> None:
    """A platform the catalog does not know is most often a typo (`walmrt`): it would make the
    account kind "other", and the checks that fit the real platform would stop. UsageError with
    the closest known platform, unless the user confirmed it (`--platform-unknown`)."""
    if platform is None or unknown_ok or platforms.lookup(platform.lower()) is not None:
        return
    names = {name: p.id for p in platforms.PLATFORMS.values() for name in platforms.names_of(p.id)}
    match = closest(platform, names)
    if match:
        message = _(
            "platform {platform!r} is not in the platform catalog: did you mean {guess}? An "
            'unknown platform makes the account kind "other", and the checks that fit a known '
            "one do not run"
        )
    else:
        message = _(
            "platform {platform!r} is not in the platform catalog. An unknown platform makes "
            'the account kind "other", and the checks that fit a known one do not run'
        )
    raise UsageError(
        message.format(platform=platform, guess=names[match] if match else ""),
        hint=_("pass --platform-unknown to record it as written"),
    )
