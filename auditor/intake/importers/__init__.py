"""Password-manager exports: one `Importer` record per manager, registered by the name `--from`
takes; the click choice, its help and the wrong-manager advice all read `IMPORTERS`.

Each reader turns the export's text into `ExportEntry`s; mapping them to accounts is
`auditor.intake.plan`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.i18n import _
from auditor.intake.importers.bitwarden import read_bitwarden
from auditor.intake.importers.chrome import read_chrome
from auditor.intake.importers.detect import detect_manager
from auditor.intake.importers.entries import (
    STDIN,
    ExportEntry,
    ExportError,
    read_export,
    read_export_stream,
    stdin_path,
)
from auditor.intake.importers.firefox import read_firefox
from auditor.intake.importers.keepassxc import read_keepassxc
from auditor.intake.importers.lastpass import read_lastpass
from auditor.intake.importers.onepassword import read_onepassword

Reader = Callable[[str, Path], list[ExportEntry]]


@dataclass(frozen=True)
class Importer:
    """One password manager's export: the `--from` value, the name it goes by, its reader, and
    the other `--from` values whose exports the same reader reads."""

    name: str
    """What `--from` takes."""
    label: str
    """The manager's own name, as an error message names it."""
    read: Reader
    """The export's text → its entries."""
    aliases: tuple[tuple[str, str], ...] = ()
    """Other `--from` values (and their labels) read by the same reader."""

    def __call__(self, text: str, path: Path) -> list[ExportEntry]:
        return self.read(text, path)

    def names(self) -> Iterator[tuple[str, str]]:
        """Each `--from` value it answers to, with its label."""
        yield self.name, self.label
        yield from self.aliases


_READERS = (
    Importer("bitwarden", "Bitwarden", read_bitwarden),
    Importer("1password", "1Password", read_onepassword),
    # Edge and Brave export Chrome's CSV.
    Importer("chrome", "Chrome", read_chrome, aliases=(("edge", "Edge"), ("brave", "Brave"))),
    Importer("firefox", "Firefox", read_firefox),
    # KeePass 2's own CSV: the KeePassXC reader reads both.
    Importer("keepassxc", "KeePassXC", read_keepassxc, aliases=(("keepass", "KeePass 2"),)),
    Importer("lastpass", "LastPass", read_lastpass),
)

IMPORTERS: dict[str, Importer] = {name: i for i in _READERS for name, _ in i.names()}
"""Every `--from` value → its importer, in the order `--help` lists them."""

LABELS: dict[str, str] = dict(pair for i in _READERS for pair in i.names())
"""Every `--from` value → the name that manager goes by."""

ALIASES_HELP = ", ".join(
    f"{' and '.join(alias for alias, _ in i.aliases)} read as {i.name}"
    for i in _READERS
    if i.aliases
)
"""`--from` values that share a reader, as the option's help says it."""


def read_entries(manager: str, text: str, path: Path) -> list[ExportEntry]:
    """The export's entries as `manager` wrote them; ExportError naming the manager that did
    when the file's shape says it was another."""
    found = detect_manager(text)
    if found is not None and IMPORTERS[found] is not IMPORTERS[manager]:
        raise ExportError(
            _("{path}: this looks like a {manager} export: use --from {name}").format(
                path=path, manager=LABELS[found], name=found
            )
        )
    return IMPORTERS[manager].read(text, path)


__all__ = [
    "ALIASES_HELP",
    "IMPORTERS",
    "LABELS",
    "STDIN",
    "stdin_path",
    "ExportEntry",
    "ExportError",
    "Importer",
    "Reader",
    "read_entries",
    "read_export",
    "read_export_stream",
]
