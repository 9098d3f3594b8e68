"""What a password or code the seller is typing turns out to be: this account's, another
account's (by id), or nobody's. Comparisons are constant-time and nothing typed is kept."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from auditor.errors import UsageError
from auditor.inventory import Account
from auditor.secrets import Secret, SecretView
from auditor.secrets.totp import TotpError, check_code, code_problem, describe_check, parse_totp


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
    ok: bool = False
    """Whether sign-in with it would work (this account's seed, within a step of the clock)."""
    mistyped: bool = False
    """Whether it cannot be a code at all (a letter in it, the wrong number of digits)."""


def seed_problem(account: Account, secrets: SecretView) -> UsageError | None:
    """Why no typed code can be checked for the account (no seed stored, or one that cannot
    generate codes), or None: said before anyone is asked for a code."""
    seed = secrets.totp(account.id)
    if seed is None:
        return UsageError(
            f"no TOTP seed stored for {account.id}",
            hint=f"store one with `store-audit set-secret {account.id} --totp`",
        )
    try:
        parse_totp(seed)
    except TotpError as error:
        return UsageError(f"{account.id}: the stored seed cannot generate codes: {error}")
    return None


def judge_code(
    account: Account, accounts: tuple[Account, ...], secrets: SecretView, code: str, now: float
) -> CodeVerdict:
    """Does the code come from this account's seed (now, or with the clock off), from another
    stored seed (the wrong authenticator entry, named), or is it no code at all? `why` and
    `verify-totp` both judge with this."""
    problem = seed_problem(account, secrets)
    seed = secrets.totp(account.id)
    if problem is not None or seed is None:
        return CodeVerdict(problem.message if problem else "", None)
    typed = "".join(code.split())
    shape = code_problem(typed, parse_totp(seed).digits)
    if shape:
        wrong = "wrong length" if typed.isascii() and typed.isdigit() else "not all digits"
        return CodeVerdict(f"{account.id}: {shape}", f"a mistyped code ({wrong})", mistyped=True)
    check = check_code(seed, typed, now)
    line, ok = describe_check(account.id, check)
    if ok:
        return CodeVerdict(line, None, ok=True)
    if check.steps is not None:
        return CodeVerdict(line, "the authenticator's clock is off, so its codes are rejected")
    other = _whose_code(account, accounts, secrets, typed, now)
    if other is not None:
        return CodeVerdict(
            f"this code is {other}'s: you are reading the wrong entry in your authenticator",
            f"the code from {other}'s authenticator entry",
        )
    return CodeVerdict(line, "a code that matches no stored seed")


def _whose_code(
    account: Account, accounts: tuple[Account, ...], secrets: SecretView, typed: str, now: float
) -> str | None:
    """The other account whose stored seed makes this code now (within a step), if any."""
    for other in accounts:
        other_seed = secrets.totp(other.id)
        if other.id == account.id or other_seed is None:
            continue
        try:
            theirs = check_code(other_seed, typed, now, window=1)
        except TotpError:
            continue
        if theirs.steps is not None:
            return other.id
    return None
