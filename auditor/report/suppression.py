"""Accepted risks: an inventory `ignore` entry marks a finding suppressed (still reported and
counted, never failing the gate); one whose `until` has passed stops applying and is named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from auditor.findings import Finding
from auditor.inventory import Account, Inventory


@dataclass(frozen=True)
class ExpiredIgnore:
    """An `ignore` entry whose `until` date has passed: it no longer suppresses anything."""

    account: str
    """The account it was written on."""
    check: str
    """The check it silenced."""
    until: dt.date
    """The last day it applied."""
    reason: str
    """The reason the seller gave."""


def apply_ignores(item: Finding, accounts: Mapping[str, Account], today: dt.date) -> Finding:
    """Mark a finding suppressed when every account it names accepts its check (an ignore on one
    account does not hide the risk from the others it involves). Expired ignores do nothing."""
    reasons: list[str] = []
    for account_id in item.accounts:
        account = accounts.get(account_id)
        active = [
            i
            for i in (account.ignores if account else ())
            if i.check == item.check and i.active_on(today)
        ]
        if not active:
            return item
        reasons.extend(i.reason for i in active)
    return replace(item, suppressed=True, suppression_reason="; ".join(dict.fromkeys(reasons)))


def expired_ignores(
    inventory: Inventory, today: dt.date, scope: tuple[str, ...] = ()
) -> tuple[ExpiredIgnore, ...]:
    """Ignore entries whose `until` has passed, for the accounts in scope (all when empty)."""
    return tuple(
        ExpiredIgnore(account.id, ignore.check, ignore.until, ignore.reason)
        for account in inventory.accounts
        if not scope or account.id in scope
        for ignore in account.ignores
        if ignore.until is not None and not ignore.active_on(today)
    )
