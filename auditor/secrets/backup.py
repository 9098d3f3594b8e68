"""One-time backup (recovery) codes: how the keyring entry holds them and how a typed code is
matched against them.

The entry (service `<service>/backup`, user name the login) holds one code a line, as the
platform printed it. The audit only counts the lines; `use-backup-code` matches a typed code
against each of them in constant time, ignoring spaces, dashes and case (platforms print
"1234 5678" and sellers type "12345678").
"""

from __future__ import annotations

import hmac

from auditor.i18n import _

MAX_CODE_LENGTH = 64
"""No platform's backup code is longer; a longer line is something else pasted by mistake."""


class BackupCodesError(ValueError):
    """Why a pasted list is not a list of backup codes; never quotes a code."""


def split_codes(text: str) -> list[str]:
    """The codes in an entry (or a paste): one a line, surrounding blanks and empty lines
    dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def count_codes(text: str | None) -> int:
    """How many codes an entry holds (0 for no entry)."""
    return len(split_codes(text)) if text else 0


def check_codes(lines: list[str]) -> list[str]:
    """The codes to store, in order, duplicates dropped; BackupCodesError when there is none or
    one is longer than MAX_CODE_LENGTH (the message gives its line number, not the code)."""
    codes = [line.strip() for line in lines if line.strip()]
    if not codes:
        raise BackupCodesError(_("no backup code given"))
    for number, code in enumerate(codes, start=1):
        if len(code) > MAX_CODE_LENGTH:
            raise BackupCodesError(
                _("code {number} is longer than a backup code can be ({count} characters)").format(
                    number=number, count=MAX_CODE_LENGTH
                )
            )
    seen: dict[str, str] = {}
    for code in codes:
        seen.setdefault(normalise(code), code)
    return list(seen.values())


def normalise(code: str) -> str:
    """A code as compared: without spaces or dashes, lower case."""
    return "".join(code.split()).replace("-", "").lower()


def remove_code(stored: list[str], typed: str) -> list[str] | None:
    """The stored codes without the one typed, or None when it is not among them. Every stored
    code is compared (hmac.compare_digest), so the time taken does not say which one matched."""
    wanted = normalise(typed).encode("utf-8", "surrogatepass")
    match = None
    for index, code in enumerate(stored):
        same = hmac.compare_digest(normalise(code).encode("utf-8", "surrogatepass"), wanted)
        if same and match is None:
            match = index
    if match is None or not wanted:
        return None
    return stored[:match] + stored[match + 1 :]
