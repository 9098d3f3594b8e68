"""What a password or code the seller is typing turns out to be: this account's, another
account's (by id), or nobody's. Comparisons are constant-time and nothing typed is kept."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from auditor.inventory import Account
from auditor.secrets import Secret, SecretView
from auditor.secrets.totp import TotpError, check_code, describe_check, parse_totp


def password_owners(typed: Secret, accounts: tuple[Account, ...], secrets: SecretView) -> list[str]:
    """The accounts whose stored password equals the typed one, in inventory order."""
    wanted = typed.reveal().encode("utf-8", "surrogatepass")
    owners = []
    for account in accounts:
        stored = secrets.password(account.id)
        value = stored.reveal().encode("utf-8", "surrogatepass") if stored else b""
        if hmac.compare_digest(value, wanted) and value:
            owners.append(account.id)
    return owners


@dataclass(frozen=True)
class CodeVerdict:
    """What a typed verification code says about the lock-out."""

    line: str
    """The verdict in a sentence."""
    cause: str | None
    """The lock-out cause it points to, if any."""


def judge_code(
    account: Account, accounts: tuple[Account, ...], secrets: SecretView, code: str, now: float
) -> CodeVerdict:
    """Does the code come from this account's seed (now, or with the clock off), from another
    stored seed (the wrong authenticator entry), or is it the wrong length?"""
    seed = secrets.totp(account.id)
    typed = "".join(code.split())
    if seed is None:
        return CodeVerdict(
            f"no TOTP seed is stored for {account.id}: the code cannot be checked", None
        )
    try:
        digits = parse_totp(seed).digits
    except TotpError as error:
        return CodeVerdict(f"the seed stored for {account.id} cannot generate codes: {error}", None)
    if not typed.isdigit() or abs(len(typed) - digits) > 2:
        # how long it is is never said: it may be a password pasted at the wrong prompt
        return CodeVerdict(
            f"what you typed is not a code of {digits} digits: a password or something else "
            "pasted where the code goes?",
            "something other than a code typed as the code",
        )
    if len(typed) != digits:
        return CodeVerdict(
            f"you typed {len(typed)} digits; {account.id}'s codes are {digits} digits: a digit "
            "was missed or added while typing, so the site says the code is wrong",
            "a mistyped code (wrong length)",
        )
    check = check_code(seed, typed, now)
    line, ok = describe_check(account.id, check)
    if ok:
        return CodeVerdict(line, None)
    if check.steps is not None:
        return CodeVerdict(line, "the authenticator's clock is off, so its codes are rejected")
    for other in accounts:
        other_seed = secrets.totp(other.id)
        if other.id == account.id or other_seed is None:
            continue
        try:
            theirs = check_code(other_seed, typed, now, window=1)
        except TotpError:
            continue
        if theirs.steps is not None:
            return CodeVerdict(
                f"this code is {other.id}'s: you are reading the wrong entry in your authenticator",
                f"the code from {other.id}'s authenticator entry",
            )
    return CodeVerdict(line, "a code that matches no stored seed")
