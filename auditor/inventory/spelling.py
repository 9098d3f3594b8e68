"""Near misses in addresses: look-alike characters (a Cyrillic 'а' in 'amazon'), misspelled mail
domains (gmial.com), and the string distance behind them. The email checks report them; the
unaudited-mailbox check skips addresses that are near misses, since those are to be corrected.
"""

from __future__ import annotations

import functools
import unicodedata

from auditor.i18n import N_, _, and_list
from auditor.inventory.emails import (
    WELL_KNOWN_DOMAINS,
    address_problem,
    decode_domain,
    is_address,
    split_address,
)
from auditor.inventory.fullwidth import ADDRESS_SLIPS, slips_in, typed_instead


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.

    With `limit`, the answer is capped at `limit + 1` and the work stops early, so comparing two
    very different strings costs little.
    """
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if limit is not None and min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    result = previous[len(b)]
    return result if limit is None else min(result, limit + 1)


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


_SCRIPT_NAMES = {
    "LATIN": N_("Latin"),
    "CYRILLIC": N_("Cyrillic"),
    "GREEK": N_("Greek"),
    "ARMENIAN": N_("Armenian"),
    "CHEROKEE": N_("Cherokee"),
    "COPTIC": N_("Coptic"),
}
"""Unicode script names (the first word of a character's name) as a sentence names them."""


def _script_name(script: str) -> str:
    known = _SCRIPT_NAMES.get(script)
    return _(known) if known else script.title()


def _describe(char: str) -> str:
    return _("{script} {char!r} (U+{code})").format(
        script=_script_name(_script(char)), char=char, code=f"{ord(char):04X}"
    )


def _part_problems(part: str) -> list[str]:
    problems = []
    slips = slips_in(part)
    if slips:  # a typing slip, not a disguise: email.lookalike names them apart (slips_in)
        characters = typed_instead(slips)[0]
        problems.append(
            _("full-width {characters} typed with a Chinese input method").format(
                characters=characters
            )
        )
    for char in dict.fromkeys(part):
        category = unicodedata.category(char)
        if char in ADDRESS_SLIPS:
            continue
        if category in ("Cf", "Cc", "Zs", "Zl", "Zp") and not char.isascii():
            problems.append(_("an invisible character U+{code}").format(code=f"{ord(char):04X}"))
        elif not char.isascii() and unicodedata.normalize("NFKC", char).isascii():
            problems.append(
                _("{character}, a disguised '{plain}'").format(
                    character=_describe(char), plain=unicodedata.normalize("NFKC", char)
                )
            )
    scripts = {_script(c) for c in part if c.isalpha()} & _LOOKALIKE_SCRIPTS
    confusable = [c for c in dict.fromkeys(part) if c in CONFUSABLES]
    letters = [c for c in part if c.isalpha()]
    whole_script = bool(letters) and all(c in CONFUSABLES or c.isascii() for c in letters)
    if confusable and (len(scripts) > 1 or whole_script):
        problems += [
            _("{character}, which looks like Latin '{latin}'").format(
                character=_describe(c), latin=CONFUSABLES[c]
            )
            for c in confusable
        ]
    elif len(scripts) > 1:
        names = and_list([_script_name(s) for s in sorted(scripts)])
        problems.append(_("letters from {scripts} mixed").format(scripts=names))
    return problems


def address_lookalikes(value: str) -> list[str]:
    """What makes an address (or user name) look like something it is not, or is to be
    corrected (full-width characters a Chinese input method typed); empty when clean."""
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


def near_miss(domain: str, target: str) -> bool:
    """Whether `domain` looks like a slip of the keyboard for `target`.

    One edit (a transposition counts as one) for targets of 8+ characters, two for 14+. Shorter
    targets (qq.com, aol.com) match too many real domains at one edit, so for them only a swapped
    pair of letters or a slip in the top-level part counts.
    """
    if domain == target:
        return False
    distance = edit_distance(domain, target, limit=2)
    if len(target) >= 14 and distance <= 2:
        return True
    if len(target) >= 8 and distance == 1:
        return True
    name, _, tld = domain.rpartition(".")
    target_name, _, target_tld = target.rpartition(".")
    if name == target_name and edit_distance(tld, target_tld, limit=1) == 1:
        return True
    return (
        tld == target_tld
        and len(name) == len(target_name)
        and sorted(name) == sorted(target_name)
        and edit_distance(name, target_name, limit=1) == 1
    )


def typo_of(address: str, seller_domains: frozenset[str]) -> str | None:
    """The well-known or seller domain an address's domain is a slip of, or None.

    Addresses that are invalid or hold look-alike characters are left to those checks.
    """
    if address_problem(address) or address_lookalikes(address):
        return None
    return _typo_target(decode_domain(split_address(address)[1]), seller_domains)


@functools.lru_cache(maxsize=4096)
def _typo_target(domain: str, seller_domains: frozenset[str]) -> str | None:
    # Thousands of logins share a handful of domains; each is compared once.
    if domain in WELL_KNOWN_DOMAINS or domain in seller_domains:
        return None
    targets = sorted(WELL_KNOWN_DOMAINS | seller_domains)
    # A near miss is at most two edits away, and each edit adds or removes at most one letter
    # from each side's set of letters: a target whose letters differ by more cannot be one.
    letters = set(domain)
    return next(
        (t for t in targets if len(letters.symmetric_difference(t)) <= 4 and near_miss(domain, t)),
        None,
    )
