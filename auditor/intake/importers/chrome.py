"""Chrome (and Edge, Brave) password export: `name,url,username,password,note`. No TOTP."""

from __future__ import annotations

from pathlib import Path

from auditor.intake.importers.entries import ExportEntry, csv_records, entry

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "url": ("url", "origin"),
    "username": ("username",),
    "password": ("password",),
}


def read_chrome(text: str, path: Path) -> list[ExportEntry]:
    """Every saved login."""
    return [
        entry(line, row["name"], row["url"], row["username"], row["password"], "")
        for line, row in csv_records(text, path, "Chrome", COLUMNS, ("url", "username", "password"))
    ]
