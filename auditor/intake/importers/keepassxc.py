"""KeePassXC CSV export (`"Group","Title","Username","Password","URL","Notes","TOTP","Icon",
"Last Modified","Created"`) and KeePass 2's own (`"Account","Login Name","Password","Web Site",
"Comments"`), one reader for both. Entries in the Recycle Bin are left out."""

from __future__ import annotations

from pathlib import Path

from auditor.intake.importers.entries import ExportEntry, csv_records, entry

COLUMNS: dict[str, tuple[str, ...]] = {
    "group": ("Group",),
    "title": ("Title", "Account"),
    "username": ("Username", "Login Name"),
    "password": ("Password",),
    "url": ("URL", "Web Site"),
    "totp": ("TOTP",),
}


def read_keepassxc(text: str, path: Path) -> list[ExportEntry]:
    """Every entry outside the Recycle Bin."""
    return [
        entry(line, row["title"], row["url"], row["username"], row["password"], row["totp"])
        for line, row in csv_records(
            text, path, "KeePassXC or KeePass", COLUMNS, ("title", "username", "password", "url")
        )
        if "recycle bin" not in (part.strip().lower() for part in row["group"].split("/"))
    ]
