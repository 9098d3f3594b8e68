"""`store-audit doctor`: which keyring backend is used, does it answer, which inventory is found.

Read-only like the audit. Yields lines to print, each with the exit code it calls for (None when
all is well), so the CLI only prints.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from auditor import __version__
from auditor.errors import ExitCode, InventoryError, SecretStoreError, UsageError
from auditor.inventory import (
    ENV_VARIABLE,
    Inventory,
    config_inventory_path,
    load_inventory,
    locate_inventory,
    permission_warning,
)
from auditor.inventory.locating import LOCAL_SHOWN
from auditor.secrets import KeyringStore, read_secrets
from auditor.secrets.journal import Pending
from auditor.secrets.orphans import unused_entries
from auditor.secrets.recovery import unfinished
from auditor.secrets.writes import KeyringWriter

PROBE_SERVICE = "store-audit/doctor-probe"

Line = tuple[str, ExitCode | None]


def diagnose(explicit_inventory: Path | None) -> Iterator[Line]:
    """Check the keyring, then the inventory, then which accounts have secrets stored."""
    yield f"store-audit {__version__} on Python {platform.python_version()} ({sys.platform})", None
    store, lines = _check_keyring()
    yield from lines
    if store is None:
        return
    if explicit_inventory is None and not os.environ.get(ENV_VARIABLE):
        first = _first_run()
        if first:
            yield from first
            return
    try:
        path = locate_inventory(explicit_inventory)
        if explicit_inventory:
            source = "--inventory"
        elif os.environ.get(ENV_VARIABLE):
            source = f"${ENV_VARIABLE}"
        else:
            source = "the default locations"
        yield f"inventory: {path} (from {source})", None
        inventory = load_inventory(path)
    except InventoryError as error:
        yield f"inventory: error: {error.message}", ExitCode.USAGE
        if error.hint:
            yield f"hint: {error.hint}", None
        return
    yield f"inventory: valid, {len(inventory.accounts)} accounts", None
    warning = permission_warning(path)
    if warning:
        yield f"warning: {warning}", None
    try:
        secrets = read_secrets(inventory.accounts, store)  # the audit's read: one connection
    except SecretStoreError as error:
        yield f"keyring: error while reading entries: {error.message}", ExitCode.KEYRING
        return
    missing = [a.id for a in inventory.accounts if secrets.password(a.id) is None]
    with_seed = [a.id for a in inventory.accounts if secrets.totp(a.id) is not None]
    stored = len(inventory.accounts) - len(missing)
    yield (
        (
            f"passwords in the keyring: {stored} of {len(inventory.accounts)} accounts"
            + (f" (missing: {', '.join(missing)})" if missing else "")
        ),
        None,
    )
    yield f"TOTP seeds in the keyring: {len(with_seed)}", None
    with_codes = [a.id for a in inventory.accounts if secrets.backup_codes(a.id)]
    plural = "" if len(with_codes) == 1 else "s"
    yield f"backup codes in the keyring: for {len(with_codes)} account{plural}", None
    yield from _unused(inventory, path)


def _check_keyring() -> tuple[KeyringStore | None, list[Line]]:
    """The backend, whether it answers, and where it would store secrets; no store when
    store-audit cannot use it."""
    lines: list[Line] = []
    try:
        store = KeyringStore()
        lines.append((f"keyring backend: {store.describe()}", None))
        started = time.perf_counter()
        store.get(PROBE_SERVICE, "probe")
        elapsed = (time.perf_counter() - started) * 1000
        lines.append((f"keyring answers: yes (one read took {elapsed:.0f} ms)", None))
    except SecretStoreError as error:
        lines.append((f"keyring answers: no: {error.message}", None))
        lines.append((f"hint: {error.hint}", ExitCode.KEYRING))
        return None, lines
    lines += _storage(store)
    return (None if any(code for _, code in lines) else store), lines


def _storage(store: KeyringStore) -> Iterator[Line]:
    """Whether secrets would be written unencrypted (keyring's plaintext fallback)."""
    plain = store.unencrypted_file()
    if plain is None:
        return
    try:
        store.refuse_unencrypted()
        yield f"keyring storage: unencrypted, in {plain} (a backend you chose)", None
    except SecretStoreError as error:
        yield f"keyring storage: unencrypted, in {plain}: store-audit writes no secret there", None
        yield f"hint: {error.hint}", ExitCode.KEYRING


def _first_run() -> list[Line]:
    """What a new user needs when no inventory exists in the default places: not an error (the
    keyring answered), but where one will be created and the commands that create it."""
    try:
        locate_inventory(None)
    except InventoryError:
        created = config_inventory_path()
        return [
            (f"inventory: none yet (looked for {LOCAL_SHOWN} and {created})", None),
            (
                f"next: `store-audit import FILE --from MANAGER` brings your accounts in from a "
                f"password manager, or `store-audit add ID ...` adds one; either creates {created}",
                None,
            ),
        ]
    return []


def _unused(inventory: Inventory, path: Path) -> Iterator[Line]:
    """Entries an interrupted write left (the journal), and, on the Secret Service, every entry
    under store-audit/ that no account of this inventory uses."""
    try:
        left, foreign = unfinished(path, inventory)
    except UsageError as error:
        yield f"journal: error: {error.message}", ExitCode.USAGE
        left, foreign = Pending(), Pending()
    if left or foreign:
        yield (
            f"interrupted write: {len(left.created)} keyring entries it created are not in the "
            f"inventory, {len(left.replaced)} it replaced have their previous value kept; the next "
            "add, import, set or set-secret finishes it"
            + (
                f" (and leaves alone the {len(foreign.created + foreign.replaced)} entries the "
                "journal names that no account here could own)"
                if foreign
                else ""
            ),
            None,
        )
    try:
        unused = unused_entries(inventory, KeyringWriter())
    except SecretStoreError as error:
        yield f"keyring: error while listing entries: {error.message}", ExitCode.KEYRING
        return
    if unused is None:
        yield "unused keyring entries: this backend cannot list its entries", None
        return
    yield (
        f"unused keyring entries (under store-audit/, used by no account here): {len(unused)}",
        None,
    )
    for service, user in unused:
        yield f"  {service} (user {user})", None
    if unused:
        yield (
            "hint: `store-audit doctor --prune` removes them after asking; entries of another "
            "inventory that shares this keyring look unused here too",
            None,
        )
