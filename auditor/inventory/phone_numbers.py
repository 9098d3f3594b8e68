"""Phone numbers as the seller writes them, reduced to one key per line: `+86 138 0013 8000`,
`0086 138-0013-8000`, `8613800138000` and, for a seller in China, `138 0013 8000` are one phone.

A number written without `+` or `00` is read in the seller's country (`[seller] country`): its
trunk `0` dropped and the calling code put in front, unless it already starts with that code
and is long enough to be international. National numbers never start with their own country's
calling code (China's mobiles start with 1, trunk numbers with 0; North American area codes
never start with 1), which is what makes that reading safe. Without a country, digits compare
as written.
"""

from __future__ import annotations

import functools
import re

CALLING_CODES = {
    **dict.fromkeys(("US", "CA"), "1"),
    **dict.fromkeys(("GB", "UK"), "44"),
    "CN": "86",
    "HK": "852",
    "MO": "853",
    "TW": "886",
    "JP": "81",
    "KR": "82",
    "SG": "65",
    "MY": "60",
    "TH": "66",
    "VN": "84",
    "PH": "63",
    "ID": "62",
    "IN": "91",
    "AU": "61",
    "DE": "49",
    "FR": "33",
    "IT": "39",
    "ES": "34",
    "NL": "31",
    "BE": "32",
    "SE": "46",
    "PL": "48",
    "IE": "353",
    "TR": "90",
    "AE": "971",
    "SA": "966",
    "EG": "20",
    "ZA": "27",
    "MX": "52",
    "BR": "55",
}
"""ITU calling codes of the countries sellers on the catalog's marketplaces live in."""

_NATIONAL_MIN = 8
"""Fewest digits a national number has after the calling code (shorter: not international)."""


@functools.lru_cache(maxsize=4096)
def phone_key(phone: str, country: str | None = None) -> str:
    """The international digits of a phone number, read in `country` when written nationally."""
    text = phone.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        return digits
    if text.startswith("00"):
        return digits[2:]
    code = CALLING_CODES.get((country or "").strip().upper())
    if code is None:
        return digits
    if digits.startswith(code) and len(digits) - len(code) >= _NATIONAL_MIN:
        return digits
    return code + (digits[1:] if digits.startswith("0") else digits)


def same_phone(a: str, b: str, country: str | None = None) -> bool:
    """Whether two written numbers ring the same line."""
    return phone_key(a, country) == phone_key(b, country)
