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
from auditor.i18n import _, listed, ngettext
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
    yield (
        _("store-audit {version} on Python {python} ({platform})").format(
            version=__version__, python=platform.python_version(), platform=sys.platform
        ),
        None,
    )
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
            source = _("the default locations")
        yield _("inventory: {path} (from {source})").format(path=path, source=source), None
        inventory = load_inventory(path)
    except InventoryError as error:
        yield _("inventory: error: {message}").format(message=error.message), ExitCode.USAGE
        if error.hint:
            yield _hint(error.hint), None
        return
    count = len(inventory.accounts)
    yield _("inventory: valid, {count} accounts").format(count=count), None
    warning = permission_warning(path)
    if warning:
        yield _("warning: {message}").format(message=warning), None
    yield from _stored(inventory, store)
    yield from _unused(inventory, path)


def _stored(inventory: Inventory, store: KeyringStore) -> Iterator[Line]:
    """How many of the accounts have a password, a seed and backup codes in the keyring."""
    try:
        secrets = read_secrets(inventory.accounts, store)  # the audit's read: one connection
    except SecretStoreError as error:
        failed = _("keyring: error while reading entries: {message}")
        yield failed.format(message=error.message), ExitCode.KEYRING
        return
    missing = [a.id for a in inventory.accounts if secrets.password(a.id) is None]
    with_seed = [a.id for a in inventory.accounts if secrets.totp(a.id) is not None]
    stored = len(inventory.accounts) - len(missing)
    passwords = (
        _("passwords in the keyring: {stored} of {total} accounts (missing: {missing})")
        if missing
        else _("passwords in the keyring: {stored} of {total} accounts")
    )
    yield (
        passwords.format(stored=stored, total=len(inventory.accounts), missing=listed(missing)),
        None,
    )
    yield _("TOTP seeds in the keyring: {count}").format(count=len(with_seed)), None
    with_codes = len([a.id for a in inventory.accounts if secrets.backup_codes(a.id)])
    codes = ngettext(
        "backup codes in the keyring: for {count} account",
        "backup codes in the keyring: for {count} accounts",
        with_codes,
    )
    yield codes.format(count=with_codes), None


def _check_keyring() -> tuple[KeyringStore | None, list[Line]]:
    """The backend, whether it answers, and where it would store secrets; no store when
    store-audit cannot use it."""
    lines: list[Line] = []
    try:
        store = KeyringStore()
        lines.append((_("keyring backend: {backend}").format(backend=store.describe()), None))
        started = time.perf_counter()
        store.get(PROBE_SERVICE, "probe")
        elapsed = (time.perf_counter() - started) * 1000
        answers = _("keyring answers: yes (one read took {ms} ms)").format(ms=f"{elapsed:.0f}")
        lines.append((answers, None))
    except SecretStoreError as error:
        lines.append((_("keyring answers: no: {message}").format(message=error.message), None))
        lines.append((_hint(error.hint), ExitCode.KEYRING))
        return None, lines
    lines += _storage(store)
    return (None if any(code for _line, code in lines) else store), lines


def _storage(store: KeyringStore) -> Iterator[Line]:
    """Whether secrets would be written unencrypted (keyring's plaintext fallback)."""
    plain = store.unencrypted_file()
    if plain is None:
        return
    try:
        store.refuse_unencrypted()
        yield (
            _("keyring storage: unencrypted, in {path} (a backend you chose)").format(path=plain),
            None,
        )
    except SecretStoreError as error:
        refused = _("keyring storage: unencrypted, in {path}: store-audit writes no secret there")
        yield refused.format(path=plain), None
        yield _hint(error.hint), ExitCode.KEYRING


def _first_run() -> list[Line]:
    """What a new user needs when no inventory exists in the default places: not an error (the
    keyring answered), but where one will be created and the commands that create it."""
    try:
        locate_inventory(None)
    except InventoryError:
        created = config_inventory_path()
        none_yet = _("inventory: none yet (looked for {local} and {created})")
        then = _(
            "next: `store-audit import FILE --from MANAGER` brings your accounts in from a "
            "password manager, or `store-audit add ID ...` adds one; either creates {created}"
        )
        return [
            (none_yet.format(local=LOCAL_SHOWN, created=created), None),
            (then.format(created=created), None),
        ]
    return []


def _unused(inventory: Inventory, path: Path) -> Iterator[Line]:
    """Entries an interrupted write left (the journal), and, on the Secret Service, every entry
    under store-audit/ that no account of this inventory uses."""
    try:
        left, foreign = unfinished(path, inventory)
    except UsageError as error:
        yield _("journal: error: {message}").format(message=error.message), ExitCode.USAGE
        left, foreign = Pending(), Pending()
    if left or foreign:
        interrupted = (
            _(
                "interrupted write: {created} keyring entries it created are not in the "
                "inventory, {replaced} it replaced have their previous value kept; the next add, "
                "import, set or set-secret finishes it (and leaves alone the {foreign} entries "
                "the journal names that no account here could own)"
            )
            if foreign
            else _(
                "interrupted write: {created} keyring entries it created are not in the "
                "inventory, {replaced} it replaced have their previous value kept; the next add, "
                "import, set or set-secret finishes it"
            )
        )
        yield (
            interrupted.format(
                created=len(left.created),
                replaced=len(left.replaced),
                foreign=len(foreign.created + foreign.replaced),
            ),
            None,
        )
    try:
        unused = unused_entries(inventory, KeyringWriter())
    except SecretStoreError as error:
        failed = _("keyring: error while listing entries: {message}")
        yield failed.format(message=error.message), ExitCode.KEYRING
        return
    if unused is None:
        yield _("unused keyring entries: this backend cannot list its entries"), None
        return
    unused_line = _("unused keyring entries (under store-audit/, used by no account here): {count}")
    yield unused_line.format(count=len(unused)), None
    for service, user in unused:
        yield "  " + _("{service} (user {user})").format(service=service, user=user), None
    if unused:
        yield (
            _hint(
                _(
                    "`store-audit doctor --prune` removes them after asking; entries of another "
                    "inventory that shares this keyring look unused here too"
                )
            ),
            None,
        )


def _hint(hint: str | None) -> str:
    """A hint line, as every command words it."""
    return _("hint: {hint}").format(hint=hint)
