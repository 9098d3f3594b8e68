"""The built-in demo: the bundled example inventory and an in-memory keyring of fake secrets.

`store-audit demo` runs the real engine on these, so a newcomer sees a real checklist with no
setup and nothing written anywhere. The secrets below are made up, chosen to show each kind of
weakness; like any secret, they never appear in the demo's output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from auditor.breach import sha1_hex
from auditor.i18n import _
from auditor.inventory import Inventory
from auditor.secrets import MemoryStore

DEMO_NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
"""The moment the demo audits the example as of: its dates (password changes, ignore expiries)
are written for that day, so the demo shows the same findings every day (and the README's
excerpt of it stays true)."""

_REUSED = "Sunshine2024!"

DEMO_PASSWORDS: dict[str, str] = {
    "gmail-owner": _REUSED,
    "outlook-ops": "vT8#qLm2!xRw9zPe",
    "amazon-na": "Acme-Amazon-2024!",
    "amazon-eu": "k7Rm!x2Pq9Lw#4Tz",
    "ebay": _REUSED,
    "etsy": "Acme-Etsy-2025!",
    "shopify": "Zq4!mR8x#Lp2Wv7N",
    "walmart": "Tr4x!9LmQ2#wPz8K",
    "tiktok": "Hx3#pR9!vLq2Zm7W",
    "paypal": "Nw6!qZ2#xLm8Rp4T",
    "qq-owner": "Lm3!tR8#qWz5Xp2V",
    "temu": "Pq7#wZ4!mXr9Lt2K",
    "pingpong": "Vb5!nK8#zQw3Rt6M",
    # payoneer: no password stored, to show password.missing
}

DEMO_SEEDS: dict[str, str] = {
    "amazon-na": "otpauth://totp/Amazon:acme.owner%40gmail.com"
    "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Amazon",
    "ebay": "JBSWY3DPEHPK3PXP",  # 16 characters: an 80-bit legacy seed
    "shopify": "otpauth://totp/eBay:ops.acmehome%40outlook.com"
    "?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=eBay",  # another account's seed
    "payoneer": "NOT-A-SEED-1890",
}


DEMO_BACKUP_CODES: dict[str, str] = {
    # outlook-ops: none stored, to show mfa.no-backup-codes
    "ebay": "4821 9037\n5530 1186",  # two left: mfa.few-backup-codes
    # Seller Central issues no backup codes: these five are mfa.impossible-record
    "amazon-eu": "\n".join(f"7{n}62 0{n}49" for n in range(5)),
    "shopify": "\n".join(f"c{n}f4-9a{n}e" for n in range(10)),
    "walmart": "\n".join(f"30{n}7-81{n}5" for n in range(8)),
    "payoneer": "\n".join(f"p{n}x7k2m{n}" for n in range(6)),
}


DEMO_ANSWERS: dict[str, str] = {
    # the same first answer on amazon-na and paypal: recovery.answers-reused
    "amazon-na": "Rex\nHarbour Street",
    "paypal": "rex",
    # walmart has security questions and none stored: recovery.answers-missing
}


class DemoBreaches:
    """A built-in stand-in for the Pwned Passwords corpus: it knows the demo's reused password."""

    SEEN = 1204
    """How often the stand-in says that password was seen (made up, like the password)."""

    list_name = "the demo's built-in breach list (a stand-in for the Pwned Passwords corpus)"
    """How findings name it: not the real corpus, which the demo never reads."""

    def describe(self) -> str:
        return _("built-in demo breach list (stands in for the Pwned Passwords corpus)")

    def counts(self, hashes: Iterable[str]) -> dict[str, int]:
        known = sha1_hex(_REUSED)
        return {value: self.SEEN if value == known else 0 for value in hashes}


def demo_inventory_path() -> Path:
    """The bundled example inventory: inside an installed wheel, or examples/ in a checkout."""
    packaged = Path(__file__).with_name("store-audit.toml")
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples" / "store-audit.toml"


def demo_store(inventory: Inventory) -> MemoryStore:
    """An in-memory keyring holding the demo secrets under each account's real service names."""
    entries: dict[tuple[str, str], str] = {}
    for account in inventory.accounts:
        if account.id in DEMO_PASSWORDS:
            entries[account.service, account.login] = DEMO_PASSWORDS[account.id]
        if account.id in DEMO_SEEDS:
            entries[account.totp_service, account.login] = DEMO_SEEDS[account.id]
        if account.id in DEMO_BACKUP_CODES:
            entries[account.backup_service, account.login] = DEMO_BACKUP_CODES[account.id]
        if account.id in DEMO_ANSWERS:
            entries[account.answers_service, account.login] = DEMO_ANSWERS[account.id]
    return MemoryStore(entries, name="built-in demo keyring (in memory)")
