"""The words the inventory uses for kinds of account and second factors.

Kept apart from the platform catalog so the command line can offer them without loading it.
"""

from __future__ import annotations

KINDS = ("store", "mailbox", "payment", "other")
"""The values an account's `kind` may take."""

MFA_METHODS = ("none", "sms", "voice", "email", "totp", "push", "security-key", "unknown")
"""The values an account's `mfa` may take."""

STRONG_MFA = frozenset({"totp", "push", "security-key"})
"""Methods that do not travel over the phone network or a mailbox."""
