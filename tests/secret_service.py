"""A private, real Secret Service for tests: its own D-Bus session bus and gnome-keyring-daemon,
with a fresh login keyring unlocked by password (no display, so no prompt can be answered).

Where the daemon cannot be had, the tests that need it are skipped on a developer's machine but
fail in CI (CI=true) or when STORE_AUDIT_REQUIRE_SECRET_SERVICE=1: a skip there would hide them.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

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


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
"""A session bus that starts no service on demand. The system's session configuration would
start a gnome-keyring-daemon of its own when ours is gone, reading the pytest process's HOME:
its missing login keyring then fails every later test with "Prompt dismissed" instead of
saying that the daemon died."""

UPSTREAM_CRASH = (
    "gnome-keyring-daemon aborts when a client goes away between sending a request and reading "
    "its answer (`gkd_secret_service_get_pkcs11_session: assertion 'client' failed`, then "
    "`invoke_get_property_in_idle_cb`); reported upstream, e.g. "
    "https://github.com/jkoestinger/omarchy-vpn/issues/42"
)


@dataclass
class Daemon:
    """The gnome-keyring-daemon of one private session bus, run in the foreground as our child
    so that its death and its last words (its log) can be told."""

    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = None
    crashes: list[str] = field(default_factory=list)

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=log,
                env={**os.environ, **self.env},
            )
        assert self.process.stdin is not None
        self.process.stdin.write(KEYRING_PASSWORD.encode())
        self.process.stdin.close()
        _wait_for_login_collection({**os.environ, **self.env}, self.process)

    def death(self) -> str | None:
        """None while the daemon runs; else how it ended and its last critical lines."""
        if self.process is None or self.process.poll() is None:
            return None
        status = self.process.returncode
        how = f"killed by {signal.Signals(-status).name}" if status < 0 else f"exit {status}"
        lines = [
            line.strip()
            for line in self.log.read_text(errors="replace").splitlines()
            if "CRITICAL" in line or "ERROR" in line
        ]
        return f"{how}; its last words: {' | '.join(lines[-3:]) or '(none)'}"

    def restart_if_dead(self, during: str) -> str | None:
        """Start the daemon again on the same bus and login keyring when it has died, as a
        desktop session's service manager would; how it had died, or None."""
        death = self.death()
        if death is not None:
            self.crashes.append(f"{during}: {death}")
            self.start()
        return death

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


DAEMONS: dict[str, Daemon] = {}
"""The running private daemons, by their bus's address."""


def daemon(env: dict[str, str]) -> Daemon:
    """The private daemon that `env` reaches."""
    return DAEMONS[env["DBUS_SESSION_BUS_ADDRESS"]]


KILLED_CLIENT_SETTLE = 0.5
"""Seconds the daemon is watched after a client was killed: it aborts when it gets round to the
dead client's request, which on a loaded machine can be a moment after the kill returned (a
fresh-clone run beside another suite saw the next command find no keyring)."""


def after_killing_a_client(env: dict[str, str], test: str) -> None:
    """Call after SIGKILL-ing a process that may have been inside a Secret Service call: the
    daemon may abort (UPSTREAM_CRASH, not store-audit's doing: nothing a killed process does can
    prevent it). It is watched a moment and started again on the same keyring if it died, so
    that the test goes on to check what matters — that nothing was lost — and the crash is
    listed in the summary."""
    keyring = daemon(env)
    settled = time.monotonic() + KILLED_CLIENT_SETTLE
    while keyring.death() is None and time.monotonic() < settled:
        time.sleep(0.02)
    keyring.restart_if_dead(test)


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
        config = Path(home, "bus.conf")
        config.write_text(BUS_CONFIG)
        bus = subprocess.Popen(
            ["dbus-daemon", "--nofork", f"--config-file={config}", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        keyring: Daemon | None = None
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
            keyring = DAEMONS[address] = Daemon(env, Path(home, "gnome-keyring.log"))
            keyring.start()
            yield env
        finally:
            if keyring is not None:
                DAEMONS.pop(keyring.env["DBUS_SESSION_BUS_ADDRESS"], None)
                CRASHES.extend(keyring.crashes)
                keyring.stop()
            bus.terminate()
            bus.wait(timeout=10)


CRASHES: list[str] = []
"""The daemon deaths of daemons already stopped, for the run's summary."""


def crashes() -> list[str]:
    """Every daemon death of this run: of stopped daemons and of running ones."""
    return [*CRASHES, *(c for d in DAEMONS.values() for c in d.crashes)]


LOGIN_KEYRING_WAIT = 60
"""Seconds the daemon may take to open its login keyring. 10 were not enough at load 9 on two
cores (creating the keyring derives a key from its password): a whole session's Secret Service
tests then failed at setup."""

# The daemon, started in the foreground, may not have taken its name on the bus yet (the bus
# starts nothing on demand: "not available"); on a loaded machine it can answer before the login
# keyring it was told to unlock is there, and a client that asks then is offered to create one,
# with a prompt nobody can answer. Both are waited out.
_WAIT = """
import sys, time
import secretstorage
from secretstorage.exceptions import ItemNotFoundException, SecretServiceNotAvailableException
connection = secretstorage.dbus_init()
deadline = time.monotonic() + float(sys.argv[1])
while time.monotonic() < deadline:
    try:
        secretstorage.Collection(connection, "/org/freedesktop/secrets/aliases/default").is_locked()
        sys.exit(0)
    except (ItemNotFoundException, SecretServiceNotAvailableException):
        time.sleep(0.05)
sys.exit(1)
"""


def _wait_for_login_collection(env: dict[str, str], process: subprocess.Popen[bytes]) -> None:
    waited = subprocess.run(
        [sys.executable, "-c", _WAIT, str(LOGIN_KEYRING_WAIT)],
        env=env,
        capture_output=True,
        timeout=LOGIN_KEYRING_WAIT + 30,
        check=False,
    )
    if process.poll() is not None:
        unavailable(f"gnome-keyring-daemon ended while starting (exit {process.returncode})")
    if waited.returncode != 0:
        last = waited.stderr.decode(errors="replace").strip().splitlines()[-1:]
        unavailable(
            f"gnome-keyring-daemon did not open its login keyring within {LOGIN_KEYRING_WAIT} s"
            + (f" ({last[0][:200]})" if last else "")
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
