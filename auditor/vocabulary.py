"""The words every layer shares: severities, kinds of account and second factors (the check
ids are in `auditor.check_ids`).

They sit below the inventory, which validates `kind`, `mfa`, `fail_on` and `ignore` entries
against them, so that neither the inventory nor the command line has to load the platform
catalog or the checks to know what a valid word is.
"""

from __future__ import annotations

import enum


class Severity(enum.IntEnum):
    """How urgent a finding or an action is; higher is worse."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        """The lower-case name used in the inventory, on the command line and in reports."""
        return _LABELS[self]

    @property
    def shown(self) -> str:
        """The label as a person reads it, in the run's language (`label` is the id every
        format and the command line use)."""
        from auditor.i18n import pgettext

        return {
            Severity.CRITICAL: pgettext("severity", "critical"),
            Severity.HIGH: pgettext("severity", "high"),
            Severity.MEDIUM: pgettext("severity", "medium"),
            Severity.LOW: pgettext("severity", "low"),
            Severity.INFO: pgettext("severity", "info"),
        }[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read a severity name as users write it ('high', 'HIGH'); ValueError if unknown."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}") from None


_LABELS = {severity: severity.name.lower() for severity in Severity}

SEVERITY_NAMES = tuple(s.label for s in sorted(Severity, reverse=True))
"""critical, high, medium, low, info: the order reports list them in."""

FAIL_ON_NAMES = (*SEVERITY_NAMES, "never")
"""The values `--fail-on` and `policy.fail_on` accept."""


def parse_fail_on(text: str) -> Severity | None:
    """`never` becomes None (nothing fails the run); anything else a Severity."""
    if text.strip().lower() == "never":
        return None
    return Severity.parse(text)


KINDS = ("store", "mailbox", "payment", "other")
"""The values an account's `kind` may take."""


def shown_kind(kind: str) -> str:
    """An account's kind as a sentence names it, in the run's language (`store` → 店铺)."""
    from auditor.i18n import pgettext

    return {
        "store": pgettext("account kind", "store"),
        "mailbox": pgettext("account kind", "mailbox"),
        "payment": pgettext("account kind", "payment"),
        "other": pgettext("account kind", "other"),
    }.get(kind, kind)


MFA_METHODS = (
    "none",
    "sms",
    "voice",
    "email",
    "totp",
    "push",
    "security-key",
    "passkey",
    "unknown",
)
"""The values an account's `mfa` may take."""

STRONG_MFA = frozenset({"totp", "push", "security-key", "passkey"})
"""Methods that do not travel over the phone network or a mailbox."""
