"""Password-manager exports: one reader per manager, registered by the name `--from` takes.

Each reader turns the export's text into `ExportEntry`s; mapping them to accounts is
`auditor.intake.plan`'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from auditor.intake.importers.bitwarden import read_bitwarden
from auditor.intake.importers.chrome import read_chrome
from auditor.intake.importers.detect import wrong_manager
from auditor.intake.importers.entries import (
    STDIN,
    ExportEntry,
    ExportError,
    read_export,
    read_export_stream,
)
from auditor.intake.importers.firefox import read_firefox
from auditor.intake.importers.keepassxc import read_keepassxc
from auditor.intake.importers.lastpass import read_lastpass
from auditor.intake.importers.onepassword import read_onepassword

Reader = Callable[[str, Path], list[ExportEntry]]

IMPORTERS: dict[str, Reader] = {
    "bitwarden": read_bitwarden,
    "1password": read_onepassword,
    "chrome": read_chrome,
    "edge": read_chrome,  # Edge and Brave export Chrome's CSV
    "brave": read_chrome,
    "firefox": read_firefox,
    "keepassxc": read_keepassxc,
    "keepass": read_keepassxc,  # KeePass 2's own CSV; the KeePassXC reader reads both
    "lastpass": read_lastpass,
}


def read_entries(manager: str, text: str, path: Path) -> list[ExportEntry]:
    """The export's entries as `manager` wrote them; ExportError naming the manager that did
    when the file's shape says it was another."""
    advice = wrong_manager(manager, text)
    if advice:
        raise ExportError(f"{path}: {advice}")
    return IMPORTERS[manager](text, path)


__all__ = [
    "IMPORTERS",
    "STDIN",
    "ExportEntry",
    "ExportError",
    "Reader",
    "read_entries",
    "read_export",
    "read_export_stream",
]
