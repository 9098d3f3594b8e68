"""`store-audit import`: the whole run between parsing and printing.

The export is read, then planned against a look at the inventory and keyring (`looking`: no
lock file, no config directory, no journal), which is all a dry run, a run with nothing to do or
a refused run needs, so none of them leaves anything behind. A run that writes plans again under
the lock (another writer, or the undoing of an interrupted write, may have changed the inventory)
and applies the plan all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from auditor.intake.apply import ImportResult, apply_import, refuse_blocked
from auditor.intake.importers import ExportEntry, read_entries, read_export, stdin_path
from auditor.intake.plan import plan_file
from auditor.intake.proposal import ImportPlan
from auditor.intake.session import looking, writing
from auditor.inventory import inventory_path_for_writing
from auditor.inventory.editing import InventoryDocument
from auditor.progress import Progress
from auditor.secrets import SecretStore


@dataclass(frozen=True)
class ImportRequest:
    """What `import` was asked to do."""

    export: Path
    """The export file; `-` for standard input."""
    manager: str
    """The `--from` importer's name."""
    encoding: str | None
    """`--encoding`; None: the file's mark, UTF-8, else GB18030."""
    inventory: Path | None
    """`--inventory`; None: found as every writing command finds it."""
    keep_all: bool
    """`--all`: keep logins of unknown sites as kind = "other"."""
    force: bool
    """`--force`: replace keyring entries that already exist."""
    dry_run: bool
    """`--dry-run`: plan, write nothing."""


@dataclass(frozen=True)
class Imported:
    """What `import` did."""

    plan: ImportPlan
    """The plan it carried out (or stopped at)."""
    document: InventoryDocument
    """The inventory the plan is for."""
    result: ImportResult | None
    """What was written; None: nothing (a dry run, or nothing to do)."""


Show = Callable[[ImportPlan, InventoryDocument], None]
"""Hears the plan before it is refused or carried out (the CLI prints it)."""


def import_export(
    request: ImportRequest,
    say: Callable[[str], None],
    show: Show,
    progress: Callable[[], AbstractContextManager[Progress]],
) -> Imported:
    """Read, plan and (unless it is a dry run, refused or has nothing to do) write the import.
    `say` hears one-line notes (a guessed encoding, a lock waited for); `progress` makes the
    line shown while a large export is planned."""
    read = read_export(request.export, request.encoding)  # "-": standard input
    if read.guessed:
        say(read.guessed)  # a guessed encoding is said, never silent
    piped = str(request.export) == "-"
    entries = read_entries(request.manager, read.text, stdin_path() if piped else request.export)
    path = inventory_path_for_writing(request.inventory)
    look = looking(path)
    document, plan = _planned(path, entries, look.store, request, progress)
    settled = not look.unfinished_write and (not plan.changes or plan.blocked(request.force))
    if request.dry_run or settled:
        _shown(plan, document, request, show)
        return Imported(plan, document, None)
    with writing(path, say) as session:
        document, plan = _planned(session.path, entries, session.writer, request, progress)
        _shown(plan, document, request, show)
        if not plan.changes:
            return Imported(plan, document, None)
        result = apply_import(
            plan, document, session.writer, force=request.force, journal=session.journal
        )
    return Imported(plan, document, result)


def _planned(
    path: Path,
    entries: list[ExportEntry],
    store: SecretStore,
    request: ImportRequest,
    progress: Callable[[], AbstractContextManager[Progress]],
) -> tuple[InventoryDocument, ImportPlan]:
    with progress() as shown:
        return plan_file(path, entries, store, request.keep_all, shown)


def _shown(
    plan: ImportPlan, document: InventoryDocument, request: ImportRequest, show: Show
) -> None:
    """The plan shown, then refused where it replaces secrets without --force (a dry run too:
    it is refused where the run would be)."""
    show(plan, document)
    refuse_blocked(plan, force=request.force)
