"""The names an import gives what it brings in: account ids from platform and region (or mailbox
name, or host), and store names from entry titles that are not host names."""

from __future__ import annotations

import re

from auditor.intake.logins import LoginGroup
from auditor.inventory import ACCOUNT_ID


def slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return slug[:56] or "account"


def store_name(title: str) -> str | None:
    """The entry's title as the store's name, unless it is a host or URL (Chrome titles every
    entry with its host): no store name is better than a wrong one."""
    if not title or "://" in title or re.fullmatch(r"[\w-]+(\.[\w-]+)+(/\S*)?", title):
        return None
    return title


def new_id(group: LoginGroup, platform_id: str, taken: set[str]) -> str:
    """An unused account id from the platform and region (or mailbox name, or host)."""
    match = group.match
    if match is None:
        base = slug(group.host)
    elif match.platform.kind == "mailbox":
        base = f"{platform_id}-{group.entries[0].username.partition('@')[0].replace('.', '-')}"
    else:
        unified, _ = group.unified()
        region_id = f"{platform_id}-{match.region}" if match.region else platform_id
        base = unified or region_id
    account_id, number = slug(base), 1
    while account_id in taken or not ACCOUNT_ID.fullmatch(account_id):
        number += 1
        account_id = f"{slug(base)}-{number}"
    taken.add(account_id)
    return account_id


def clash_note(clashed: str | None) -> str:
    """Why a new account did not get its first id: another inventory holds that service."""
    if not clashed:
        return ""
    return (
        f"; not {clashed.removeprefix('store-audit/')}: the keyring already holds other "
        f"secrets under {clashed!r} (another inventory on this keyring, or left behind)"
    )
