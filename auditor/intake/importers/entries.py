"""What every password-manager export becomes: a list of `ExportEntry`, and the CSV reading they
share (BOM, quoted newlines, columns found by name). Errors name the file and the entry, and never
quote a password or a seed."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from auditor.errors import StoreAuditError
from auditor.files import read_regular
from auditor.i18n import N_, _
from auditor.i18n.oserrors import reason
from auditor.intake.importers import encodings
from auditor.intake.importers.encodings import ExportText
from auditor.secrets.value import Secret

MAX_EXPORT_BYTES = 64 * 1024 * 1024


class ExportError(StoreAuditError):
    """The export file cannot be read as the manager named with --from (exit 2)."""


@dataclass(frozen=True)
class ExportEntry:
    """One login from a password manager's export."""

    entry: int
    """Its position as the manager lists it: the n-th item of the export (1 = the first)."""
    title: str
    """The name the manager shows for it."""
    urls: tuple[str, ...]
    """Its login URLs."""
    username: str
    """The sign-in email or user name."""
    password: Secret | None
    """The password, if the entry has one."""
    totp: Secret | None
    """The TOTP seed or otpauth URI, if the entry has one."""
    kind: str = "login"
    """What the manager calls it when it is not a login: card, identity, secure note, ..."""
    shared: str = ""
    """What the export says about who else holds it (a Bitwarden organisation collection),
    in words; a hint for the plan, never written to the inventory."""


def read_export(path: Path, encoding: str | None = None) -> ExportText:
    """The export's text (`encodings`: BOM removed), from standard input when `path` is "-";
    ExportError when it cannot be read."""
    if str(path) == "-":
        return read_export_stream(sys.stdin.buffer, encoding)
    try:
        raw = read_regular(path, MAX_EXPORT_BYTES)
    except OSError as error:
        raise ExportError(
            _("{path}: cannot read: {reason}").format(path=path, reason=reason(error))
        ) from None
    return decode_export(raw, path, encoding)


STDIN = Path(N_("(standard input)"))
"""How an export piped in (`import -`) is named in messages, in English: `stdin_path()` is
its name in the run's language."""


def stdin_path() -> Path:
    """How an export piped in is named in messages, in the run's language."""
    return Path(_(str(STDIN)))


def read_export_stream(stream: BinaryIO, encoding: str | None = None) -> ExportText:
    """An export piped in (`bw export --raw ... | store-audit import -`): nothing on disk."""
    return decode_export(stream.read(MAX_EXPORT_BYTES + 1), stdin_path(), encoding)


def decode_export(raw: bytes, path: Path, encoding: str | None = None) -> ExportText:
    """The export's bytes as text (`encodings`); ExportError naming `path` otherwise."""
    if len(raw) > MAX_EXPORT_BYTES:
        raise ExportError(
            _("{path}: larger than {size} MiB; not an export").format(
                path=path, size=MAX_EXPORT_BYTES // 2**20
            )
        )
    read = encodings.decode_export(raw, path, encoding, ExportError)
    if not read.text.strip():
        raise ExportError(_("{path}: empty; nothing to import").format(path=path))
    return read


def csv_records(
    text: str,
    path: Path,
    manager: str,
    columns: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    *,
    backslash_escapes: bool = False,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (n, {column: value}) for the n-th non-empty record. `columns` maps each logical
    column to the header names it may have; header names are matched case-insensitively.
    `backslash_escapes`: quotes inside a cell are written \\" (1Password 7 for Mac)."""
    stream = io.StringIO(text.removeprefix("\ufeff"), newline="")
    reader = (
        csv.reader(stream, escapechar="\\", doublequote=False, strict=True)
        if backslash_escapes
        else csv.reader(stream, strict=True)
    )
    start = 1
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
        where = {
            name: next((header.index(a.lower()) for a in aliases if a.lower() in header), None)
            for name, aliases in columns.items()
        }
        missing = [columns[name][0] for name in required if where[name] is None]
        if missing:
            found = ", ".join(" ".join(h.split())[:40] for h in header if h.strip())[:200]
            raise ExportError(
                _(
                    "{path}: not a {manager} CSV export: no {column!r} column (found: {found})"
                ).format(
                    path=path, manager=manager, column=missing[0], found=found or _("nothing")
                ),
                hint=_("check --from, and export as CSV from the password manager"),
            )
        number, start = 0, reader.line_num + 1
        for row in reader:
            record = {
                name: row[index] if index is not None and index < len(row) else ""
                for name, index in where.items()
            }
            _refuse_runaway_quote(record, path, len(header), start, reader.line_num)
            start = reader.line_num + 1
            if any(cell.strip() for cell in row):
                number += 1
                yield number, record
    except csv.Error as error:
        # csv's messages describe the syntax ("unexpected end of data"), never a cell's content
        upto = (
            _(" (read on to line {line})").format(line=reader.line_num)
            if reader.line_num > start
            else ""
        )
        raise ExportError(
            _("{path}: line {line}: malformed CSV{upto}: {error}; an unbalanced quote?").format(
                path=path, line=start, upto=upto, error=error
            ),
            hint=_("fix the quotes on that line in a text editor, or export again"),
        ) from None


LABELS = ("name", "title", "username")
"""Cells that name an entry. One holding as many commas as a whole row has, on any of its lines,
holds the rows a stray quote swallowed (and their passwords): it is never shown or used."""


def _refuse_runaway_quote(
    record: dict[str, str], path: Path, width: int, start: int, end: int
) -> None:
    for name in LABELS:
        lines = record.get(name, "").splitlines()
        if width > 2 and any(line.count(",") >= width - 1 for line in lines):
            upto = _(", read on to line {line}").format(line=end) if end > start else ""
            raise ExportError(
                _(
                    "{path}: line {line}: a quoted cell holds whole rows{upto}: an unbalanced "
                    "quote? nothing was imported"
                ).format(path=path, line=start, upto=upto),
                hint=_("fix the quotes on that line in a text editor, or export again"),
            )


def csv_header(text: str) -> list[str]:
    """The first CSV line's cells, lower-cased and stripped (empty when it is not CSV)."""
    try:
        first = next(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")), [])
    except csv.Error:
        return []
    return [cell.strip().lower() for cell in first]


MAX_TITLE = 80
"""Characters of an entry's title kept: a label to find it by, never a page of text."""


def title_line(title: str) -> str:
    """An entry's title on one line, at most MAX_TITLE characters."""
    line = " ".join(title.split())
    return line if len(line) <= MAX_TITLE else line[: MAX_TITLE - 1] + "…"


def not_a_login(number: int, title: str, kind: str) -> ExportEntry:
    """An item the manager exported that is not a login (counted, never imported)."""
    return ExportEntry(number, title_line(title), (), "", None, None, kind)


def entry(
    line: int, title: str, urls: str | list[str], username: str, password: str, totp: str
) -> ExportEntry:
    """An ExportEntry from raw strings; empty secrets become None."""
    url_list = urls if isinstance(urls, list) else urls.replace("\n", ",").split(",")
    return ExportEntry(
        entry=line,
        title="" if password and password in title else title_line(title),
        urls=tuple(u.strip() for u in url_list if u and u.strip()),
        username=username.strip(),
        password=Secret(password) if password else None,
        totp=Secret(totp.strip()) if totp.strip() else None,
    )


def disagreement(entries: list[ExportEntry]) -> str | None:
    """Why entries for one login cannot be imported as one account: they disagree on a secret."""
    for what, values in (
        ("passwords", [e.password for e in entries]),
        ("TOTP seeds", [e.totp for e in entries]),
    ):
        if len({value.fingerprint() for value in values if value is not None}) > 1:
            return (
                f"entries for the same login hold different {what}; "
                "keep one in the password manager"
            )
    return None
