"""TOTP seeds as the keyring stores them: a base32 seed or a full `otpauth://totp/...` URI.

`parse_totp` says whether a seed can generate codes and how strong it is, and reads the URI's
label so the audit can tell a seed that belongs to another account. Errors describe the
problem ("not base32"), never the value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

import pyotp

from auditor.i18n import _, ngettext
from auditor.secrets.value import Secret

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
    """Who the URI says issued it (`issuer=` or the label's prefix); None also when that is
    over MAX_LABEL characters or holds the seed."""
    label_account: str | None
    """The account or address the URI's label names; None also when that is over MAX_LABEL
    characters or holds the seed. The one part of a stored value a report may show (SECURITY.md):
    email.totp-label-mismatch names it when it is another login than the account's."""


class _LegacyTOTP(pyotp.TOTP):
    # pyotp refuses seeds under 112 bits; 80-bit seeds are common and still work, so we read them
    # and report them as weak instead.
    min_secret_length_bits = MIN_USABLE_BITS


def _decode_base32(seed: str) -> tuple[str, bytes]:
    cleaned = seed.replace(" ", "").replace("-", "").upper().rstrip("=")
    if not cleaned:
        raise TotpError(_("the seed is empty"))
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        return cleaned, base64.b32decode(padded)
    except (binascii.Error, ValueError):
        raise TotpError(_("the seed is not valid base32 (letters A-Z and digits 2-7)")) from None


def parse_totp(secret: Secret) -> TotpSeed:
    """Read a stored seed and prove it generates a code. Raises TotpError when it cannot, with
    a message of our own: a parser's message could quote part of the stored value."""
    try:
        return _parse(secret.reveal().strip())
    except TotpError:
        raise
    except (ValueError, TypeError, UnicodeError, OverflowError):
        raise TotpError(_("the otpauth:// URI cannot be read")) from None


def _check_parameters(digits: int, period: int, algorithm: str) -> None:
    """TotpError when an otpauth URI asks for codes no authenticator app makes."""
    if algorithm not in _DIGESTS:
        raise TotpError(_("the URI's algorithm= is not SHA1, SHA256 or SHA512"))
    if digits not in (6, 7, 8):
        raise TotpError(_("the URI's digits= is not 6, 7 or 8"))
    if not 1 <= period <= 300:
        raise TotpError(_("the URI's period= is not between 1 and 300 seconds"))


def _parse(value: str) -> TotpSeed:
    issuer: str | None = None
    label_account: str | None = None
    digits, period, algorithm = 6, 30, "SHA1"
    if value.lower().startswith("steam:"):
        raise TotpError(
            _(
                "it is a Steam Guard secret (steam://), whose codes are five characters made "
                "Steam's own way, not standard (RFC 6238) TOTP codes"
            )
        )
    if value.lower().startswith("otpauth:"):
        parts = urlsplit(value)
        if parts.scheme.lower() != "otpauth":
            raise TotpError(_("the URI does not start with otpauth://"))
        if parts.netloc.lower() == "hotp":
            raise TotpError(_("the URI is for counter-based HOTP codes, not time-based TOTP"))
        if parts.netloc.lower() != "totp":
            raise TotpError(_("the URI is not an otpauth://totp/ URI"))
        query = parse_qs(parts.query, keep_blank_values=True)
        label = unquote(parts.path.lstrip("/"))
        if ":" in label:
            prefix, _colon, label = label.partition(":")
            issuer = prefix.strip() or None
        label_account = label.strip() or None
        if query.get("issuer", [""])[0].strip():
            issuer = query["issuer"][0].strip()
        seed = query.get("secret", [""])[0]
        if not seed:
            raise TotpError(_("the URI has no secret= parameter"))
        try:
            digits = int(query.get("digits", ["6"])[0])
            period = int(query.get("period", ["30"])[0])
        except ValueError:
            raise TotpError(_("the URI's digits= or period= is not a number")) from None
        algorithm = query.get("algorithm", ["SHA1"])[0].upper()
        _check_parameters(digits, period, algorithm)
    else:
        seed = value
    cleaned, decoded = _decode_base32(seed)
    bits = len(decoded) * 8
    if bits < MIN_USABLE_BITS:
        raise TotpError(
            _("the seed holds only {bits} bits; authenticator apps need at least {least}").format(
                bits=bits, least=MIN_USABLE_BITS
            )
        )
    try:
        code = _LegacyTOTP(
            cleaned, digits=digits, digest=_DIGESTS[algorithm], interval=period
        ).now()
    except (ValueError, TypeError):
        raise TotpError(_("the seed cannot generate a code")) from None
    if not (code.isdigit() and len(code) == digits):
        raise TotpError(_("the seed cannot generate a code"))
    return TotpSeed(
        bits, digits, period, algorithm, _shown(issuer, cleaned), _shown(label_account, cleaned)
    )


MAX_LABEL = 64
"""Characters of an otpauth label's name or issuer that may be shown; longer is no name."""


def _shown(name: str | None, seed: str) -> str | None:
    """The label's name or issuer as the audit may show it: None when it is too long to be one,
    or holds the seed itself (a URI written with its secret in the label)."""
    if name is None or len(name) > MAX_LABEL:
        return None
    squeezed = "".join(name.split()).replace("-", "").upper()
    return None if len(seed) >= 8 and seed[:16] in squeezed else name


@dataclass(frozen=True)
class CodeCheck:
    """Whether a code the user typed comes from the stored seed, and at what clock offset."""

    steps: int | None
    """0: the seed gives this code now; +n / -n: it gave it n periods ago / gives it n periods
    from now; None: not within the window searched."""
    period: int
    """Seconds per code."""
    window: int
    """How many periods either side were searched."""


def code_problem(code: str, digits: int) -> str | None:
    """Why a typed code cannot be one the authenticator shows, before any seed is compared: a
    letter or symbol in it, or the wrong number of digits. None when it has the right shape.

    The answer never quotes the code. Spaces are allowed (apps show `123 456`).
    """
    typed = "".join(code.split())
    if not typed:
        return _("no code was typed; type the {digits} digits the authenticator shows").format(
            digits=digits
        )
    if not typed.isascii() or not typed.isdigit():
        return _(
            "the code holds a letter or symbol; authenticator codes are {digits} digits only "
            "(a 0 is zero, not the letter O; a 1 is one, not the letter l)"
        ).format(digits=digits)
    if abs(len(typed) - digits) > 2:  # how long it is is never said: a password pasted here?
        return _(
            "what you typed is not a code of {digits} digits: a password pasted where it goes?"
        ).format(digits=digits)
    if len(typed) != digits:
        return ngettext(
            "the code has {count} digit; the stored seed makes {digits}-digit codes: a digit "
            "was missed or typed twice",
            "the code has {count} digits; the stored seed makes {digits}-digit codes: a digit "
            "was missed or typed twice",
            len(typed),
        ).format(count=len(typed), digits=digits)
    return None


def check_code(secret: Secret, code: str, at: float, window: int = 10) -> CodeCheck:
    """Find the time step at which the stored seed produces `code` (0 first, then ±1, ±2...).

    A code matching n steps in the past means the authenticator's clock runs n periods behind
    this computer's; in the future, ahead.
    """
    seed = parse_totp(secret)
    value = secret.reveal().strip()
    raw = (
        parse_qs(urlsplit(value).query).get("secret", [""])[0]
        if value.lower().startswith("otpauth:")
        else value
    )
    cleaned, _decoded = _decode_base32(raw)
    generator = _LegacyTOTP(
        cleaned, digits=seed.digits, digest=_DIGESTS[seed.algorithm], interval=seed.period
    )
    typed = "".join(code.split())
    for steps in sorted(range(-window, window + 1), key=lambda s: (abs(s), s < 0)):
        moment = at - steps * seed.period
        if hmac.compare_digest(generator.at(moment), typed):
            return CodeCheck(steps, seed.period, window)
    return CodeCheck(None, seed.period, window)


def describe_check(account_id: str, check: CodeCheck) -> tuple[str, bool]:
    """The verdict in one line, and whether sign-in would work (sites accept ±1 period)."""
    if check.steps is None:
        return (
            _(
                "{id}: the stored seed does not produce this code within ±{minutes} minutes: the "
                "authenticator entry you read belongs to another account, or the stored seed is "
                "not this account's"
            ).format(id=account_id, minutes=check.window * check.period // 60),
            False,
        )
    if check.steps == 0:
        return _("{id}: the code matches the stored seed now").format(id=account_id), True
    seconds = abs(check.steps) * check.period
    behind = check.steps > 0
    if abs(check.steps) == 1:
        line = (
            _(
                "{id}: the code matches one step ({seconds} s) off: fine if you typed it as it "
                "changed; if this repeats, the device's clock runs behind this computer's"
            )
            if behind
            else _(
                "{id}: the code matches one step ({seconds} s) off: fine if you typed it as it "
                "changed; if this repeats, the device's clock runs ahead of this computer's"
            )
        )
        return line.format(id=account_id, seconds=seconds), True
    line = (
        _(
            "{id}: the code matches only {steps} steps ({seconds} s) off: the authenticator's "
            "clock runs {seconds} s behind this computer's, so its codes are rejected; set the "
            "phone's time to automatic"
        )
        if behind
        else _(
            "{id}: the code matches only {steps} steps ({seconds} s) off: the authenticator's "
            "clock runs {seconds} s ahead of this computer's, so its codes are rejected; set the "
            "phone's time to automatic"
        )
    )
    return line.format(id=account_id, steps=abs(check.steps), seconds=seconds), False
