"""LastPass CSV export: `url,username,password,totp,extra,name,grouping,fav`. Secure notes
(url `http://sn`) are left out."""

from __future__ import annotations

from pathlib import Path

from auditor.intake.importers.entries import ExportEntry, csv_records, entry, not_a_login

COLUMNS: dict[str, tuple[str, ...]] = {
    "url": ("url",),
    "username": ("username",),
    "password": ("password",),
    "totp": ("totp",),
    "name": ("name",),
}


def read_lastpass(text: str, path: Path) -> list[ExportEntry]:
    """Every site entry."""
    return [
        entry(line, row["name"], row["url"], row["username"], row["password"], row["totp"])
        if row["url"].strip().lower() != "http://sn"
        else not_a_login(line, row["name"], "secure note")
        for line, row in csv_records(
            text, path, "LastPass", COLUMNS, ("url", "username", "password")
        )
    ]
