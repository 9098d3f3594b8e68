"""1Password 8 CSV export: `Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes`.
Older exports name the URL column `Website` or `URL` and the seed `One-time password`."""

from __future__ import annotations

from pathlib import Path

from auditor.intake.importers.entries import ExportEntry, csv_records, entry

COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("Title",),
    "url": ("Url", "Website", "URL", "Login URL"),
    "username": ("Username", "Login Username"),
    "password": ("Password", "Login Password"),
    "totp": ("OTPAuth", "One-time password", "OTP"),
}


def read_onepassword(text: str, path: Path) -> list[ExportEntry]:
    """Every login item (the CSV export holds only logins)."""
    return [
        entry(line, row["title"], row["url"], row["username"], row["password"], row["totp"])
        for line, row in csv_records(
            text, path, "1Password", COLUMNS, ("url", "username", "password")
        )
    ]
