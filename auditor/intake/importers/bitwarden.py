"""Bitwarden exports: the CSV (`folder,favorite,type,name,notes,fields,reprompt,login_uri,
login_username,login_password,login_totp`) and the unencrypted JSON. Only login items are read."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from auditor.i18n import _, listed, ngettext
from auditor.intake.importers.entries import (
    ExportEntry,
    ExportError,
    csv_records,
    entry,
    not_a_login,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "type": ("type",),
    "name": ("name",),
    "url": ("login_uri",),
    "username": ("login_username",),
    "password": ("login_password",),
    "totp": ("login_totp",),
    "collections": ("collections",),  # an organisation's export, instead of `folder`
}
LOGIN_ITEM = 1
ITEM_TYPES = {2: "secure note", 3: "card", 4: "identity", 5: "SSH key"}
"""Bitwarden's item types besides logins (its JSON's `type`)."""


def read_bitwarden(text: str, path: Path) -> list[ExportEntry]:
    """Login items from a CSV or JSON export (told apart by the first character)."""
    if text.lstrip().startswith("{"):
        return _read_json(text, path)
    return [
        shared_in(
            entry(line, row["name"], row["url"], row["username"], row["password"], row["totp"]),
            [name for name in row["collections"].split(",") if name.strip()],
            organisation=bool(row["collections"].strip()),
        )
        if row["type"].strip().lower() == "login"
        else not_a_login(line, row["name"], _csv_type(row["type"]))
        for line, row in csv_records(
            text, path, "Bitwarden", COLUMNS, ("type", "url", "username", "password")
        )
    ]


def shared_in(found: ExportEntry, collections: list[str], *, organisation: bool) -> ExportEntry:
    """The entry with the export's word on who shares it: its organisation's collections."""
    names = [" ".join(name.split()) for name in collections if name.strip()]
    if names:
        quoted = listed(f"'{name}'" for name in names)
        shared = ngettext(
            "in the Bitwarden organisation collection {names}",
            "in the Bitwarden organisation collections {names}",
            len(names),
        )
        return replace(found, shared=shared.format(names=quoted))
    if organisation:
        return replace(found, shared=_("in a Bitwarden organisation"))
    return found


def _csv_type(kind: str) -> str:
    """Bitwarden's CSV type as the plan counts it; a type it does not write, as written."""
    written = " ".join(kind.split())
    known = {"note": "secure note", "card": "card", "identity": "identity", "sshkey": "SSH key"}
    return known.get(written.lower(), written or "untyped item")


def _read_json(text: str, path: Path) -> list[ExportEntry]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ExportError(
            _("{path}: not a Bitwarden JSON export (line {line})").format(
                path=path, line=error.lineno
            )
        ) from None
    except RecursionError:
        raise ExportError(
            _("{path}: not a Bitwarden JSON export (nested too deeply)").format(path=path)
        ) from None
    except ValueError:  # int() of a number with thousands of digits
        raise ExportError(
            _("{path}: not a Bitwarden JSON export (a number with too many digits)").format(
                path=path
            )
        ) from None
    if isinstance(document, dict) and document.get("encrypted") is True:
        if document.get("passwordProtected") is True:
            message = _("{path}: a password-protected Bitwarden export: store-audit cannot read it")
            hint = _("export again without a file password (File format .json or .csv)")
        else:
            message = _("{path}: an encrypted Bitwarden export: store-audit cannot read it")
            hint = _("export again as .json or .csv, not .json (Encrypted)")
        raise ExportError(message.format(path=path), hint=hint)
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise ExportError(
            _("{path}: not a Bitwarden JSON export (no items list)").format(path=path)
        )
    listed = document.get("collections")
    collections: dict[object, str] = {
        c["id"]: _text(c.get("name"))
        for c in (listed if isinstance(listed, list) else [])
        if isinstance(c, dict) and isinstance(c.get("id"), str)
    }
    found = []
    for index, item in enumerate(document["items"], start=1):
        kind = item.get("type") if isinstance(item, dict) else None
        if type(kind) is not int or kind != LOGIN_ITEM:  # True == 1, but is no item type
            name = _text(item.get("name")) if isinstance(item, dict) else ""
            label = ITEM_TYPES.get(kind, "unknown item") if type(kind) is int else "unknown item"
            found.append(not_a_login(index, name, label))
            continue
        found.append(_login(index, item, collections))
    return found


def _login(index: int, item: dict[str, object], collections: dict[object, str]) -> ExportEntry:
    """A login item, with the organisation collections it is shared in."""
    login = item.get("login")
    if not isinstance(login, dict):
        login = {}
    listed = login.get("uris")
    uris = (
        [_text(u.get("uri")) for u in listed if isinstance(u, dict)]
        if isinstance(listed, list)
        else []
    )
    ids = item.get("collectionIds")
    return shared_in(
        entry(
            index,
            _text(item.get("name")),
            uris,
            _text(login.get("username")),
            _text(login.get("password")),
            _text(login.get("totp")),
        ),
        [collections.get(i, "") for i in ids if isinstance(i, str)]
        if isinstance(ids, list)
        else [],
        organisation=bool(item.get("organizationId")) or bool(ids),
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
