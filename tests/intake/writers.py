"""Running writing commands as separate processes against the real Secret Service, and reading
back what the keyring holds, for the concurrency and crash tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BACKEND = "keyring.backends.SecretService.Keyring"

_LIST_ITEMS = """
import json, sys
import secretstorage
connection = secretstorage.dbus_init()
collection = secretstorage.get_default_collection(connection)
found = []
for item in collection.get_all_items():
    attributes = item.get_attributes()
    service = attributes.get("service", "")
    if sys.argv[1] in service:
        found.append([service, attributes.get("username", "")])
print(json.dumps(found))
"""


def child_env(secret_service_env: dict[str, str], **extra: str) -> dict[str, str]:
    """The environment of a store-audit child process that uses the private Secret Service."""
    return {**os.environ, **secret_service_env, "PYTHON_KEYRING_BACKEND": BACKEND, **extra}


def command(*args: str | Path) -> list[str]:
    """The command line of `store-audit ARGS` run as its own process."""
    return [sys.executable, "-m", "auditor", *(str(a) for a in args)]


def run(
    env: dict[str, str], *args: str | Path, input: str = "", timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `store-audit ARGS` to the end."""
    return subprocess.run(
        command(*args), env=env, input=input, capture_output=True, text=True, timeout=timeout
    )


def keyring_entries(env: dict[str, str], marker: str) -> set[tuple[str, str]]:
    """(service, user) of every item in the keyring whose service contains `marker`."""
    listed = subprocess.run(
        [sys.executable, "-c", _LIST_ITEMS, marker],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return {(service, user) for service, user in json.loads(listed.stdout)}


def chrome_export(path: Path, marker: str, count: int, start: int = 0) -> Path:
    """A Chrome CSV export of `count` logins on sites named after `marker`."""
    rows = ["name,url,username,password,note"]
    rows += [
        f"Shop {i},https://shop{i}.{marker}.example/login,u{i}@acme.test,Pw-{i}-{marker}-Xq9!zL,"
        for i in range(start, start + count)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
