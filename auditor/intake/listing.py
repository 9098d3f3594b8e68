"""`store-audit list`: every account with its platform, login, 2FA and what the keyring holds for
it (a password, a TOTP seed, how many backup codes), never a secret or anything derived from one.
"""

from __future__ import annotations

from typing import Any

from auditor.inventory import Inventory
from auditor.secrets import SecretStore, read_secrets
from auditor.visible import visible


def list_accounts(inventory: Inventory, store: SecretStore) -> list[dict[str, Any]]:
    """One row per account, in file order (JSON-ready)."""
    secrets = read_secrets(inventory.accounts, store)
    rows = []
    for account in inventory.accounts:
        held = secrets.get(account.id)
        rows.append(
            {
                "id": account.id,
                "platform": account.platform,
                "platform_name": account.platform_name,
                "kind": account.kind,
                "login": account.login,
                "store": account.store,
                "region": account.region,
                "mfa": account.mfa,
                "stored": {
                    "password": bool(held and held.password),
                    "totp_seed": bool(held and held.totp),
                    "backup_codes": held.backup_codes if held else 0,
                    "security_answers": len(secrets.answers(account.id)),
                },
            }
        )
    return rows


def describe_stored(stored: dict[str, Any]) -> str:
    """`password, TOTP seed, 5 backup codes`, or `nothing`."""
    parts = [
        name for key, name in (("password", "password"), ("totp_seed", "TOTP seed")) if stored[key]
    ]
    if stored["backup_codes"]:
        count = stored["backup_codes"]
        parts.append(f"{count} backup code{'s' if count != 1 else ''}")
    if stored.get("security_answers"):
        count = stored["security_answers"]
        parts.append(f"{count} security answer{'s' if count != 1 else ''}")
    return ", ".join(parts) or "nothing"


def render_list(inventory: Inventory, rows: list[dict[str, Any]]) -> str:
    """Two lines per account, so that no id, login or store name is ever cut in two: the id,
    the platform and kind, the login; then its 2FA and what is stored."""
    lines = [
        f"{len(rows)} account{'s' if len(rows) != 1 else ''} in {visible(str(inventory.path))}"
    ]
    for row in rows:
        store = f", {row['store']}" if row["store"] else ""
        lines.append(
            visible(f"{row['id']}  {row['platform_name']} {row['kind']}{store}  {row['login']}")
        )
        lines.append(f"    2FA: {row['mfa']}; stored: {describe_stored(row['stored'])}")
    if not rows:
        lines.append("`store-audit add ID ...` or `store-audit import FILE --from ...` adds some")
    return "\n".join(lines) + "\n"
