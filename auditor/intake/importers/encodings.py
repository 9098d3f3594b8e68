"""The text of an export, whatever machine saved it.

Password managers write UTF-8. A seller who opens the file in Excel or Notepad on Windows and
saves it gets what that machine writes: UTF-8 with a byte-order mark, UTF-16 (Excel's "Unicode
Text", Notepad's "Unicode"), or the Windows code page, which on a Chinese PC is GBK (936), a
subset of GB18030. Line ends may be CRLF; the CSV reader takes either.

Read without `--encoding`: a byte-order mark decides; else UTF-8; else GB18030, and the command
says so, since GB18030 is a guess (bytes of another code page can happen to be valid GB18030).
A file that is none of them is one line naming it and `--encoding`; nothing is read with
replacement characters, so no name is silently misread.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import StoreAuditError, UsageError
from auditor.i18n import _

_MARKS = (
    # UTF-32 LE's mark begins with UTF-16 LE's, so it is looked for first
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

FALLBACK = "gb18030"
"""Tried when a file without a byte-order mark is not UTF-8: what Chinese Windows writes."""


@dataclass(frozen=True)
class ExportText:
    """An export's text and how it was read."""

    text: str
    """The text, byte-order mark removed."""
    guessed: str | None = None
    """When its encoding was a guess (GB18030): the line that says so; else None."""


def check_encoding(name: str) -> str:
    """The codec name `--encoding` gave, or a one-line UsageError."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(
            _("--encoding {name!r}: not an encoding Python knows").format(name=name[:40]),
            hint=_("for example utf-8, utf-16, gb18030, cp1252, shift_jis"),
        ) from None


def decode_export(
    raw: bytes, path: Path, encoding: str | None, error: type[StoreAuditError]
) -> ExportText:
    """`raw` as text: in `encoding` when given, else detected (see the module's docstring);
    `error` (naming `path`) when it cannot be read so."""
    if encoding is not None:
        return ExportText(_decode(raw, check_encoding(encoding), path, error))
    for mark, codec, name in _MARKS:
        if raw.startswith(mark):
            return ExportText(_decode(raw, codec, path, error, name))
    if b"\0" in raw:  # no text encoding but UTF-16 and UTF-32 has NULs, and those had no mark
        raise error(
            _("{path}: holds NUL bytes, as UTF-16 text without a byte-order mark does").format(
                path=path
            ),
            hint=_("pass --encoding utf-16-le (or utf-16-be)"),
        )
    try:
        return ExportText(raw.decode("utf-8"))
    except UnicodeDecodeError as not_utf8:
        try:
            return ExportText(
                raw.decode(FALLBACK),
                guessed=_(
                    "{path} is not UTF-8: read as GB18030 (Chinese Windows); if names look "
                    "wrong, pass --encoding with the one it was saved in"
                ).format(path=path),
            )
        except UnicodeDecodeError:
            raise error(
                _(
                    "{path}: neither UTF-8 nor GB18030 text (byte {byte}); pass the encoding it "
                    "was saved in"
                ).format(path=path, byte=not_utf8.start),
                hint=_("--encoding cp1252 (Western Windows), shift_jis, big5, utf-16 ..."),
            ) from None


def _decode(
    raw: bytes,
    codec: str,
    path: Path,
    error: type[StoreAuditError],
    what: str | None = None,
) -> str:
    try:
        return raw.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError as failed:
        wrong = (
            _("{path}: not {encoding} text (byte {byte})")
            if what
            else _("{path}: not {encoding} (byte {byte})")
        )
        raise error(
            wrong.format(path=path, encoding=what or codec, byte=failed.start),
            hint=None if what else _("check --encoding"),
        ) from None
