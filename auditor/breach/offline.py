"""The Pwned Passwords corpus on disk, looked up without reading it.

`SortedFile` is the single file the official downloader writes by default: one `SHA1HEX:COUNT`
line per hash, sorted, LF or CRLF. SHA-1 values are uniform, so a hash's place in the file is
predictable from its value: interpolation search lands near it in a few probes of a memory map
(every third probe bisects, which bounds the worst case at a binary search). Each lookup touches
a handful of pages, whatever the file's size.

`PrefixDirectory` is the downloader's other layout: `XXXXX.txt` files of `SUFFIX:COUNT` lines.

Both check what they were given at open, by probing a few places rather than scanning: an NTLM
corpus, an unsorted or truncated file, or something that is not text gets a one-line error that
says what it is and what to download instead.
"""

from __future__ import annotations

import itertools
import mmap
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from auditor.breach.corpus_errors import DOWNLOAD_HINT
from auditor.breach.corpus_errors import bad_line as _describe_bad_line
from auditor.breach.source import BreachCorpusError
from auditor.files import read_regular
from auditor.i18n import _
from auditor.i18n.oserrors import reason

SHA1_LINE = re.compile(rb"[0-9A-F]{40}:[0-9]+\r?")
SUFFIX_LINE = re.compile(rb"[0-9A-F]{35}:[0-9]+\r?")
PARTIAL_LINE = re.compile(rb"[0-9A-F]{1,40}(:[0-9]*)?\r?")
PREFIX_FILE = re.compile(r"[0-9A-F]{5}\.txt")
PROBES = 16
NEWLINE = ord("\n")
LINEAR_BELOW = 4096
RELEASE_EVERY = 8
"""Lookups between two releases of the corpus's mapped pages (a probe can map 1.5 MiB)."""
"""Byte span below which the remaining lines are simply read in order."""


class SortedFile:
    """The downloader's single sorted file, memory-mapped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # a FIFO must not hang the open (Windows has none, nor the flag)
            handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            try:
                status = os.fstat(handle)
                if not stat.S_ISREG(status.st_mode):
                    raise BreachCorpusError(
                        _(
                            "{path}: not a regular file (a FIFO, a socket or a device); not a "
                            "Pwned Passwords corpus"
                        ).format(path=path),
                        hint=_(DOWNLOAD_HINT),
                    )
                size = status.st_size
                if size == 0:
                    raise BreachCorpusError(
                        _("{path}: empty; not a Pwned Passwords corpus").format(path=path),
                        hint=_(DOWNLOAD_HINT),
                    )
                self._map = mmap.mmap(handle, 0, access=mmap.ACCESS_READ)
                # A lookup reads a few lines at scattered places: no read-ahead for them.
                if sys.platform != "win32":  # Windows' mmap has no madvise
                    self._map.madvise(mmap.MADV_RANDOM)
            finally:
                os.close(handle)
        except FileNotFoundError:
            raise BreachCorpusError(
                _("{path}: no such file").format(path=path), hint=_(DOWNLOAD_HINT)
            ) from None
        except OSError as error:
            raise BreachCorpusError(
                _("{path}: cannot read: {reason}").format(path=path, reason=reason(error))
            ) from None
        self._size = size
        self._check()
        self._release()

    def describe(self) -> str:
        return _("Pwned Passwords file {path}").format(path=self.path)

    def _line(self, offset: int) -> tuple[int, int]:
        """Start and end (exclusive, before the newline) of the line holding byte `offset`."""
        start = self._map.rfind(b"\n", 0, offset) + 1
        end = self._map.find(b"\n", offset)
        return start, self._size if end == -1 else end

    def _check(self) -> None:
        end = self._size - 1 if self._map[self._size - 1 : self._size] == b"\n" else self._size
        last_start = self._map.rfind(b"\n", 0, end) + 1
        last = self._map[last_start:end]
        first_start, first_end = self._line(0)
        first = self._map[first_start:first_end]
        if not SHA1_LINE.fullmatch(first):
            raise _describe_bad_line(first[:80], self.path, _("its first line"))
        if not SHA1_LINE.fullmatch(last) and PARTIAL_LINE.fullmatch(last):
            raise BreachCorpusError(
                _("{path}: ends with an incomplete line (a download cut short?)").format(
                    path=self.path
                ),
                hint=_(DOWNLOAD_HINT),
            )
        previous = b""
        offsets = [0, *(self._size * i // PROBES for i in range(1, PROBES)), last_start]
        for offset in offsets:
            start, stop = self._line(min(offset, max(0, end - 1)))
            line = self._map[start:stop]
            if not SHA1_LINE.fullmatch(line):
                where = (
                    _("its first line")
                    if start == 0
                    else _("its last line")
                    if start == last_start
                    else _("the line at byte {byte}").format(byte=start)
                )
                raise _describe_bad_line(line[:80], self.path, where)
            if line[:40] < previous:
                raise BreachCorpusError(
                    _(
                        "{path}: not sorted by hash (the line at byte {byte} comes before the one "
                        "above it)"
                    ).format(path=self.path, byte=start),
                    hint=_(DOWNLOAD_HINT),
                )
            previous = line[:40]

    def count(self, target: str) -> int:
        """Times the upper-case SHA-1 hex `target` was seen; 0 when absent."""
        key = target.encode("ascii")
        wanted = int(target[:16], 16)
        lo, hi = 0, self._size  # lines starting in [lo, hi) may hold it; lo is a line start
        lo_key, hi_key = 0, 1 << 64
        step = 0
        while hi - lo > LINEAR_BELOW:
            step += 1
            if step % 3 == 0 or hi_key <= lo_key:
                guess = (lo + hi) // 2
            else:
                guess = lo + (wanted - lo_key) * (hi - lo) // (hi_key - lo_key)
                guess = min(max(guess, lo), hi - 1)
            start, end = self._line(guess)
            if start < lo:
                start, end = self._line(lo)
            found = self._map[start : start + 40]
            if found == key:
                return self._count_at(start, end)
            if found < key:
                lo, lo_key = end + 1, int(found[:16], 16)
            else:
                hi, hi_key = start, int(found[:16], 16)
        # The few lines left, searched at once (lo is a line start, hi one or the end).
        rest = self._map[lo : hi + len(key)]
        at = rest.find(key)
        while at != -1 and at < hi - lo:
            if at == 0 or rest[at - 1] == NEWLINE:
                return self._count_at(*self._line(lo + at))
            at = rest.find(key, at + 1)  # inside a line that is not a hash line: not it
        return 0

    def _release(self) -> None:
        if sys.platform != "win32":  # Windows' mmap has no madvise
            self._map.madvise(mmap.MADV_DONTNEED)

    def _count_at(self, start: int, end: int) -> int:
        count = self._map[start + 41 : end].rstrip(b"\r")
        if not (count.isdigit() and len(count) <= MAX_COUNT_DIGITS):
            raise BreachCorpusError(
                _(
                    "{path}: the line at byte {byte} has no count after its hash; not a Pwned "
                    "Passwords SHA-1 corpus"
                ).format(path=self.path, byte=start),
                hint=_(DOWNLOAD_HINT),
            )
        return int(count)

    def counts(self, hashes: Iterable[str]) -> dict[str, int]:
        # Each probe maps in a block of pages around it (the kernel's fault-around), all counted
        # in the memory the audit holds: thousands of lookups would keep most of a large corpus
        # mapped. Letting the mapping go every few lookups keeps it small; the pages stay in the
        # kernel's cache, so the next probes find them there.
        try:
            found = {}
            # in order: each lookup then lands near the last one, on pages still mapped
            for done, value in enumerate(sorted(hashes), 1):
                found[value] = self.count(value)
                if done % RELEASE_EVERY == 0:
                    self._release()
            self._release()
            return found
        except ValueError:  # a line between the probed ones that is not hex
            raise BreachCorpusError(
                _(
                    "{path}: a line is not a SHA1HEX:COUNT line; not a Pwned Passwords SHA-1 corpus"
                ).format(path=self.path),
                hint=_(DOWNLOAD_HINT),
            ) from None


class PrefixDirectory:
    """The downloader's per-prefix layout: `XXXXX.txt` files of `SUFFIX:COUNT` lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            sample = [e for e in itertools.islice(os.scandir(path), 8) if e.is_file()]
        except OSError as error:
            raise BreachCorpusError(
                _("{path}: cannot read: {reason}").format(path=path, reason=reason(error))
            ) from None
        named = [e for e in sample if PREFIX_FILE.fullmatch(e.name)]
        if not named:
            raise BreachCorpusError(
                _(
                    "{path}: a directory without XXXXX.txt prefix files; not a Pwned Passwords "
                    "corpus"
                ).format(path=path),
                hint=_(DOWNLOAD_HINT),
            )
        for item in named[:3]:
            first = _read_prefix_file(path, Path(item.path))[:200].split(b"\n")[0]
            if first and not SUFFIX_LINE.fullmatch(first):
                raise _describe_bad_line(first[:80], path / item.name, _("its first line"))

    def describe(self) -> str:
        return _("Pwned Passwords directory {path}").format(path=self.path)

    def counts(self, hashes: Iterable[str]) -> dict[str, int]:
        by_prefix: dict[str, list[str]] = {}
        for value in hashes:
            by_prefix.setdefault(value[:5], []).append(value)
        found: dict[str, int] = {}
        for prefix, values in by_prefix.items():
            # which prefix file is never said: its name is 5 hex digits of a password's hash
            text = _read_prefix_file(self.path, self.path / f"{prefix}.txt")
            suffixes = parse_range(text, _("{path}: a prefix file").format(path=self.path))
            for value in values:
                found[value] = suffixes.get(value[5:], 0)
        return found


MAX_PREFIX_FILE_BYTES = 4 * 1024 * 1024
"""Far above the official prefix files (about 40 KB each)."""


def _read_prefix_file(directory: Path, file: Path) -> bytes:
    """A prefix file's bytes; a BreachCorpusError that names the directory, never the file."""
    try:
        text = read_regular(file, MAX_PREFIX_FILE_BYTES)
    except FileNotFoundError:
        raise BreachCorpusError(
            _("{path}: a prefix file is missing: the download is incomplete").format(
                path=directory
            ),
            hint=_(DOWNLOAD_HINT),
        ) from None
    except OSError as error:
        raise BreachCorpusError(
            _("{path}: a prefix file cannot be read: {reason}").format(
                path=directory, reason=reason(error) if error.strerror else _("not a file")
            ),
            hint=_(DOWNLOAD_HINT),
        ) from None
    if len(text) > MAX_PREFIX_FILE_BYTES:
        raise BreachCorpusError(
            _(
                "{path}: a prefix file is larger than {size} MiB; not a Pwned Passwords corpus"
            ).format(path=directory, size=MAX_PREFIX_FILE_BYTES // 2**20),
            hint=_(DOWNLOAD_HINT),
        )
    return text


MAX_COUNT_DIGITS = 12
"""More digits than any count of sightings has (the largest is under 10^8)."""


def parse_range(text: bytes, source: Path | str) -> dict[str, int]:
    """`SUFFIX:COUNT` lines (a prefix file, or a range API answer) → suffix → count."""
    found = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        suffix, _colon, count = line.partition(b":")
        if len(suffix) != 35 or not count.isdigit() or len(count) > MAX_COUNT_DIGITS:
            raise BreachCorpusError(_("{source}: a line is not SUFFIX:COUNT").format(source=source))
        found[suffix.decode("ascii").upper()] = int(count)
    return found
