"""Validating the account fields that need more than a type check: the marketplaces one seller
account serves (Amazon's unified and merged global accounts), a mailbox's other addresses, and
the payout account a store is paid into."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from auditor.errors import InventoryError
from auditor.i18n import _, listed
from auditor.inventory import platforms
from auditor.inventory.emails import address_problem
from auditor.inventory.model import ACCOUNT_ID

MARKETPLACE = re.compile(r"[A-Za-z]{2,3}")
"""A marketplace region code: US, uk, UAE."""


def marketplaces(
    raw: Mapping[str, Any], platform: str, where: str, fail: Callable[[str, str], InventoryError]
) -> tuple[str, ...]:
    """The optional `marketplaces = ["US", "JP"]`: region codes. On a platform that merges
    accounts across regions (Amazon's global accounts) any set; else all in one unified account
    when the platform has them (with `region`, if that is set)."""
    value = raw.get("marketplaces", [])
    if not isinstance(value, list) or not all(
        isinstance(v, str) and MARKETPLACE.fullmatch(v.strip()) for v in value
    ):
        raise fail(where, _('marketplaces: must be a list of region codes such as ["US", "CA"]'))
    codes = tuple(dict.fromkeys(v.strip().upper() for v in value))
    region = raw.get("region") if isinstance(raw.get("region"), str) else None
    groups = {
        code: platforms.unified_group(platform, code)
        for code in ([region.strip().upper()] if region else []) + list(codes)
    }
    distinct = sorted({g for g in groups.values() if g})
    known = platforms.lookup(platform)
    if len(distinct) > 1 and not (known and known.merged_sources):
        message = _(
            "marketplaces: {regions} belong to different unified accounts ({groups}); record one "
            "account for each"
        )
        raise fail(where, message.format(regions=listed(groups), groups=listed(distinct)))
    return codes


def read_aliases(
    raw: Mapping[str, Any], where: str, fail: Callable[[str, str], InventoryError]
) -> tuple[str, ...]:
    """The optional `aliases = ["name@foxmail.com", ...]`: valid addresses."""
    value = raw.get("aliases", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(where, 'aliases: must be a list of addresses such as ["name@foxmail.com"]')
    for address in value:
        problem = address_problem(address)
        if problem:
            raise fail(where, f"aliases: {address!r} is not an address: {problem}")
    return tuple(dict.fromkeys(value))


def read_payout(
    raw: Mapping[str, Any], where: str, fail: Callable[[str, str], InventoryError]
) -> str | None:
    """The optional `payout = "pingpong"`: the id of an inventory account (it may be missing
    from the inventory: payout.exposed reports that)."""
    value = raw.get("payout")
    if value is None:
        return None
    if not isinstance(value, str) or not ACCOUNT_ID.fullmatch(value):
        raise fail(
            where, f"payout: {value!r} must be the id of the payout account, such as pingpong"
        )
    return value
