"""Canary secrets and the search for them: the value, its hashes, encodings and fragments."""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Iterable

WINDOW = 10
"""Any run of this many characters from a canary's random part counts as a leak."""


def random_core() -> str:
    """A random part no text would hold by chance."""
    return secrets.token_hex(6)


def random_seed(nbytes: int) -> str:
    """A random base32 TOTP seed."""
    return base64.b32encode(secrets.token_bytes(nbytes)).decode().rstrip("=")


def leak_forms(secret: str, random_part: str) -> set[str]:
    """Every form of a secret that must never appear in output."""
    data = secret.encode()
    forms = {
        secret,
        secret[::-1],
        base64.b64encode(data).decode(),
        base64.urlsafe_b64encode(data).decode(),
    }
    for algorithm in ("sha1", "sha256", "md5"):
        digest = hashlib.new(algorithm, data).hexdigest()
        forms |= {digest, digest.upper()}
    forms |= {random_part[i : i + WINDOW] for i in range(max(1, len(random_part) - WINDOW + 1))}
    return forms


SEARCHES = {"runs": 0, "texts": 0, "forms": 0}
"""How much the harness searched in this test session (printed at the end by conftest)."""


def find_leaks(texts: Iterable[str], canaries: dict[str, set[str]]) -> list[str]:
    """Names of the canaries (and which form) found in any of the texts; empty when clean."""
    leaks = []
    texts = list(texts)
    SEARCHES["runs"] += 1
    SEARCHES["texts"] += len(texts)
    SEARCHES["forms"] += sum(len(forms) for forms in canaries.values())
    for text in texts:
        for name, forms in canaries.items():
            leaks += [f"{name}: {form[:4]}…" for form in forms if form and form in text]
    return leaks
