"""A keyring backend for benchmarks: a JSON file read once, then answered from memory.

Select it with PYTHON_KEYRING_BACKEND=file_keyring.JsonFileKeyring (benchmarks/ on PYTHONPATH)
and STORE_AUDIT_BENCH_KEYRING=path/to/secrets.json. Unlike keyrings.alt's file backends, which
re-read their whole file on every call, its reads cost next to nothing, so a benchmark measures
store-audit rather than the backend. Benchmark secrets are generated and fake.
"""

from __future__ import annotations

import json
import os
from typing import Any

from keyring.backend import KeyringBackend


class JsonFileKeyring(KeyringBackend):
    """Service → user → password, from $STORE_AUDIT_BENCH_KEYRING."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self._entries: dict[str, dict[str, str]] | None = None

    def _load(self) -> dict[str, dict[str, str]]:
        if self._entries is None:
            with open(os.environ["STORE_AUDIT_BENCH_KEYRING"], encoding="utf-8") as handle:
                self._entries = json.load(handle)
        return self._entries

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError("the benchmark keyring is read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError("the benchmark keyring is read-only")


def write(path: str, secrets: dict[tuple[str, str], str]) -> None:
    """Save (service, user) → secret as the backend reads it."""
    nested: dict[str, dict[str, Any]] = {}
    for (service, user), value in secrets.items():
        nested.setdefault(service, {})[user] = value
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(nested, handle)
