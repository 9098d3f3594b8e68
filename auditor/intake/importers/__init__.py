"""Password-manager exports: one reader per manager, registered by the name `--from` takes.

Each reader turns the export's text into `ExportEntry`s; mapping them to accounts is
`auditor.intake.plan`'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from auditor.intake.importers.bitwarden import read_bitwarden
from auditor.intake.importers.chrome import read_chrome
from auditor.intake.importers.entries import (
    STDIN,
    ExportEntry,
    ExportError,
    read_export,
    read_export_stream,
)
from auditor.intake.importers.keepassxc import read_keepassxc
from auditor.intake.importers.lastpass import read_lastpass
from auditor.intake.importers.onepassword import read_onepassword

Reader = Callable[[str, Path], list[ExportEntry]]

IMPORTERS: dict[str, Reader] = {
    "bitwarden": read_bitwarden,
    "1password": read_onepassword,
    "chrome": read_chrome,
    "keepassxc": read_keepassxc,
    "lastpass": read_lastpass,
}

__all__ = [
    "IMPORTERS",
    "STDIN",
    "ExportEntry",
    "ExportError",
    "Reader",
    "read_export",
    "read_export_stream",
]
