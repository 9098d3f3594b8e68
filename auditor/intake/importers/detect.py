"""Which password manager wrote an export, from its shape alone (the JSON keys, the CSV header),
so a file given the wrong `--from` is named for what it is instead of half-read."""

from __future__ import annotations

from auditor.intake.importers.entries import csv_header


def detect_manager(text: str) -> str | None:
    """The `--from` value whose export this looks like, or None when unsure (`read_entries`
    names it when it is not the reader asked for)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        head = stripped[:4096]
        return "bitwarden" if '"items"' in head or '"encrypted"' in head else None
    header = set(csv_header(text))
    if {"httprealm", "formactionorigin"} <= header and "url" in header:
        return "firefox"
    if {"login_uri", "login_username"} <= header:
        return "bitwarden"
    if {"grouping", "extra"} <= header and "url" in header:
        return "lastpass"
    if {"account", "login name", "web site"} <= header:
        return "keepass"
    if {"group", "title", "username"} <= header:
        return "keepassxc"
    if "title" in header and header & {"otpauth", "url", "website", "login url"}:
        return "1password"
    if {"name", "url", "username", "password"} <= header:
        return "chrome"
    return None
