"""How wide text is on a terminal, and how to wrap it there, for Chinese as for English.

A Chinese character takes two columns (`wcwidth`, the library terminals' own width tables come
from), so `len` undercounts a Chinese line by half. Chinese has no spaces between words: a line
may break between any two Chinese characters, but never inside an id, an address, a URL or a
`store-audit ...` command in backticks, and never just before closing punctuation (，。、）…)
or just after opening punctuation (（“《…), the line-breaking rules Chinese typesetting follows.
"""

from __future__ import annotations

import re

from wcwidth import wcwidth

_CLOSING = set("，。、；：！？）】》」』”’…%％·")
"""Never the first character of a line."""
_OPENING = set("（【《「『“‘")
"""Never the last character of a line."""
_TOKENS = re.compile(r"`[^`\n]*`|\[[^\]\s]{1,12}\]|\s+|[\x21-\x7e\u00a0-\u024f]+|.", re.DOTALL)
"""A backticked span (a command), a short bracketed tag (click's [必填]), a run of spaces, a run
of Latin text (ids, addresses, URLs, English words), or one other character (Chinese,
breakable after)."""


def display_width(text: str) -> int:
    """Columns `text` takes on a terminal: 2 for each wide (CJK) character, 0 for combining
    marks and control characters, 1 for the rest."""
    return sum(max(wcwidth(char), 0) for char in text)


def wrap(text: str, width: int, whole: bool = False) -> list[str]:
    """`text` as lines of at most `width` columns (each paragraph of it on its own lines). A
    token wider than a whole line (a very long URL) is the one thing cut, at the width; with
    `whole`, it is never cut but gets a line of its own, wider than `width` (a table that can
    move such a line aside asks for this: a URL cut in two cannot be copied)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max(width, 2), whole))
    return lines


def _wrap_paragraph(paragraph: str, width: int, whole: bool) -> list[str]:
    lines: list[str] = []
    line: list[str] = []
    used = 0
    tokens = _TOKENS.findall(paragraph)
    tokens.reverse()
    while tokens:
        token = tokens.pop()
        size = display_width(token)
        if token.startswith("`") and size > width:
            # a command longer than a line breaks between its words, like English
            tokens.extend(reversed(re.findall(r"\S+|\s+", token)))
            continue
        if token.isspace():
            if line and used + size <= width:
                line.append(token)
                used += size
            elif line:
                lines.append("".join(line).rstrip())
                line, used = [], 0
            continue
        if used + size <= width:
            line.append(token)
            used += size
            continue
        if whole and size > width:  # alone on its line, marks around it included, to stay short
            if line:
                lines.append("".join(line).rstrip())
            lines.append(token)
            line, used = [], 0
            continue
        carried = _carry(line, token, width)
        if line:
            lines.append("".join(line).rstrip())
        line = [*carried]
        used = sum(display_width(t) for t in line)
        for piece in _cut(token, width - used, width):
            if used + display_width(piece) > width and line:
                lines.append("".join(line).rstrip())
                line, used = [], 0
            line.append(piece)
            used += display_width(piece)
    if line or not lines:
        lines.append("".join(line).rstrip())
    return lines


def _carry(line: list[str], token: str, width: int) -> list[str]:
    """What moves from the end of a full line to the next one with `token`: the character (or
    the id, up to half a line) a closing mark must follow, or an opening mark that may not end
    the line."""
    carried: list[str] = []
    if token[0] in _CLOSING:
        # back to the character the mark closes, past marks that close with it (`）。`)
        while (
            len(line) > 1
            and not line[-1].isspace()
            and (len(line[-1]) == 1 or display_width(line[-1]) <= width // 2)
        ):
            carried.insert(0, line.pop())
            if carried[0] not in _CLOSING:
                break
    while line and line[-1] in _OPENING:
        carried.insert(0, line.pop())
    return carried


def _cut(token: str, room: int, width: int) -> list[str]:
    """The token whole when it fits a line, else in pieces: the first fills the `room` left on
    the current line, the others a whole line each."""
    if display_width(token) <= width or len(token) == 1:
        return [token]
    pieces, piece, used = [], "", 0
    for char in token:
        size = display_width(char)
        if used + size > room and piece:
            pieces.append(piece)
            piece, used, room = "", 0, width
        piece += char
        used += size
    return [*pieces, piece] if piece else pieces
