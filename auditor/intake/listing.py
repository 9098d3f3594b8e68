"""`store-audit list`: every account with its platform, login, 2FA and what the keyring holds for
it (a password, a TOTP seed, how many backup codes), never a secret or anything derived from one.
"""

from __future__ import annotations

from typing import Any

from auditor.i18n import ENGLISH, N_, _, current, listed, ngettext
from auditor.inventory import Inventory
from auditor.inventory.second_factors import METHOD_NAMES
from auditor.secrets import SecretStore, read_secrets
from auditor.visible import visible
from auditor.vocabulary import shown_kind


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
        name
        for key, name in (("password", _("password")), ("totp_seed", _("TOTP seed")))
        if stored[key]
    ]
    if count := stored["backup_codes"]:
        parts.append(ngettext("{n} backup code", "{n} backup codes", count).format(n=count))
    if count := stored.get("security_answers"):
        answers = ngettext("{n} security answer", "{n} security answers", count)
        parts.append(answers.format(n=count))
    return listed(parts) or _("nothing")


def render_list(inventory: Inventory, rows: list[dict[str, Any]]) -> str:
    """Two lines per account, so that no id, login or store name is ever cut in two: the id,
    the platform and kind, the login; then its 2FA and what is stored."""
    count = len(rows)
    heading = ngettext("{n} account in {path}", "{n} accounts in {path}", count)
    lines = [heading.format(n=count, path=visible(str(inventory.path)))]
    for row in rows:
        line = (
            _("{id}  {platform} {kind}, {store}  {login}")
            if row["store"]
            else "{id}  {platform} {kind}  {login}"
        )
        lines.append(
            visible(
                line.format(
                    id=row["id"],
                    platform=row["platform_name"],
                    kind=shown_kind(row["kind"]),
                    store=row["store"],
                    login=row["login"],
                )
            )
        )
        second = _("    2FA: {mfa}; stored: {stored}")
        lines.append(
            second.format(mfa=shown_mfa(row["mfa"]), stored=describe_stored(row["stored"]))
        )
    if not rows:
        lines.append(
            _("`store-audit add ID ...` or `store-audit import FILE --from ...` adds some")
        )
    return "\n".join(lines) + "\n"


_NO_METHOD = {"none": N_("no two-step verification"), "unknown": N_("not recorded")}


def shown_mfa(value: str) -> str:
    """The inventory's `mfa` value as `list` shows it: as written in English (`sms`); in
    Chinese with its name first (`短信验证码（sms）`), the value being what `set` takes."""
    name = METHOD_NAMES.get(value) or _NO_METHOD.get(value)
    if name is None or current() == ENGLISH:
        return value
    return _("{name} ({value})").format(value=value, name=_(name))
