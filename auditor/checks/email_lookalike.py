"""email.lookalike: addresses that mix scripts or hold characters that look like others
(a Cyrillic 'а' in 'amazon'), including in internationalised (xn--) domains."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from auditor.catalog import CATALOG
from auditor.checks.context import AuditContext
from auditor.emails import is_address, split_address
from auditor.findings import Finding, finding

ID = "email.lookalike"

# Non-Latin letters that render like Latin ones in common fonts (from Unicode's confusables data,
# the subset that matters for addresses written in Latin letters).
CONFUSABLES: dict[str, str] = {
    **dict(zip("аеорсухіјѕԁӏһԛԝѵүɡ", "aeopcyxijsdlhqwvyg", strict=True)),  # Cyrillic, Latin ɡ
    **dict(zip("АВЕКМНОРСТХЅІЈ", "ABEKMHOPCTXSIJ", strict=True)),  # Cyrillic capitals
    **dict(zip("οανρικυ", "oavpiku", strict=True)),  # Greek
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),  # Greek capitals
    **dict(zip("օսհոզ", "ouhnq", strict=True)),  # Armenian
    "ı": "i",  # Latin dotless i
}

# Scripts whose letters pass for Latin ones; mixing any two of them inside one part of an address
# is how look-alikes are built. Han, kana or Hangul mixed with each other are normal text.
_LOOKALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"})


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ")[0]


def _describe(char: str) -> str:
    return f"{_script(char).title()} {char!r} (U+{ord(char):04X})"


def _part_problems(part: str) -> list[str]:
    problems = []
    for char in dict.fromkeys(part):
        category = unicodedata.category(char)
        if category in ("Cf", "Cc", "Zs", "Zl", "Zp") and not char.isascii():
            problems.append(f"an invisible character U+{ord(char):04X}")
        elif not char.isascii() and unicodedata.normalize("NFKC", char).isascii():
            problems.append(
                f"{_describe(char)}, a disguised '{unicodedata.normalize('NFKC', char)}'"
            )
    scripts = {_script(c) for c in part if c.isalpha()} & _LOOKALIKE_SCRIPTS
    confusable = [c for c in dict.fromkeys(part) if c in CONFUSABLES]
    letters = [c for c in part if c.isalpha()]
    whole_script = bool(letters) and all(c in CONFUSABLES or c.isascii() for c in letters)
    if confusable and (len(scripts) > 1 or whole_script):
        problems += [
            f"{_describe(c)}, which looks like Latin '{CONFUSABLES[c]}'" for c in confusable
        ]
    elif len(scripts) > 1:
        problems.append(f"letters from {' and '.join(sorted(s.title() for s in scripts))} mixed")
    return problems


def address_lookalikes(value: str) -> list[str]:
    """What makes an address (or user name) look like something it is not; empty when clean."""
    if value.isascii() and "xn--" not in value.lower():
        return []
    if is_address(value):
        local, domain = split_address(value)
        labels = domain.split(".")
        decoded = []
        for label in labels:
            if label.lower().startswith("xn--"):
                try:
                    label = label.encode("ascii").decode("idna")
                except UnicodeError:
                    pass  # email.invalid reports undecodable punycode
            decoded.append(label)
        parts = [local, *decoded]
    else:
        parts = [value]
    return [problem for part in parts for problem in _part_problems(part)]


def find_lookalikes(ctx: AuditContext) -> Iterator[Finding]:
    """Flag logins and recovery emails that hold look-alike or invisible characters."""
    for account in ctx.accounts:
        problems = []
        for field, value in account.addresses:
            found = address_lookalikes(value)
            if found:
                shown = value.encode("ascii", "backslashreplace").decode("ascii")
                problems.append(f"{field} {shown} holds {', '.join(found)}")
        if problems:
            yield finding(
                ID,
                CATALOG[ID].severity,
                [account.id],
                f"{account.id}: {'; '.join(problems)}: it reads like a familiar address but "
                "delivers somewhere else",
                f"Compare the address with the one on {account.platform_name} letter by letter; "
                "retype it by hand in both places.",
            )
