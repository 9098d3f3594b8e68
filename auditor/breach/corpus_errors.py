"""The one-line errors of a file that is not the Pwned Passwords SHA-1 corpus: what it is (an
NTLM corpus, not text, lower-case hex, not a `SHA1HEX:COUNT` line) and what to download."""

from __future__ import annotations

import re
from pathlib import Path

from auditor.breach.source import BreachCorpusError
from auditor.i18n import N_, _

NTLM_LINE = re.compile(rb"[0-9A-Fa-f]{32}:[0-9]+\r?")
NTLM_SUFFIX_LINE = re.compile(rb"[0-9A-Fa-f]{27}:[0-9]+\r?")
DOWNLOAD_HINT = N_(
    "download the SHA-1 corpus with the official downloader (haveibeenpwned-downloader "
    "pwnedpasswords), as one file or with -p for the per-prefix directory"
)


def bad_line(line: bytes, path: Path, where: str) -> BreachCorpusError:
    """Why `line` (at `where` in `path`) shows the file is not the SHA-1 corpus."""
    if NTLM_LINE.fullmatch(line) or NTLM_SUFFIX_LINE.fullmatch(line):
        return BreachCorpusError(
            _(
                "{path}: an NTLM corpus ({where} holds NTLM hashes); store-audit needs the SHA-1 "
                "one"
            ).format(path=path, where=where),
            hint=_(DOWNLOAD_HINT),
        )
    if b"\0" in line or any(byte > 127 for byte in line):
        return BreachCorpusError(
            _("{path}: not a text file; not a Pwned Passwords corpus").format(path=path),
            hint=_(DOWNLOAD_HINT),
        )
    if re.fullmatch(rb"[0-9a-fA-F]{40}:[0-9]+\r?", line):
        return BreachCorpusError(
            _("{path}: {where} is not upper-case hex as the official corpus writes it").format(
                path=path, where=where
            ),
            hint=_(DOWNLOAD_HINT),
        )
    return BreachCorpusError(
        _("{path}: {where} is not a SHA1HEX:COUNT line; not a Pwned Passwords SHA-1 corpus").format(
            path=path, where=where
        ),
        hint=_(DOWNLOAD_HINT),
    )
