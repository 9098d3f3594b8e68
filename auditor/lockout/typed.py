"""What a password or code the seller is typing turns out to be: this account's, another
account's (by id), or nobody's. Comparisons are constant-time and nothing typed is kept."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from auditor.errors import UsageError
from auditor.findings import join_names
from auditor.i18n import _
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


def describe_owners(account_id: str, owners: list[str]) -> tuple[str, bool]:
    """`verify-password`'s verdict on a typed password, and whether it is this account's."""
    if account_id in owners:
        return _("that is the password stored for {id}").format(id=account_id), True
    if owners:
        return (
            _(
                "that is not the password stored for {id}: it is the password of {owners}: wrong "
                "store or wrong login?"
            ).format(id=account_id, owners=join_names(owners)),
            False,
        )
    return (
        _(
            "that is not the password stored for {id}, nor any other account's: check Caps Lock "
            'and the keyboard layout, or use the platform\'s "Forgot password"'
        ).format(id=account_id),
        False,
    )


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
            _("no TOTP seed stored for {id}").format(id=account.id),
            hint=_("store one with `store-audit set-secret {id} --totp`").format(id=account.id),
        )
    try:
        parse_totp(seed)
    except TotpError as error:
        return UsageError(
            _("{id}: the stored seed cannot generate codes: {error}").format(
                id=account.id, error=error
            )
        )
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
        cause = (
            _("a mistyped code (wrong length)")
            if typed.isascii() and typed.isdigit()
            else _("a mistyped code (not all digits)")
        )
        line = _("{id}: {problem}").format(id=account.id, problem=shape)
        return CodeVerdict(line, cause, mistyped=True)
    check = check_code(seed, typed, now)
    line, ok = describe_check(account.id, check)
    if ok:
        return CodeVerdict(line, None, ok=True)
    if check.steps is not None:
        return CodeVerdict(line, _("the authenticator's clock is off, so its codes are rejected"))
    other = _whose_code(account, accounts, secrets, typed, now)
    if other is not None:
        return CodeVerdict(
            _(
                "this code is {other}'s: you are reading the wrong entry in your authenticator"
            ).format(other=other),
            _("the code from {other}'s authenticator entry").format(other=other),
        )
    return CodeVerdict(line, _("a code that matches no stored seed"))


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
