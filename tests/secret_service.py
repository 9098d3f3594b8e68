"""A private, real Secret Service for tests: its own D-Bus session bus and gnome-keyring-daemon,
with a fresh login keyring unlocked by password (no display, so no prompt can be answered).

Where the daemon cannot be had, the tests that need it are skipped on a developer's machine but
fail in CI (CI=true) or when STORE_AUDIT_REQUIRE_SECRET_SERVICE=1: a skip there would hide them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

KEYRING_PASSWORD = "ci-pass"


def required() -> bool:
    """Whether a missing Secret Service is a failure rather than a skip: in CI on Linux. Windows
    and macOS have no Secret Service (keyring uses the Credential Locker and the Keychain), so
    these tests skip there even in CI (.github/workflows/tests.yml)."""
    return sys.platform == "linux" and (
        os.environ.get("CI", "").lower() in ("1", "true")
        or bool(os.environ.get("STORE_AUDIT_REQUIRE_SECRET_SERVICE"))
    )


def unavailable(reason: str) -> None:
    """Skip, or fail where the real daemon is required."""
    if required():
        pytest.fail(f"the real Secret Service is required here: {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def private_secret_service() -> Iterator[dict[str, str]]:
    """Start dbus-daemon and gnome-keyring-daemon; yield the environment that reaches them."""
    if sys.platform != "linux":
        unavailable(f"the Secret Service is Linux's; {sys.platform} uses its own keyring")
    for program in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(program) is None:
            unavailable(f"{program} is not installed (apt-get install gnome-keyring dbus)")
    with tempfile.TemporaryDirectory(prefix="store-audit-ss-") as home:
        runtime = os.path.join(home, "run")
        os.mkdir(runtime, 0o700)
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert bus.stdout is not None
            address = bus.stdout.readline().strip()
            if not address:
                unavailable("dbus-daemon did not start")
            env = {
                "DBUS_SESSION_BUS_ADDRESS": address,
                "HOME": home,
                "XDG_RUNTIME_DIR": runtime,
                "XDG_DATA_HOME": os.path.join(home, "data"),
                "XDG_CONFIG_HOME": os.path.join(home, "config"),
            }
            started = subprocess.run(
                ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                input=KEYRING_PASSWORD,
                env={**os.environ, **env},
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            if started.returncode != 0:
                unavailable(f"gnome-keyring-daemon failed: {started.stderr.strip()[:200]}")
            _wait_for_login_collection({**os.environ, **env})
            yield env
        finally:
            # gnome-keyring-daemon leaves when its session bus goes away
            bus.terminate()
            bus.wait(timeout=10)


LOGIN_KEYRING_WAIT = 60
"""Seconds the daemon may take to open its login keyring. 10 were not enough at load 9 on two
cores (creating the keyring derives a key from its password): a whole session's Secret Service
tests then failed at setup."""

# On a loaded machine the daemon can answer before the login keyring it was told to unlock is
# there; a client that asks then is offered to create one, with a prompt nobody can answer.
_WAIT = """
import sys, time
import secretstorage
from secretstorage.exceptions import ItemNotFoundException
connection = secretstorage.dbus_init()
deadline = time.monotonic() + float(sys.argv[1])
while time.monotonic() < deadline:
    try:
        secretstorage.Collection(connection, "/org/freedesktop/secrets/aliases/default").is_locked()
        sys.exit(0)
    except ItemNotFoundException:
        time.sleep(0.05)
sys.exit(1)
"""


def _wait_for_login_collection(env: dict[str, str]) -> None:
    waited = subprocess.run(
        [sys.executable, "-c", _WAIT, str(LOGIN_KEYRING_WAIT)],
        env=env,
        capture_output=True,
        timeout=LOGIN_KEYRING_WAIT + 30,
        check=False,
    )
    if waited.returncode != 0:
        unavailable(
            f"gnome-keyring-daemon did not open its login keyring within {LOGIN_KEYRING_WAIT} s"
        )


def store_audit_entries() -> set[tuple[str, str]]:
    """(service, user) of every store-audit entry in the default collection of the Secret
    Service this process reaches; no value is read."""
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        return {
            (attributes["service"], attributes.get("username", ""))
            for attributes in (item.get_attributes() for item in collection.get_all_items())
            if attributes.get("service", "").startswith("store-audit/")
        }
    finally:
        connection.close()
