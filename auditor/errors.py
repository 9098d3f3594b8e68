"""The exit codes of every command and the one error class per layer that maps onto them.

The CLI turns a `StoreAuditError` into its exit code and one line on stderr; nothing else in the
package catches broadly. Messages never hold a secret: they name files, accounts and keys.
"""

from __future__ import annotations

import enum
import math
import os
import signal


class ExitCode(enum.IntEnum):
    """What a command's exit status means (SPEC §5)."""

    OK = 0
    """Ran; nothing at or above `--fail-on`."""
    FINDINGS = 1
    """Ran; findings at or above `--fail-on`."""
    USAGE = 2
    """Usage or inventory error."""
    KEYRING = 3
    """Keyring error: no backend, locked, or a backend failure."""
    MISMATCH = 4
    """Ran; what was typed is not the stored secret (`verify-password`: not this account's
    password; `use-backup-code`: not one of its stored codes). Not a finding: nothing is wrong
    with the accounts, the seller typed something else."""


class StoreAuditError(Exception):
    """A failure the user can act on, reported as one line and an exit code, never a traceback."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        """One line: what went wrong, naming the file, account and key involved."""
        self.hint = hint
        """Optional second line: what to do about it."""


class InventoryError(StoreAuditError):
    """The inventory file is missing, unreadable or invalid."""

    exit_code = ExitCode.USAGE


class UsageError(StoreAuditError):
    """An option names something that does not exist (an unknown account id, say)."""

    exit_code = ExitCode.USAGE


class SecretStoreError(StoreAuditError):
    """The keyring could not be read: no backend, a locked collection, or a backend failure."""

    exit_code = ExitCode.KEYRING


def seconds_setting(name: str, default: float, *, positive: bool = False) -> float:
    """A duration from an environment variable: a finite number of seconds up to a day (0
    allowed unless `positive`); a one-line UsageError (exit 2) for anything else."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= 86400 or (positive and value == 0):
        from auditor.i18n import _

        wrong = (
            _("${name}: {value!r} is not a number of seconds above 0 up to 86400")
            if positive
            else _("${name}: {value!r} is not a number of seconds from 0 up to 86400")
        )
        raise UsageError(wrong.format(name=name, value=raw[:40]))
    return value


class Interrupted(KeyboardInterrupt):
    """SIGINT, SIGTERM or SIGHUP arrived while a writing command ran (its writes are undone)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Stopped(SystemExit):
    """A stopping signal ended a command outside a keyring write: exit 128 + the signal.

    Kept apart from a SystemExit or KeyboardInterrupt that a keyring backend raises itself,
    which is a backend failure like any other (exit 3, its argument never shown)."""


OWN_STOPS = (Interrupted, Stopped)
"""What a stopping signal raises in store-audit: let through at the keyring boundary."""
