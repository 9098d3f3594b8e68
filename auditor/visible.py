"""Text as a reader sees it: characters that hide or reorder what is shown (zero-width spaces,
right-to-left overrides, control characters) become visible escapes such as `\\u202e`.

An inventory may hold them (a login pasted with a zero-width space is exactly what
email.lookalike reports), but no report, plan or terminal line renders them: a U+202E in a store
name would reverse the rest of its line, an ESC would drive the terminal.
"""

from __future__ import annotations

import unicodedata

_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})
"""Control, format (bidi, zero-width), line/paragraph separators, private, unassigned, surrogate."""


def visible(text: str) -> str:
    """`text` with every hidden character (tab and newline aside) written as an escape."""
    if text.isprintable():
        return text
    return "".join(
        f"\\u{ord(c):04x}" if c not in "\t\n" and unicodedata.category(c) in _HIDDEN else c
        for c in text
    )


def visible_line(text: str, limit: int | None = None) -> str:
    """`text` on one line: hidden characters, tabs and newlines written as escapes, cut to
    `limit` characters (with an ellipsis) when given."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    if text.isprintable():
        return text
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN else c for c in text)
