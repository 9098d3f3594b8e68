"""Against a real gnome-keyring daemon over D-Bus: the audit reads what `keyring` wrote, gives the
same findings as the in-memory keyring, never writes, leaks nothing, and turns every way the
Secret Service can fail (locked, no D-Bus) into exit 3 with one line and a hint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService

from auditor.errors import ExitCode
from tests.canaries import find_leaks, leak_forms, random_core, random_seed
from tests.conftest import UseBackend, invoke
from tests.keyrings import MemoryKeyring
from tests.secret_service import private_secret_service

pytestmark = pytest.mark.secret_service

INVENTORY = """\
version = 1
[[accounts]]
id = "gmail-owner"
platform = "gmail"
login = "owner@gmail.com"
mfa = "none"
[[accounts]]
id = "amazon-us"
platform = "amazon"
login = "owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "amazon-ca"
platform = "amazon"
login = "Owner+ca@gmail.com"
mfa = "sms"
keyring_service = "vault/amazon-ca"
[[accounts]]
id = "ebay"
platform = "ebay"
login = "ebay-login"
mfa = "totp"
"""


@pytest.fixture
def bus_env(secret_service_env: dict[str, str]) -> dict[str, str]:
    return secret_service_env


@pytest.fixture
def real_keyring(
    bus_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, use_backend: UseBackend
) -> SecretService.Keyring:
    for name, value in bus_env.items():
        monkeypatch.setenv(name, value)
    backend = SecretService.Keyring()
    use_backend(backend)
    return backend


class Planted:
    def __init__(self) -> None:
        reused = random_core()
        self.values = {
            ("store-audit/gmail-owner", "owner@gmail.com"): f"Shared-{reused}!",
            ("store-audit/amazon-us", "owner@gmail.com"): f"Shared-{reused}!",
            ("vault/amazon-ca", "Owner+ca@gmail.com"): f"Q{random_core()}#x",
            ("store-audit/amazon-us/totp", "owner@gmail.com"): random_seed(10),
            # ebay: no password stored at all
        }
        self.forms = {f"{s}|{u}": leak_forms(v, v) for (s, u), v in self.values.items()}


@pytest.fixture
def planted(real_keyring: SecretService.Keyring, tmp_path: Path) -> Iterator[tuple[Planted, Path]]:
    secrets = Planted()
    for (service, user), value in secrets.values.items():
        real_keyring.set_password(service, user, value)
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    yield secrets, path
    for service, user in secrets.values:
        real_keyring.delete_password(service, user)


EXPECTED = {
    "password.reused:amazon-us,gmail-owner",
    "password.missing:ebay",
    "mfa.totp-weak-seed:amazon-us",
    "email.shared-login:amazon-ca,amazon-us",
    "mfa.missing:gmail-owner",
    "recovery.weak-link:amazon-ca,amazon-us,gmail-owner",
}


def test_audit_reads_the_real_secret_service(planted: tuple[Planted, Path]) -> None:
    secrets, path = planted
    assert isinstance(keyring.get_keyring(), SecretService.Keyring)
    result = invoke("audit", "--inventory", path, "--format", "json")
    assert result.exit_code == ExitCode.FINDINGS, result.stderr
    keys = {f["key"] for f in json.loads(result.stdout)["findings"]}
    assert keys >= EXPECTED
    assert find_leaks([result.stdout, result.stderr], secrets.forms) == []


def test_same_findings_as_the_in_memory_keyring(
    planted: tuple[Planted, Path], use_backend: UseBackend
) -> None:
    secrets, path = planted
    real = json.loads(invoke("audit", "--inventory", path, "--format", "json").stdout)
    memory = MemoryKeyring()
    memory.entries.update(secrets.values)
    use_backend(memory)
    fake = json.loads(invoke("audit", "--inventory", path, "--format", "json").stdout)
    assert real["findings"] == fake["findings"] and real["checklist"] == fake["checklist"]


def test_audit_never_writes_the_secret_service(
    planted: tuple[Planted, Path], bus_env: dict[str, str]
) -> None:
    import secretstorage

    secrets, path = planted
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        before = sorted(item.item_path for item in collection.get_all_items())
        invoke("audit", "--inventory", path)
        invoke("onboard", "amazon-ca", "--inventory", path)
        invoke("doctor", "--inventory", path)
        assert sorted(item.item_path for item in collection.get_all_items()) == before
    finally:
        connection.close()


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The installed CLI in a child process with exactly this environment."""
    return subprocess.run(
        [sys.executable, "-m", "auditor", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def base_env(tmp_path: Path) -> dict[str, str]:
    keep = ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "SYSTEMROOT")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env |= {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return env


CHAIN = (
    "keyring.backends.chainer.ChainerBackend (keyring.backends.SecretService.Keyring, "
    "then keyrings.alt.file.PlaintextKeyring)"
)


@pytest.mark.parametrize(
    "forced, described",
    [
        (None, CHAIN),  # keyring's own pick with keyrings.alt installed (the test extra has it)
        ("keyring.backends.SecretService.Keyring", "keyring.backends.SecretService.Keyring"),
    ],
    ids=["as-keyring-picks-it", "secret-service-alone"],
)
def test_a_child_process_audits_through_the_default_backend(
    planted: tuple[Planted, Path],
    bus_env: dict[str, str],
    tmp_path: Path,
    forced: str | None,
    described: str,
) -> None:
    secrets, path = planted
    env = base_env(tmp_path) | bus_env
    if forced:
        env["PYTHON_KEYRING_BACKEND"] = forced
    doctor = run_cli(["doctor", "--inventory", str(path)], env)
    assert f"keyring backend: {described}\n" in doctor.stdout, doctor
    assert "passwords in the keyring: 3 of 4 accounts (missing: ebay)" in doctor.stdout
    result = run_cli(["audit", "--inventory", str(path), "--format", "json"], env)
    assert result.returncode == ExitCode.FINDINGS, result.stderr
    assert {f["key"] for f in json.loads(result.stdout)["findings"]} >= EXPECTED
    assert find_leaks([result.stdout, result.stderr, doctor.stdout], secrets.forms) == []


def test_locked_collection_is_exit_3(tmp_path: Path) -> None:
    # A daemon of its own: once locked, a headless keyring cannot be unlocked again.
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    with private_secret_service() as env:
        child_env = base_env(tmp_path) | env
        lock = "import secretstorage as s; c = s.dbus_init(); s.get_default_collection(c).lock()"
        subprocess.run([sys.executable, "-c", lock], env=child_env, check=True, timeout=60)
        result = run_cli(["audit", "--inventory", str(path)], child_env)
    assert result.returncode == ExitCode.KEYRING
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == "store-audit: error: the keyring is locked"
    assert result.stderr.splitlines()[1].startswith("hint: ")
    assert "Traceback" not in result.stderr


def test_secret_service_forced_without_dbus_is_exit_3(tmp_path: Path) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    env = base_env(tmp_path) | {"PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring"}
    result = run_cli(["audit", "--inventory", str(path)], env)
    assert result.returncode == ExitCode.KEYRING, result.stderr
    error, hint = result.stderr.splitlines()
    assert error.startswith("store-audit: error: could not load a keyring backend: RuntimeError"), (
        error
    )
    assert "DBUS_SESSION_BUS_ADDRESS" in error
    assert hint.startswith("hint: start and unlock a Secret Service")
    assert "Traceback" not in result.stderr


def test_no_backend_at_all_is_exit_3(tmp_path: Path) -> None:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    # What keyring picks when no backend is viable; named here because the test extra installs
    # keyrings.alt, whose plaintext file backend is always viable.
    env = base_env(tmp_path) | {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = run_cli(["audit", "--inventory", str(path)], env)
    assert result.returncode == ExitCode.KEYRING, result.stderr
    assert result.stderr.splitlines()[0] == "store-audit: error: no keyring backend is available"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("extra_items", [0, 60], ids=["enumerate", "search"])
def test_bulk_reads_equal_per_entry_reads(
    real_keyring: SecretService.Keyring, extra_items: int
) -> None:
    """One connection (both strategies: reading every item's attributes when most of the
    collection is wanted, searching when little is) gives what keyring.get_password gives."""
    import secretstorage

    from auditor.secrets.secret_service import read_many

    written = {
        ("store-audit/bulk-a", "ops@acme.test"): "pässwörd-ünïcode ✓",
        ("vault/override", "Owner+x@acme.test"): "override-value",
        ("store-audit/bulk-a/totp", "ops@acme.test"): "JBSWY3DPEHPK3PXP",
        ("store-audit/bulk-b", "same-login"): "b-value",
        ("store-audit/bulk-c", "same-login"): "c-value",
    }
    for (service, user), value in written.items():
        real_keyring.set_password(service, user, value)
    for index in range(extra_items):
        real_keyring.set_password(f"other-app/{index}", "someone", "not ours")
    # an item written by another tool, with attributes keyring does not set
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        collection.create_item(
            "made elsewhere",
            {"service": "store-audit/bulk-d", "username": "d@acme.test", "xdg:schema": "x"},
            b"d-value",
        )
    finally:
        connection.close()
    wanted = [
        *written,
        ("store-audit/bulk-d", "d@acme.test"),
        ("store-audit/missing", "ops@acme.test"),
        ("store-audit/bulk-b", "other-login"),
    ]
    arrived: list[tuple[tuple[str, str], str]] = []
    try:
        expected = {pair: real_keyring.get_password(*pair) for pair in wanted}
        assert read_many(real_keyring, wanted, arrived=lambda b: arrived.extend(b.items())) == (
            expected
        )
        # every value found is handed on as it arrives, once
        assert sorted(arrived) == sorted((p, v) for p, v in expected.items() if v is not None)
    finally:
        for index in range(extra_items):
            real_keyring.delete_password(f"other-app/{index}", "someone")
        for pair in [*written, ("store-audit/bulk-d", "d@acme.test")]:
            real_keyring.delete_password(*pair)
