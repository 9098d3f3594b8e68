"""Reading stored TOTP seeds: base32 or otpauth URIs; weak is not broken; errors quote nothing."""

from __future__ import annotations

import pytest

from auditor.secrets import Secret
from auditor.secrets.totp import TotpError, parse_totp

SEED_160 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


@pytest.mark.parametrize(
    ("stored", "bits", "digits", "issuer", "label"),
    [
        (SEED_160, 160, 6, None, None),
        ("jbsw y3dp ehpk 3pxp", 80, 6, None, None),  # legacy 80-bit seed, as apps display it
        (
            f"otpauth://totp/Amazon:ops%40acme.com?secret={SEED_160}&issuer=Amazon&digits=8",
            160,
            8,
            "Amazon",
            "ops@acme.com",
        ),
        (
            f"otpauth://totp/ops@acme.com?secret={SEED_160.lower()}&algorithm=SHA256",
            160,
            6,
            None,
            "ops@acme.com",
        ),
    ],
)
def test_readable_seeds(
    stored: str, bits: int, digits: int, issuer: str | None, label: str | None
) -> None:
    seed = parse_totp(Secret(stored))
    assert (seed.bits, seed.digits, seed.issuer, seed.label_account) == (
        bits,
        digits,
        issuer,
        label,
    )


CANARY = "ZZCANARYSEEDZZ19"


@pytest.mark.parametrize(
    ("stored", "reason"),
    [
        (CANARY, "not valid base32"),
        ("JBSWY3DP", "only 40 bits"),
        (f"otpauth://hotp/x?secret={SEED_160}&counter=1", "counter-based HOTP"),
        ("otpauth://totp/x?issuer=y", "no secret="),
        (f"otpauth://totp/x?secret={SEED_160}&digits=five", "not a number"),
        (f"otpauth://totp/x?secret={SEED_160}&algorithm=MD5", "algorithm="),
        (f"otpauth://totp/x?secret={CANARY}", "not valid base32"),
        (f"otpauth://totp/x?secret={SEED_160}&digits=9", "digits= is not 6, 7 or 8"),
        (f"steam://{SEED_160}", "a Steam Guard secret (steam://), whose codes are five characters"),
        ("", "empty"),
    ],
)
def test_broken_seeds_say_why_without_quoting_the_seed(stored: str, reason: str) -> None:
    with pytest.raises(TotpError) as caught:
        parse_totp(Secret(stored))
    assert reason in str(caught.value)
    assert CANARY not in str(caught.value) and SEED_160 not in str(caught.value)
    # raised `from None`: no chained exception carries the value into a traceback either
    assert caught.value.__suppress_context__ or caught.value.__context__ is None


def test_secret_repr_is_redacted() -> None:
    secret = Secret(CANARY)
    assert CANARY not in repr(secret) + str(secret) + f"{secret}" + repr([secret])
    with pytest.raises(TypeError):
        import pickle

        pickle.dumps(secret)


@pytest.mark.parametrize(
    ("typed", "digits", "words"),
    [
        ("12345", 6, "has 5 digits; the stored seed makes 6-digit codes"),
        ("1234567", 6, "has 7 digits"),
        ("123456", 8, "has 6 digits; the stored seed makes 8-digit codes"),
        ("12O456", 6, "holds a letter or symbol"),
        ("١٢٣٤٥٦", 6, "holds a letter or symbol"),  # Arabic-Indic digits are not what apps show
        ("   ", 6, "no code was typed"),
    ],
)
def test_code_problem_names_what_is_wrong_with_the_typed_code(
    typed: str, digits: int, words: str
) -> None:
    from auditor.secrets.totp import code_problem

    problem = code_problem(typed, digits)
    assert problem is not None and words in problem
    assert "another account" not in problem
    assert typed.strip() == "" or typed not in problem  # the code is never echoed


@pytest.mark.parametrize(("typed", "digits"), [("123456", 6), ("123 456", 6), ("12345678", 8)])
def test_code_problem_accepts_codes_of_the_right_shape(typed: str, digits: int) -> None:
    from auditor.secrets.totp import code_problem

    assert code_problem(typed, digits) is None
