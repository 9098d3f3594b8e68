"""The names an import gives what it brings in: account ids from platform and region (or mailbox
name, or host), and store names from entry titles that are not host names."""

from __future__ import annotations

import re


def slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return slug[:56] or "account"


def store_name(title: str) -> str | None:
    """The entry's title as the store's name, unless it is a host or URL (Chrome titles every
    entry with its host): no store name is better than a wrong one."""
    if not title or "://" in title or re.fullmatch(r"[\w-]+(\.[\w-]+)+(/\S*)?", title):
        return None
    return title


def clash_note(clashed: str | None) -> str:
    """Why a new account did not get its first id: another inventory holds that service."""
    if not clashed:
        return ""
    from auditor.i18n import _, pgettext

    note = _(
        "not {id}: the keyring already holds other secrets under {service!r} (another "
        "inventory on this keyring, or left behind)"
    ).format(id=clashed.removeprefix("store-audit/"), service=clashed)
    return pgettext("between problems", "; ") + note
