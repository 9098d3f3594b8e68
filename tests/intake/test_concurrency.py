"""Two writers at once and writers that die: nothing lost, nothing orphaned (issue 10).

Every test runs real `store-audit` processes against the real gnome-keyring daemon. After each
scenario, the keyring holds exactly the entries the inventory names (no orphan), and the
inventory is one a command wrote whole (never a mix).
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from auditor.errors import ExitCode
from auditor.inventory import load_inventory
from auditor.inventory.locking import inventory_lock
from tests.intake.writers import (
    child_env,
    chrome_export,
    command,
    delete_entries,
    keyring_entries,
    run,
)
from tests.secret_service import after_killing_a_client

pytestmark = pytest.mark.secret_service

SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
LARGE = os.environ.get("STORE_AUDIT_CRASH_RUNS") == "large"
IMPORT_SIZE = 300 if LARGE else 40
"""Entries in the interrupted import: 300 for the long run, 40 in the default suite."""


def passwords(inventory: Path) -> set[tuple[str, str]]:
    """The password entries the inventory's accounts name."""
    if not inventory.exists():
        return set()
    return {(a.service, a.login) for a in load_inventory(inventory).accounts}


def stored(env: dict[str, str], marker: str) -> set[tuple[str, str]]:
    """Keyring entries of this test's accounts that hold a value."""
    return keyring_entries(env, marker)


def account_ids(inventory: Path) -> set[str]:
    return {a.id for a in load_inventory(inventory).accounts} if inventory.exists() else set()


@pytest.fixture
def marker(secret_service_env: dict[str, str]) -> Iterator[str]:
    """A name no other test's accounts or entries share; its entries are removed afterwards."""
    name = "c" + uuid.uuid4().hex[:10]
    yield name
    delete_entries(child_env(secret_service_env), name)


def test_twenty_parallel_adds_keep_every_account(
    secret_service_env: dict[str, str], tmp_path: Path, marker: str
) -> None:
    env = child_env(secret_service_env)
    inventory = tmp_path / "store-audit.toml"
    processes = [
        subprocess.Popen(
            command(
                "add",
                f"{marker}-{i}",
                "--platform",
                "shopify",
                "--login",
                f"s{i}@acme.test",
                "--mfa",
                "totp",
                "--inventory",
                inventory,
            ),
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(20)
    ]
    outcomes = [
        p.communicate(f"Pw-{i}-Xq9!zLw\nPw-{i}-Xq9!zLw\n{SEED}\n", timeout=180)
        for i, p in enumerate(processes)
    ]
    failed = [
        (i, p.returncode, err)
        for i, (p, (_, err)) in enumerate(zip(processes, outcomes, strict=True))
        if p.returncode
    ]
    # A keyring read can time out when twenty clients crowd one daemon on a loaded machine:
    # that add fails cleanly (exit 3, nothing written) and is simply run again; anything else
    # (a lost account, a torn file, a traceback) is the failure this test is for.
    for i, code, err in failed:
        assert code == ExitCode.KEYRING and "Traceback" not in err, (i, code, err)
        again = run(
            env,
            *("add", f"{marker}-{i}", "--platform", "shopify", "--login", f"s{i}@acme.test"),
            *("--mfa", "totp", "--inventory", inventory),
            input=f"Pw-{i}-Xq9!zLw\nPw-{i}-Xq9!zLw\n{SEED}\n",
            timeout=180,
        )
        assert again.returncode == 0, (i, again.returncode, again.stderr)
    assert account_ids(inventory) == {f"{marker}-{i}" for i in range(20)}
    entries = stored(env, marker)
    assert len(entries) == 40
    assert entries == {e for a in load_inventory(inventory).accounts for e in a.keyring_entries[:2]}


def test_an_import_racing_an_add_keeps_both(
    secret_service_env: dict[str, str], tmp_path: Path, marker: str
) -> None:
    env = child_env(secret_service_env)
    inventory = tmp_path / "store-audit.toml"
    export = chrome_export(tmp_path / "export.csv", marker, 30)
    importing = subprocess.Popen(
        command("import", export, "--from", "chrome", "--all", "--inventory", inventory),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    added = run(
        env,
        "add",
        f"{marker}-added",
        "--platform",
        "ebay",
        "--login",
        "e@acme.test",
        "--mfa",
        "sms",
        "--inventory",
        inventory,
        input="Ebay-pw-Xq9!zL\nEbay-pw-Xq9!zL\n\n",
    )
    _, err = importing.communicate(timeout=180)
    assert (importing.returncode, added.returncode) == (0, 0), (err, added.stderr)
    assert f"{marker}-added" in account_ids(inventory)
    assert len(account_ids(inventory)) == 31
    assert stored(env, marker) == passwords(inventory)  # every password, no orphan


def test_two_imports_at_once_give_the_union(
    secret_service_env: dict[str, str], tmp_path: Path, marker: str
) -> None:
    env = child_env(secret_service_env)
    inventory = tmp_path / "store-audit.toml"
    first = chrome_export(tmp_path / "first.csv", marker, 25)
    second = chrome_export(tmp_path / "second.csv", marker, 25, start=25)
    # The test holds the write lock while both start, so that they meet at it whatever the
    # machine's speed (planning 25 logins can end before a second process has started).
    with inventory_lock(inventory):
        processes = [
            subprocess.Popen(
                command("import", export, "--from", "chrome", "--all", "--inventory", inventory),
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for export in (first, second)
        ]
        time.sleep(3)
    errors = [p.communicate(timeout=240)[1] for p in processes]
    assert [p.returncode for p in processes] == [0, 0], errors
    assert len(account_ids(inventory)) == 50
    assert stored(env, marker) == passwords(inventory)
    assert any("waiting for another store-audit (pid" in e for e in errors)


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    while not condition() and process.poll() is None:
        time.sleep(0.005)


def _journal_lines(inventory: Path) -> int:
    try:
        return (inventory.parent / f".{inventory.name}.journal").read_text().count("\n")
    except FileNotFoundError:
        return 0


MOMENTS = ["planning", *(f"entry {k}" for k in (1, 2, 5, 13, 21, 34)), "saved"]
if LARGE:
    MOMENTS = ["planning", *(f"entry {k}" for k in range(1, 300, 11)), "saved"]


@pytest.mark.parametrize(
    "signum",
    [getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP", "SIGKILL") if hasattr(signal, n)],
)
def test_a_signal_at_any_moment_of_an_import_loses_nothing(
    secret_service_env: dict[str, str], tmp_path: Path, signum: int, request: pytest.FixtureRequest
) -> None:
    env = child_env(secret_service_env)
    stopped = 0
    for moment in MOMENTS:
        marker = "s" + uuid.uuid4().hex[:10]
        request.addfinalizer(functools.partial(delete_entries, env, marker))
        inventory = tmp_path / marker / "store-audit.toml"
        inventory.parent.mkdir()
        export = chrome_export(tmp_path / marker / "export.csv", marker, IMPORT_SIZE)
        process = subprocess.Popen(
            command("import", export, "--from", "chrome", "--all", "--inventory", inventory),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if moment == "planning":
            time.sleep(0.3)
        elif moment == "saved":
            _wait_for(inventory.exists, process)
        else:
            wanted = int(moment.split()[1])
            _wait_for(lambda: _journal_lines(inventory) >= wanted, process)  # noqa: B023
        process.send_signal(signum)
        _, err = process.communicate(timeout=240)
        if signum == signal.SIGKILL:
            after_killing_a_client(env, f"{request.node.nodeid} at {moment}")
        stopped += process.returncode in (128 + signum, -signum)
        # 128 + signum: stopped by its handler, after rolling back; -signum: stopped before the
        # handler was installed (nothing written yet) or as the finished process exited
        assert process.returncode in (0, 128 + signum, -signum), (moment, process.returncode, err)
        if process.returncode == 128 + signum:
            assert "interrupted by" in err and "Traceback" not in err
        if signum == signal.SIGKILL:
            # the next writing command finishes the rollback and says so
            after = run(
                env,
                "add",
                f"{marker}-next",
                "--platform",
                "ebay",
                "--login",
                "n@acme.test",
                "--mfa",
                "sms",
                "--inventory",
                inventory,
                input="Next-pw-Xq9!zL\nNext-pw-Xq9!zL\n\n",
            )
            assert after.returncode == 0, after.stderr
        ids = account_ids(inventory) - {f"{marker}-next"}
        assert len(ids) in (0, IMPORT_SIZE), (moment, len(ids))
        assert stored(env, marker) == passwords(inventory), moment
        assert not (inventory.parent / f".{inventory.name}.journal").exists(), moment
    # every moment but the last ("saved": the writes are final) caught the import mid-way
    assert stopped >= len(MOMENTS) - 1
