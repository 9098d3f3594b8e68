"""Did you mean: the closest of the names a user could have meant (an account id, a platform, a
command), so a typo gets a suggestion instead of silence or a bare "no such"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from auditor.errors import UsageError
from auditor.i18n import _


def closest(name: str, choices: Iterable[str]) -> str | None:
    """The choice most like `name` (at least 0.6 alike, difflib's ratio), or None."""
    found = difflib.get_close_matches(name.lower(), list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """`: did you mean walmart?`, or "" when nothing is close."""
    match = closest(name, choices)
    return _(": did you mean {name}?").format(name=match) if match else ""


def no_account(path: Path | str, account_id: str, ids: Iterable[str]) -> UsageError:
    """`FILE: no account with id 'amazon-us': did you mean amazon-na?` (exit 2)."""
    ids = list(ids)
    hint = None if ids else _("`store-audit list` shows the accounts; `add` or `import` adds some")
    message = _("{path}: no account with id {account!r}").format(path=path, account=account_id)
    return UsageError(message + did_you_mean(account_id, ids), hint=hint)
