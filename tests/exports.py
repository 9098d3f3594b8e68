"""Realistic password-manager exports, written the way each manager writes them today: their
column names, a BOM, a title with a quoted newline and quotes, an entry without TOTP, a site
saved twice, and what each manager adds that is not a login (Bitwarden notes, KeePassXC's Recycle
Bin, LastPass secure notes, Firefox's own account)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

from tests.canaries import random_core, random_seed


@dataclass(frozen=True)
class Login:
    title: str
    url: str
    username: str
    password: str
    totp: str


@dataclass(frozen=True)
class ExportSet:
    """The logins behind an export, and what an import of them must produce."""

    amazon: Login
    ebay: Login
    gmail: Login
    gmail_again: Login
    unknown: Login

    @property
    def logins(self) -> list[Login]:
        return [self.amazon, self.ebay, self.gmail, self.gmail_again, self.unknown]


def make_logins() -> ExportSet:
    seed = random_seed(20)
    return ExportSet(
        amazon=Login(
            "Amazon Seller Central",
            "https://sellercentral.amazon.com/ap/signin",
            "ops@acme.test",
            f"Amz-{random_core()}!x",
            f"otpauth://totp/Amazon:ops%40acme.test?secret={random_seed(20)}&issuer=Amazon",
        ),
        ebay=Login(
            "eBay UK",
            "https://signin.ebay.co.uk/ws/eBayISAPI.dll",
            "acme-uk",
            f"Eb-{random_core()}!x",
            "",
        ),
        gmail=Login(
            'Owner "main" mailbox\nGmail',
            "https://accounts.google.com/",
            "acme.owner@gmail.com",
            f"Gm-{random_core()}!x",
            seed,
        ),
        gmail_again=Login(
            "Gmail (saved twice)", "mail.google.com", "acme.owner@gmail.com", "", ""
        ),  # password filled below: the same login saved twice
        unknown=Login(
            "Forum, with comma",
            "https://forum.example.org/login",
            "me",
            f"Fo-{random_core()}!x",
            "",
        ),
    )


def _same_password(logins: ExportSet) -> list[Login]:
    twice = Login(
        logins.gmail_again.title,
        logins.gmail_again.url,
        logins.gmail.username,
        logins.gmail.password,
        logins.gmail.totp,
    )
    return [logins.amazon, logins.ebay, logins.gmail, twice, logins.unknown]


def _csv(header: list[str], rows: list[list[str]], quote_all: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, lineterminator="\r\n"
    )
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def bitwarden_csv(s: ExportSet) -> str:
    rows = [
        ["", "", "login", x.title, "", "", "0", x.url, x.username, x.password, x.totp]
        for x in _same_password(s)
    ]
    rows.insert(
        2, ["Personal", "1", "note", "Wifi", "password is hunter2", "", "0", "", "", "", ""]
    )
    return _csv(
        [
            "folder",
            "favorite",
            "type",
            "name",
            "notes",
            "fields",
            "reprompt",
            "login_uri",
            "login_username",
            "login_password",
            "login_totp",
        ],
        rows,
    )


def bitwarden_json(s: ExportSet) -> str:
    items: list[dict[str, object]] = [
        {
            "id": str(i),
            "type": 1,
            "name": x.title,
            "favorite": False,
            "notes": None,
            "login": {
                "uris": [{"match": None, "uri": x.url}],
                "username": x.username,
                "password": x.password,
                "totp": x.totp or None,
            },
        }
        for i, x in enumerate(_same_password(s))
    ]
    items.append(
        {"id": "n", "type": 2, "name": "A note", "notes": "secret text", "secureNote": {"type": 0}}
    )
    return json.dumps({"encrypted": False, "folders": [], "items": items}, indent=2)


def onepassword_csv(s: ExportSet) -> str:
    rows = [
        [x.title, x.url, x.username, x.password, x.totp, "false", "false", "", ""]
        for x in _same_password(s)
    ]
    return _csv(
        [
            "Title",
            "Url",
            "Username",
            "Password",
            "OTPAuth",
            "Favorite",
            "Archived",
            "Tags",
            "Notes",
        ],
        rows,
    )


def chrome_csv(s: ExportSet) -> str:
    rows = [[x.title, x.url, x.username, x.password, ""] for x in _same_password(s)]
    return _csv(["name", "url", "username", "password", "note"], rows)


def firefox_csv(s: ExportSet) -> str:
    """Firefox keeps each login's origin (no path, no title), and its own account entry."""
    rows = [
        [_origin(x.url), x.username, x.password, "", _origin(x.url), f"{{{i:08d}-0000}}"]
        + ["1735689600000"] * 3
        for i, x in enumerate(_same_password(s))
    ]
    rows.insert(1, ["chrome://FirefoxAccounts", "0a1b2c", '{"version":1}', "", "", "{x}", *"000"])
    header = ["url", "username", "password", "httpRealm", "formActionOrigin", "guid"]
    return _csv([*header, "timeCreated", "timeLastUsed", "timePasswordChanged"], rows, True)


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://") if "://" in url else ("https", "", url)
    return f"{scheme}://{rest.split('/')[0]}"


def keepassxc_csv(s: ExportSet) -> str:
    rows = [
        [
            "Root/Stores",
            x.title,
            x.username,
            x.password,
            x.url,
            "",
            x.totp,
            "0",
            "2026-01-01T00:00:00Z",
            "2025-01-01T00:00:00Z",
        ]
        for x in _same_password(s)
    ]
    rows.append(
        [
            "Root/Recycle Bin",
            "Old Amazon",
            "old@acme.test",
            "old-pw",
            "https://sellercentral.amazon.com",
            "",
            "",
            "0",
            "",
            "",
        ]
    )
    return _csv(
        [
            "Group",
            "Title",
            "Username",
            "Password",
            "URL",
            "Notes",
            "TOTP",
            "Icon",
            "Last Modified",
            "Created",
        ],
        rows,
        quote_all=True,
    )


def lastpass_csv(s: ExportSet) -> str:
    rows = [
        [x.url, x.username, x.password, x.totp, "", x.title, "Stores", "0"]
        for x in _same_password(s)
    ]
    rows.append(["http://sn", "", "", "", "NoteType:Server\nHostname:x", "Office wifi", "", "0"])
    return _csv(["url", "username", "password", "totp", "extra", "name", "grouping", "fav"], rows)


EXPORTS: dict[str, tuple[str, Callable[[ExportSet], str], bool]] = {
    # name: (--from, writer, carries TOTP)
    "bitwarden-csv": ("bitwarden", bitwarden_csv, True),
    "bitwarden-json": ("bitwarden", bitwarden_json, True),
    "1password": ("1password", onepassword_csv, True),
    "chrome": ("chrome", chrome_csv, False),
    "firefox": ("firefox", firefox_csv, False),
    "keepassxc": ("keepassxc", keepassxc_csv, True),
    "lastpass": ("lastpass", lastpass_csv, True),
}
