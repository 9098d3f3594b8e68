"""Building inventories and secret views for tests without touching a real keyring."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from auditor.checks import CHECKS, AuditContext
from auditor.findings import Finding
from auditor.inventory import Account, Inventory, Policy, Seller, platforms
from auditor.inventory.people import Person, Phone
from auditor.secrets import AccountSecrets, Secret, SecretView
from auditor.secrets.answers import folded

TODAY = dt.date(2026, 11, 27)


def account(id: str, **fields: Any) -> Account:
    """An account with sensible defaults: a Shopify store with app 2FA."""
    platform = fields.pop("platform", "shopify")
    return Account(
        id=id,
        platform=platform,
        kind=fields.pop("kind", platforms.default_kind(platform)),
        login=fields.pop("login", f"{id}@example.org"),
        mfa=fields.pop("mfa", "totp"),
        **fields,
    )


def inventory(
    *accounts: Account,
    seller: Seller | None = None,
    policy: Policy | None = None,
    people: tuple[Person, ...] = (),
    phones: tuple[Phone, ...] = (),
) -> Inventory:
    """An in-memory inventory of these accounts (and people and phones)."""
    return Inventory(
        Path("test.toml"), tuple(accounts), seller or Seller(), policy or Policy(), people, phones
    )


def view(
    passwords: dict[str, str] | None = None,
    seeds: dict[str, str] | None = None,
    backup_codes: dict[str, int] | None = None,
    answers: dict[str, list[str]] | None = None,
) -> SecretView:
    """A secret view from plain dicts of account id → password / seed / backup codes left /
    security-question answers (folded as the keyring reader folds them)."""
    passwords, seeds, backup_codes = passwords or {}, seeds or {}, backup_codes or {}
    answers = answers or {}
    ids = set(passwords) | set(seeds) | set(backup_codes) | set(answers)
    return SecretView(
        {
            i: AccountSecrets(
                Secret(passwords[i]) if i in passwords else None,
                Secret(seeds[i]) if i in seeds else None,
                backup_codes.get(i, 0),
                tuple(Secret(folded(a)) for a in answers.get(i, [])),
            )
            for i in ids
        }
    )


# Distinct, unrelated, strong passwords for accounts a test is not about.
STRONG = dict(
    zip(
        "abcdefghij",
        [
            "q7#Vx2!mPz9Lw4Rt",
            "Nf8$kT3@wQ6zLp1X",
            "Hy5!rM9#cV2nBq7K",
            "Ds4@pX8!tL3wZk6M",
            "Jw2#gR7$yN5vQx9C",
            "Bt6!hK3@mZ8pWs4F",
            "Lc9$vQ2#xR5nTk7P",
            "Ze3@wM8!pK4qVy6D",
            "Gr7#tN2$kX9mQw5B",
            "Pk5!zL8@vR3cHn9S",
        ],
        strict=True,
    )
)


def run(
    check_id: str,
    inv: Inventory,
    secrets: SecretView | None = None,
    today: dt.date = TODAY,
    breaches: dict[str, int] | None = None,
) -> list[Finding]:
    """Run one registered check (`breaches`: account id → times seen, as the engine passes)."""
    context = AuditContext(
        inv, secrets if secrets is not None else view(), today, breach_counts=breaches or {}
    )
    return list(CHECKS[check_id].run(context))
