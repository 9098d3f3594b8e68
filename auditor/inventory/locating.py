"""Where the inventory is: the lookup every command does, the file `add` and `import` create,
and whether others could change it."""

from __future__ import annotations

import os
from pathlib import Path

from auditor.errors import InventoryError
from auditor.i18n import _

ENV_VARIABLE = "STORE_AUDIT_INVENTORY"
LOCAL_NAME = "store-audit.toml"
LOCAL_SHOWN = os.path.join(os.curdir, LOCAL_NAME)
"""./store-audit.toml as messages show it: .\\store-audit.toml on Windows."""
CONFIG_NAME = "inventory.toml"


def locate_inventory(explicit: str | Path | None, *, cwd: Path | None = None) -> Path:
    """The inventory path: `--inventory`, then $STORE_AUDIT_INVENTORY, then ./store-audit.toml,
    then inventory.toml in the platform's config dir. Raises when none of them exists."""
    if explicit is not None:
        return Path(explicit)
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return Path(from_env)
    local = (cwd or Path.cwd()) / LOCAL_NAME
    if local.is_file():
        return Path(LOCAL_NAME) if cwd is None else local
    configured = config_inventory_path()
    if configured.is_file():
        return configured
    raise InventoryError(
        _("no inventory found: looked for {local} and {configured}").format(
            local=LOCAL_SHOWN, configured=configured
        ),
        hint=_(
            "create one from your password manager's export with `store-audit import FILE "
            "--from MANAGER`, or account by account with `store-audit add ID ...`; pass "
            "--inventory PATH or set ${variable} for one elsewhere; `store-audit demo` needs none"
        ).format(variable=ENV_VARIABLE),
    )


def inventory_path_for_writing(explicit: str | Path | None) -> Path:
    """Where `add` and `import` write: the inventory every command would find, or, when there is
    none yet, inventory.toml in the config dir (found from any working directory)."""
    try:
        return locate_inventory(explicit)
    except InventoryError:
        return config_inventory_path()


def config_inventory_path() -> Path:
    """inventory.toml in the per-user config dir (click.get_app_dir)."""
    import click

    return Path(click.get_app_dir("store-audit")) / CONFIG_NAME


def permission_warning(path: Path) -> str | None:
    """A warning when others may write the inventory (they could point the audit at other keyring
    entries, or the gate at other accounts); None when it is private, or not a POSIX system."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if os.name != "posix":
        return None
    if not mode & (stat.S_IWGRP | stat.S_IWOTH):
        return _folder_warning(path)
    changed = (
        _(
            "{path} can be changed by anyone (mode {mode}): someone else could redirect which "
            "keyring entries store-audit reads; run chmod 600 {path}"
        )
        if mode & stat.S_IWOTH
        else _(
            "{path} can be changed by its group (mode {mode}): someone else could redirect which "
            "keyring entries store-audit reads; run chmod 600 {path}"
        )
    )
    return changed.format(path=path, mode=f"{stat.S_IMODE(mode):04o}")


def _folder_warning(path: Path) -> str | None:
    """A warning when others may replace the inventory through its folder (writable by them and
    without the sticky bit that /tmp has)."""
    import stat

    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = folder.stat().st_mode
    except OSError:
        return None
    if not mode & (stat.S_IWGRP | stat.S_IWOTH) or mode & stat.S_ISVTX:
        return None
    changed = (
        _(
            "the folder {folder} can be changed by anyone (mode {mode}): someone else could "
            "replace the inventory; keep it in a folder only you can write"
        )
        if mode & stat.S_IWOTH
        else _(
            "the folder {folder} can be changed by its group (mode {mode}): someone else could "
            "replace the inventory; keep it in a folder only you can write"
        )
    )
    return changed.format(folder=folder, mode=f"{stat.S_IMODE(mode):04o}")
