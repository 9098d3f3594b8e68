"""Firefox password export (about:logins → Export Logins): `"url","username","password",
"httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"`.
No title and no TOTP: an entry is named by its site's host, as Firefox lists it. Firefox's own
entries (`chrome://FirefoxAccounts`) are no website login; the plan skips them by their URL."""

from __future__ import annotations

from pathlib import Path

from auditor.intake.importers.entries import ExportEntry, csv_records, entry
from auditor.inventory.platforms import url_host

COLUMNS: dict[str, tuple[str, ...]] = {
    "url": ("url",),
    "username": ("username",),
    "password": ("password",),
}


def read_firefox(text: str, path: Path) -> list[ExportEntry]:
    """Every saved login, titled with its host (or, when the URL is no web address, its text)."""
    return [
        entry(line, _title(row["url"]), row["url"], row["username"], row["password"], "")
        for line, row in csv_records(
            text, path, "Firefox", COLUMNS, ("url", "username", "password")
        )
    ]


def _title(url: str) -> str:
    """The host; for a URL that is no web address its text, without a `user:password@` part."""
    host = url_host(url)
    if host:
        return host
    scheme, has_scheme, rest = url.strip().rpartition("://")
    userinfo, at, after = rest.partition("@")
    if at and ":" in userinfo:
        rest = after
    return f"{scheme}{has_scheme}{rest}"
