"""TOTP seeds as the keyring stores them: a base32 seed or a full `otpauth://totp/...` URI.

`parse_totp` says whether a seed can generate codes and how strong it is, and reads the URI's
label so the audit can tell a seed that belongs to another account. Errors describe the
problem ("not base32"), never the value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

import pyotp

from auditor.secrets import Secret

MIN_USABLE_BITS = 80
"""Below this, authenticator apps refuse the seed (Google Authenticator needs 16 base32 chars)."""
RECOMMENDED_BITS = 128
"""RFC 4226 asks for at least 128 bits; 160 is what most sites issue today."""

_DIGESTS = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}


class TotpError(ValueError):
    """A stored seed that cannot generate codes; the message never quotes the seed."""


@dataclass(frozen=True)
class TotpSeed:
    """A readable seed, without the seed itself."""

    bits: int
    """Length of the decoded secret in bits."""
    digits: int
    """Digits per code (6 unless the URI says otherwise)."""
    period: int
    """Seconds per code."""
    algorithm: str
    """SHA1, SHA256 or SHA512."""
    issuer: str | None
    """Who the URI says issued it (`issuer=` or the label's prefix)."""
    label_account: str | None
    """The account or address the URI's label names."""


class _LegacyTOTP(pyotp.TOTP):
    # pyotp refuses seeds under 112 bits; 80-bit seeds are common and still work, so we read them
    # and report them as weak instead.
    min_secret_length_bits = MIN_USABLE_BITS


def _decode_base32(seed: str) -> tuple[str, bytes]:
    cleaned = seed.replace(" ", "").replace("-", "").upper().rstrip("=")
    if not cleaned:
        raise TotpError("the seed is empty")
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        return cleaned, base64.b32decode(padded)
    except (binascii.Error, ValueError):
        raise TotpError("the seed is not valid base32 (letters A-Z and digits 2-7)") from None


def parse_totp(secret: Secret) -> TotpSeed:
    """Read a stored seed and prove it generates a code. Raises TotpError when it cannot."""
    value = secret.reveal().strip()
    issuer: str | None = None
    label_account: str | None = None
    digits, period, algorithm = 6, 30, "SHA1"
    if value.lower().startswith("otpauth:"):
        parts = urlsplit(value)
        if parts.scheme.lower() != "otpauth":
            raise TotpError("the URI does not start with otpauth://")
        if parts.netloc.lower() == "hotp":
            raise TotpError("the URI is for counter-based HOTP codes, not time-based TOTP")
        if parts.netloc.lower() != "totp":
            raise TotpError("the URI is not an otpauth://totp/ URI")
        query = parse_qs(parts.query, keep_blank_values=True)
        label = unquote(parts.path.lstrip("/"))
        if ":" in label:
            prefix, _, label = label.partition(":")
            issuer = prefix.strip() or None
        label_account = label.strip() or None
        if query.get("issuer", [""])[0].strip():
            issuer = query["issuer"][0].strip()
        seed = query.get("secret", [""])[0]
        if not seed:
            raise TotpError("the URI has no secret= parameter")
        try:
            digits = int(query.get("digits", ["6"])[0])
            period = int(query.get("period", ["30"])[0])
        except ValueError:
            raise TotpError("the URI's digits= or period= is not a number") from None
        algorithm = query.get("algorithm", ["SHA1"])[0].upper()
        if algorithm not in _DIGESTS:
            raise TotpError("the URI's algorithm= is not SHA1, SHA256 or SHA512")
        if digits not in (6, 7, 8):
            raise TotpError("the URI's digits= is not 6, 7 or 8")
        if not 1 <= period <= 300:
            raise TotpError("the URI's period= is not between 1 and 300 seconds")
    else:
        seed = value
    cleaned, decoded = _decode_base32(seed)
    bits = len(decoded) * 8
    if bits < MIN_USABLE_BITS:
        raise TotpError(
            f"the seed holds only {bits} bits; authenticator apps need at least {MIN_USABLE_BITS}"
        )
    try:
        code = _LegacyTOTP(
            cleaned, digits=digits, digest=_DIGESTS[algorithm], interval=period
        ).now()
    except (ValueError, TypeError):
        raise TotpError("the seed cannot generate a code") from None
    if not (code.isdigit() and len(code) == digits):
        raise TotpError("the seed cannot generate a code")
    return TotpSeed(bits, digits, period, algorithm, issuer, label_account)
