"""1Password CSV exports. 1Password 8: `Title,Url,Username,Password,OTPAuth,Favorite,Archived,
Tags,Notes`; older ones name the URL column `Website` or `URL` and the seed `One-time password`.
1Password 7 for Mac escapes a quote inside a cell with a backslash (\\") instead of doubling it.
An export of identities or cards has no username and password columns: it holds no login."""

from __future__ import annotations

import re
from pathlib import Path

from auditor.intake.importers.entries import (
    ExportEntry,
    csv_header,
    csv_records,
    entry,
    not_a_login,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("Title",),
    "url": ("Url", "Website", "URL", "Login URL"),
    "username": ("Username", "Login Username"),
    "password": ("Password", "Login Password"),
    "totp": ("OTPAuth", "One-time password", "OTP"),
    "type": ("Type", "Category"),
}
LOGIN_COLUMNS = {"username", "login username", "password", "login password"}
BACKSLASH_QUOTE = re.compile(r'[^\\]\\"')


def read_onepassword(text: str, path: Path) -> list[ExportEntry]:
    """Every login item; the items of an export without login columns, counted as not logins."""
    if "title" in csv_header(text) and not LOGIN_COLUMNS & set(csv_header(text)):
        return [
            not_a_login(number, row["title"], row["type"].strip().lower() or "non-login item")
            for number, row in csv_records(text, path, "1Password", COLUMNS, ("title",))
        ]
    return [
        entry(line, row["title"], row["url"], row["username"], row["password"], row["totp"])
        if row["type"].strip().lower() in ("", "login")
        else not_a_login(line, row["title"], row["type"].strip().lower())
        for line, row in csv_records(
            text,
            path,
            "1Password",
            COLUMNS,
            ("url", "username", "password"),
            backslash_escapes=BACKSLASH_QUOTE.search(text) is not None,
        )
    ]
