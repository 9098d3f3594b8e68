"""Phone numbers as the inventory records them, compared by their digits: `+1 555 010 0000`,
`001-555-010-0000` and `15550100000` are one phone."""

from __future__ import annotations

import re


def phone_key(phone: str) -> str:
    """Digits only, with an international `00` prefix read as `+`."""
    digits = re.sub(r"\D", "", phone)
    return digits[2:] if phone.strip().startswith("00") else digits
