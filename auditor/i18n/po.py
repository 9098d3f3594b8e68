"""Compile a gettext `.po` catalog into the binary `.mo` form the standard library's `gettext`
reads: what the wheel's build hook writes (hatch_build.py), and what a source checkout or an
editable install compiles in memory, so a translator's edit shows on the next run.

Only the standard library: the build hook loads this file by path, before the package exists.
Babel (a test dependency) checks that this reading of a catalog is the same as its own
(tests/i18n/test_catalog.py). Fuzzy and obsolete entries are left out, as `msgfmt` does; an
untranslated entry is left out too, so gettext falls back to the English source.
"""

from __future__ import annotations

import ast
import struct
from dataclasses import dataclass, field

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}


@dataclass
class Entry:
    """One message of a catalog, as read from its `.po` lines."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    """Translation per plural index; index 0 for a message without plural."""
    flags: set[str] = field(default_factory=set)
    line: int = 0
    """The line the entry starts on, for error messages."""

    @property
    def key(self) -> str:
        """The lookup key gettext uses: context, EOT, message id (and the plural after NUL)."""
        base = self.msgid if self.msgid_plural is None else f"{self.msgid}\0{self.msgid_plural}"
        return base if self.msgctxt is None else f"{self.msgctxt}\x04{base}"

    @property
    def translated(self) -> bool:
        """Whether every form has a translation and no flag marks it as needing review."""
        return "fuzzy" not in self.flags and bool(self.msgstr) and all(self.msgstr.values())


class CatalogError(ValueError):
    """A `.po` file that is not well formed; the message names the line."""


def _unquote(text: str, line: int) -> str:
    """The value of one `"..."` piece of a .po line, with C escapes resolved."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise CatalogError(f"line {line}: expected a quoted string, found {text[:40]!r}")
    out = []
    body = iter(text[1:-1])
    for char in body:
        if char != "\\":
            out.append(char)
            continue
        following = next(body, "")
        if following not in _ESCAPES:
            raise CatalogError(f"line {line}: unknown escape \\{following}")
        out.append(_ESCAPES[following])
    return "".join(out)


def parse(text: str) -> list[Entry]:
    """Every entry of a `.po` file, the header (empty msgid) first when there is one."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int] | None = None
    started = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if started and target is not None and target[0] == "msgstr":
                entries.append(current)
                current, target, started = Entry(), None, False
            if line.startswith("#,"):
                current.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if target is None:
                raise CatalogError(f"line {number}: a string continues nothing")
            _append(current, target, _unquote(line, number))
            continue
        if keyword in ("msgctxt", "msgid") and started and target and target[0] == "msgstr":
            entries.append(current)
            current, started = Entry(flags=set()), False
        if not started:
            current.line, started = number, True
        target = _start(current, keyword, _unquote(rest, number), number)
    if started:
        entries.append(current)
    return entries


def _start(entry: Entry, keyword: str, value: str, line: int) -> tuple[str, int]:
    """Record the first piece of a keyword's string; return where continuations go."""
    if keyword == "msgctxt":
        entry.msgctxt = value
        return ("msgctxt", 0)
    if keyword == "msgid":
        entry.msgid = value
        return ("msgid", 0)
    if keyword == "msgid_plural":
        entry.msgid_plural = value
        return ("msgid_plural", 0)
    if keyword == "msgstr":
        entry.msgstr[0] = value
        return ("msgstr", 0)
    if keyword.startswith("msgstr[") and keyword.endswith("]"):
        index = ast.literal_eval(keyword[7:-1])
        if not isinstance(index, int):
            raise CatalogError(f"line {line}: bad plural index in {keyword}")
        entry.msgstr[index] = value
        return ("msgstr", index)
    raise CatalogError(f"line {line}: unknown keyword {keyword[:20]!r}")


def _append(entry: Entry, target: tuple[str, int], value: str) -> None:
    """A continuation line: its string joins the one the keyword started."""
    name, index = target
    if name == "msgstr":
        entry.msgstr[index] += value
    elif name == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + value
    else:
        setattr(entry, name, getattr(entry, name) + value)


def compile_mo(entries: list[Entry]) -> bytes:
    """The `.mo` bytes of the translated entries (and the header), keys sorted as gettext
    expects; no hash table (the standard library never reads one)."""
    pairs = {}
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None:
            pairs[""] = entry.msgstr.get(0, "")
        elif entry.translated:
            count = max(entry.msgstr) + 1
            pairs[entry.key] = "\0".join(entry.msgstr.get(i, "") for i in range(count))
    keys = sorted(pairs)
    ids = [k.encode("utf-8") for k in keys]
    strs = [pairs[k].encode("utf-8") for k in keys]
    header_size = 7 * 4
    originals_at = header_size
    translations_at = originals_at + 8 * len(keys)
    data_at = translations_at + 8 * len(keys)
    table = bytearray()
    blob = bytearray()
    offsets: list[tuple[int, int]] = []
    for text in ids + strs:
        offsets.append((len(text), data_at + len(blob)))
        blob += text + b"\0"
    for length, offset in offsets:
        table += struct.pack("<II", length, offset)
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), originals_at, translations_at, 0, data_at)
    return header + bytes(table) + bytes(blob)
