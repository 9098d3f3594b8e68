"""Account ids for the accounts an import creates: from the platform and region (`amazon-us`),
the mailbox name (`gmail-acme-owner`) or the host, numbered when taken (`amazon-us-2`)."""

from __future__ import annotations

import re

from auditor.intake.logins import LoginGroup
from auditor.inventory import ACCOUNT_ID


class NewIds:
    """The account ids in use, and for each base the last number given to it, so that the
    n-th new account on one platform costs one step, not n (20,000 logins on Seller Central)."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.last: dict[str, int] = {}

    def new(self, group: LoginGroup, platform_id: str) -> str:
        """An unused account id from the platform and region (or mailbox name, or host)."""
        match = group.match
        if match is None:
            base = _slug(group.host)
        elif match.platform.kind == "mailbox":
            base = f"{platform_id}-{group.entries[0].username.partition('@')[0].replace('.', '-')}"
        else:
            unified, _ = group.unified()
            region_id = f"{platform_id}-{match.region}" if match.region else platform_id
            base = unified or region_id
        slug = _slug(base)
        number = self.last.get(slug, 1)
        account_id = slug if number == 1 else f"{slug}-{number}"
        while account_id in self.taken or not ACCOUNT_ID.fullmatch(account_id):
            number += 1
            account_id = f"{slug}-{number}"
        self.last[slug] = number
        self.taken.add(account_id)
        return account_id


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return slug[:56] or "account"
