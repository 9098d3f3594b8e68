"""A SIGKILL during `import --force` loses no replaced password (issue 26, item 3): the old value
is kept in the keyring under a name of ours until the run is final, and the next writing command
puts every one back (the run had not finished) or drops them (it had). Real processes, the real
gnome-keyring."""

from __future__ import annotations

import signal
import subprocess
import time
import uuid
from contextlib import closing
from pathlib import Path

import pytest
import secretstorage
from keyring.backends import SecretService

from auditor.inventory import load_inventory
from tests.intake.writers import child_env, chrome_export, command, keyring_entries, run
from tests.secret_service import after_killing_a_client

pytestmark = pytest.mark.secret_service

SIZE = 24
MOMENTS = [0, 1, 8, SIZE - 1]
"""The kill lands once the password of login u<N> has been replaced (watched in the keyring
itself, so the moment does not depend on what the run journals)."""


def _new_passwords(path: Path, marker: str) -> Path:
    """The same logins as `chrome_export`, every password changed."""
    rows = ["name,url,username,password,note"]
    rows += [
        f"Shop {i},https://shop{i}.{marker}.example/login,u{i}@acme.test,New-{i}-{marker}-Xq9!zL,"
        for i in range(SIZE)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _which(backend: SecretService.Keyring, inventory: Path, marker: str) -> set[str]:
    """Which export each stored password comes from: 'old', 'new' or 'other' (never the value)."""
    found = set()
    for account in load_inventory(inventory).accounts:
        value = backend.get_password(account.service, account.login)
        index = account.login.removeprefix("u").split("@")[0]
        found.add(
            "old"
            if value == f"Pw-{index}-{marker}-Xq9!zL"
            else "new"
            if value == f"New-{index}-{marker}-Xq9!zL"
            else "other"
        )
    return found


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_sigkill_during_import_force_loses_no_replaced_password(
    real_keyring: SecretService.Keyring,
    secret_service_env: dict[str, str],
    tmp_path: Path,
    moment: int,
) -> None:
    env = child_env(secret_service_env)
    marker = "r" + uuid.uuid4().hex[:10]
    inventory = tmp_path / "store-audit.toml"
    old = chrome_export(tmp_path / "old.csv", marker, SIZE)
    first = run(env, "import", old, "--from", "chrome", "--all", "--inventory", inventory)
    assert first.returncode == 0, first.stderr
    before = inventory.read_bytes()
    new = _new_passwords(tmp_path / "new.csv", marker)
    process = subprocess.Popen(
        command("import", new, "--from", "chrome", "--all", "--force", "--inventory", inventory),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    watched = next(
        a for a in load_inventory(inventory).accounts if a.login == f"u{moment}@acme.test"
    )
    replaced = f"New-{moment}-{marker}-Xq9!zL"
    with closing(secretstorage.dbus_init()) as connection:  # one connection for every poll
        collection = secretstorage.get_default_collection(connection)
        query = {"service": watched.service, "username": watched.login}
        while process.poll() is None:
            found = list(collection.search_items(query))
            if found and found[0].get_secret() == replaced.encode():
                break
            time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=240)
    after_killing_a_client(env, f"import --force killed at u{moment}")
    killed_midway = process.returncode == -signal.SIGKILL  # else it had finished
    assert inventory.read_bytes() == before  # replacing passwords changes no account
    after = run(
        env, "set", f"{_first_id(inventory)}", "region=US", "--inventory", inventory
    )  # any writing command finishes the interrupted one first
    assert after.returncode == 0, after.stderr
    which = _which(real_keyring, inventory, marker)
    assert which in ({"old"}, {"new"}), which  # never a silent mix, never a lost value
    if which == {"old"}:  # the watched password had been replaced: it was put back, and said
        assert killed_midway and "put back the previous value of" in after.stderr
    assert not any(s.endswith("/previous") for s, _ in keyring_entries(env, marker))
    assert not (tmp_path / ".store-audit.toml.journal").exists()


def _first_id(inventory: Path) -> str:
    return load_inventory(inventory).accounts[0].id
