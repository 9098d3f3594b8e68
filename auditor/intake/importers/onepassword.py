"""1Password CSV exports. 1Password 8: `Title,Url,Username,Password,OTPAuth,Favorite,Archived,
Tags,Notes`; older ones name the URL column `Website` or `URL` and the seed `One-time password`.
1Password 7 for Mac escapes a quote inside a cell with a backslash (\\") instead of doubling it.
An export of identities or cards has no username and password columns: it holds no login.

Which items are no login: a `Type` (or `Category`) naming one of 1Password's own categories that
is not a login (Credit Card, Identity, Secure Note, Server, ...). Any other value, such as a
folder name an older export or another tool put there, says nothing: such a row with a user name
and password is a login. 1Password 4 for Windows writes no type at all (`"UUID","TITLE",
"SCOPE","AUTOSUBMIT",...` and every field of every category as `"NAME 1: FIRST NAME"`,
`"2: NUMBER"`): there a row without user name and password is no login, a card or an identity
by the fields it fills.
"""

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
    # 1Password 4 for Windows: the fields of its card and identity templates
    "card_number": ("2: NUMBER",),
    "first_name": ("NAME 1: FIRST NAME",),
    "last_name": ("NAME 3: LAST NAME",),
}
LOGIN_COLUMNS = {"username", "login username", "password", "login password"}
WINDOWS_COLUMNS = {"uuid", "title", "scope", "autosubmit"}
"""The header of 1Password 4 for Windows, which has no type column."""
BACKSLASH_QUOTE = re.compile(r'[^\\]\\"')

CATEGORIES = {
    "api credential": "API credential",
    "bank account": "bank account",
    "credit card": "credit card",
    "crypto wallet": "crypto wallet",
    "database": "database",
    "document": "document",
    "driver license": "driver license",
    "email account": "email account",
    "identity": "identity",
    "medical record": "medical record",
    "membership": "membership",
    "outdoor license": "outdoor license",
    "passport": "passport",
    "reward program": "reward program",
    "secure note": "secure note",
    "server": "server",
    "social security number": "social security number",
    "software license": "software license",
    "ssh key": "SSH key",
    "wireless router": "wireless router",
}
"""1Password's categories that are no website login (https://developer.1password.com/docs/cli/
item-fields lists them all), as its exports write them, and the words the plan counts them by.
Login and Password are not here: a Password item has no user name and is skipped saying so."""


def read_onepassword(text: str, path: Path) -> list[ExportEntry]:
    """Every login item; the items of an export without login columns, counted as not logins."""
    header = set(csv_header(text))
    if "title" in header and not LOGIN_COLUMNS & header:
        return [
            not_a_login(number, row["title"], _written_type(row) or _untyped_kind(row))
            for number, row in csv_records(text, path, "1Password", COLUMNS, ("title",))
        ]
    windows = WINDOWS_COLUMNS <= header and "type" not in header and "category" not in header
    found = []
    for line, row in csv_records(
        text,
        path,
        "1Password",
        COLUMNS,
        ("url", "username", "password"),
        backslash_escapes=BACKSLASH_QUOTE.search(text) is not None,
    ):
        untyped = windows and not (row["username"].strip() or row["password"])
        kind = _category(row) or (_untyped_kind(row) if untyped else None)
        found.append(
            not_a_login(line, row["title"], kind)
            if kind
            else entry(
                line, row["title"], row["url"], row["username"], row["password"], row["totp"]
            )
        )
    return found


def _written_type(row: dict[str, str]) -> str:
    """The row's type: 1Password's word for one of its categories, else as written."""
    written = " ".join(row["type"].split())
    return CATEGORIES.get(written.casefold(), written)


def _category(row: dict[str, str]) -> str | None:
    """The word for the row's type when it is a 1Password category that is no login."""
    return CATEGORIES.get(" ".join(row["type"].split()).casefold())


def _untyped_kind(row: dict[str, str]) -> str:
    """What a row without a type or login is, by the fields of 1Password's templates it fills."""
    if row["card_number"].strip():
        return "credit card"
    if row["first_name"].strip() or row["last_name"].strip():
        return "identity"
    return "non-login item"
