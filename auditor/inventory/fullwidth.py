"""Characters a Chinese input method types where ASCII was meant: the full-width forms (＠ ＝ ，
［ ］ ：), the ideographic space, Chinese quotation marks, and what the Chinese-mode keys give
(、 。 【 】). An inventory line or an address that holds one is a typing slip, not an attack:
messages name the character itself and the half-width one to type instead.
"""

from __future__ import annotations

import re
import tomllib

from auditor.i18n import _, and_list, pgettext

HALF_WIDTH: dict[str, str] = {
    **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},  # ！ to ～, ＡＢＣ, ０１２
    "\u3000": " ",  # the ideographic (full-width) space
    **{"“": '"', "”": '"', "‘": "'", "’": "'"},  # Chinese quotation marks, what " and ' give
    **{"、": ",", "。": ".", "【": "[", "】": "]"},  # the \ . [ ] keys in Chinese mode
}
"""Each character a Chinese input method types for an ASCII one, and that ASCII character."""

ADDRESS_SLIPS = frozenset(c for c in HALF_WIDTH if c not in "“”‘’")
"""The ones that end up in an address typed in Chinese mode (a quote never belongs in one)."""


def slips_in(value: str) -> list[str]:
    """The distinct input-method characters in `value`, in order of appearance."""
    return [c for c in dict.fromkeys(value) if c in ADDRESS_SLIPS]


def shown(char: str) -> str:
    """One character as a message quotes it: itself, quoted; a space, by name."""
    if char in " \u3000":
        return pgettext("a character", "space")
    return repr(char)


def typed_instead(slips: list[str]) -> tuple[str, str]:
    """`slips` and the half-width characters to type instead, as a message lists them."""
    fixes = dict.fromkeys(HALF_WIDTH[c] for c in slips)
    return and_list([shown(c) for c in slips]), and_list([shown(c) for c in fixes])


def corrected(value: str) -> str:
    """`value` with every input-method character replaced by its half-width one."""
    return "".join(HALF_WIDTH[c] if c in ADDRESS_SLIPS else c for c in value)


TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")
"""Where tomllib's message says it stopped (its error has no attributes for it before 3.14)."""
_KEY_BEFORE = re.compile(r"\s*[A-Za-z0-9_.-]+\s*")


def _replacement(line: str, index: int) -> str:
    char = line[index]
    # a colon after a key is a key/value separator typed YAML's way: TOML's is '='
    if char in "：:" and _KEY_BEFORE.fullmatch(line[:index]):
        return "="
    return HALF_WIDTH[char]


def toml_slip(text: str, line_number: int, column: int) -> str | None:
    """Why tomllib stopped at `line_number`, `column`, when input-method characters on that line
    are the cause: a sentence naming them and what to type instead; else None.

    Named are those where TOML syntax goes: outside strings and comments, the quotes of a string
    typed in Chinese mode (not what it holds: that may be a password pasted by mistake), and the
    closing quote of a string left open. They are the cause when the line with them replaced by
    their half-width characters parses past where tomllib stopped."""
    lines = text.split("\n")  # tomllib counts lines by "\n" alone
    if not 0 < line_number <= len(lines):
        return None
    line = lines[line_number - 1]
    named = dict(_syntax_slips(line))
    if not named:
        return None
    fixed_line = "".join(_replacement(line, i) if i in named else c for i, c in enumerate(line))
    fixed = "\n".join([*lines[: line_number - 1], fixed_line, *lines[line_number:]])
    if not _parses_past(fixed, line_number, max(named) + 1):
        return None
    slips = list(dict.fromkeys(named.values()))
    if slips == ["\u3000"]:
        return _("a full-width space typed with a Chinese input method: type an ordinary space")
    fixes = list(dict.fromkeys(_replacement(line, i) for i in named))
    return _(
        "full-width {characters} typed with a Chinese input method: type the half-width "
        "{instead} instead"
    ).format(
        characters=and_list([shown(c) for c in slips]), instead=and_list([shown(c) for c in fixes])
    )


def _parses_past(text: str, line_number: int, column: int) -> bool:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = TOML_PLACE.search(str(error))
        if found is None:
            return False
        return (int(found[1]), int(found[2])) > (line_number, column)
    except (RecursionError, ValueError):
        return False
    return True


_QUOTES = ('"＂“”', "'＇‘’")
"""The double and the single quotes, each with what a Chinese input method types for it."""


def _syntax_slips(line: str) -> list[tuple[int, str]]:
    """The input-method characters of `line` (index, character) where TOML syntax goes."""
    found: list[tuple[int, str]] = []
    index = 0
    while index < len(line) and line[index] != "#":
        char = line[index]
        family = next((f for f in _QUOTES if char in f), None)
        if char in HALF_WIDTH:
            found.append((index, char))
        if family is None:
            index += 1
            continue
        end = _string_end(line, index, family)
        if end is None:  # open to the end of the line
            if char in "\"'":  # its closing quote typed in Chinese mode
                closers = [i for i in range(index + 1, len(line)) if line[i] in family[1:]]
                found += [(closers[-1], line[closers[-1]])] if closers else []
            return found
        if end < len(line) and line[end] in HALF_WIDTH:
            found.append((end, line[end]))
        index = end + 1
    return found


def _string_end(line: str, start: int, family: str) -> int | None:
    """Index of the quote that closes the string opening at `start`, or None when the line
    ends first (a multi-line string's opening counts as closed: it is not this line's error).
    A string opened with an ASCII quote ends only at that quote; one opened in Chinese mode, at
    any quote of its kind."""
    opener = line[start]
    if opener in "\"'" and line.startswith(opener * 3, start):
        return len(line)
    closers = opener if opener in "\"'" else family
    index = start + 1
    while index < len(line):
        if family[0] == '"' and line[index] == "\\":
            index += 2
            continue
        if line[index] in closers:
            return index
        index += 1
    return None
