"""`rename`, `set login=` and `remove` stopped at any moment (SIGTERM: rolled back; SIGKILL: the
next writing command finishes the job) leave the keyring holding exactly what the inventory
names, under one name, never two and never none. Real processes, the real gnome-keyring."""

from __future__ import annotations

import json
import signal
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.inventory import load_inventory
from tests.intake.writers import child_env, command, delete_entries, keyring_entries, run
from tests.secret_service import after_killing_a_client

pytestmark = pytest.mark.secret_service

SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _journal_lines(inventory: Path) -> int:
    try:
        return (inventory.parent / f".{inventory.name}.journal").read_text().count("\n")
    except FileNotFoundError:
        return 0


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not condition() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)


def _named(inventory: Path) -> set[tuple[str, str]]:
    return {e for a in load_inventory(inventory).accounts for e in a.keyring_entries}


def _setup(env: dict[str, str], folder: Path, marker: str) -> Path:
    inventory = folder / "store-audit.toml"
    for account_id, login, stdin in (
        (f"{marker}-box", "box@acme.test", "Box-pw-8#kQz!vL2r\n"),
        (f"{marker}-shop", "shop@acme.test", f"Shop-pw-3$xW9@mTq\n{SEED}\n"),
    ):
        added = run(
            env,
            *f"add {account_id} --platform ebay --login {login} --mfa totp".split(),
            "--password-stdin",
            "--inventory",
            inventory,
            input=stdin,
        )
        assert added.returncode == 0, added.stderr
    codes = run(
        env,
        *f"set-secret {marker}-shop --backup-codes --stdin --inventory".split(),
        inventory,
        input="1111\n2222\n3333\n",
    )
    assert codes.returncode == 0, codes.stderr
    return inventory


def _stop(
    env: dict[str, str], inventory: Path, args: list[str], moment: str, signum: int
) -> subprocess.CompletedProcess[str]:
    process = subprocess.Popen(
        command(*args, "--inventory", inventory),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    before = inventory.read_text()
    if moment == "saved":
        _wait_for(lambda: inventory.read_text() != before, process)
    else:
        _wait_for(lambda: _journal_lines(inventory) >= int(moment), process)
    process.send_signal(signum)
    out, err = process.communicate(timeout=120)
    if signum == signal.SIGKILL:
        after_killing_a_client(env, f"{' '.join(args[:2])} at {moment}")
    assert process.returncode in (0, 128 + signum, -signum), (moment, process.returncode, err)
    assert "Traceback" not in err
    return subprocess.CompletedProcess(args, process.returncode, out, err)


def _check(env: dict[str, str], inventory: Path, marker: str, signum: int) -> None:
    if signum == signal.SIGKILL:  # the next writing command finishes what was cut short
        after = run(env, "set", f"{marker}-box", "store=next", "--inventory", inventory)
        assert after.returncode == 0, after.stderr
    entries = keyring_entries(env, marker)
    assert entries <= _named(inventory)  # nothing orphaned
    for account in load_inventory(inventory).accounts:  # nothing lost: all three, one name
        if "-shop" in account.id:  # its password, seed and backup codes (no security answers)
            assert set(account.keyring_entries[:3]) <= entries
    assert not (inventory.parent / f".{inventory.name}.journal").exists()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_rename_and_set_login_cut_short_keep_one_set_of_entries(
    secret_service_env: dict[str, str], tmp_path: Path, signum: int, request: pytest.FixtureRequest
) -> None:
    env = child_env(secret_service_env)
    marker = "m" + uuid.uuid4().hex[:10]
    request.addfinalizer(lambda: delete_entries(env, marker))
    inventory = _setup(env, tmp_path, marker)
    names = [f"{marker}-shop", f"{marker}-shop2"]
    for moment in ("2", "5", "saved"):
        current = next(a.id for a in load_inventory(inventory).accounts if a.id in names)
        other = names[1 - names.index(current)]
        _stop(env, inventory, ["rename", current, other], moment, signum)
        _check(env, inventory, marker, signum)
    for moment in ("4", "saved"):
        shop = next(a for a in load_inventory(inventory).accounts if a.id in names)
        login = "gb@acme.test" if shop.login != "gb@acme.test" else "shop@acme.test"
        _stop(env, inventory, ["set", shop.id, f"login={login}"], moment, signum)
        _check(env, inventory, marker, signum)
    listed = json.loads(run(env, "list", "--format", "json", "--inventory", inventory).stdout)
    shop_row = next(a for a in listed["accounts"] if a["id"] in names)
    assert shop_row["stored"] == {
        "password": True,
        "totp_seed": True,
        "backup_codes": 3,
        "security_answers": 0,
    }


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
@pytest.mark.parametrize("moment", ["2", "saved"])
def test_remove_cut_short_leaves_the_account_whole_or_gone(
    secret_service_env: dict[str, str],
    tmp_path: Path,
    signum: int,
    moment: str,
    request: pytest.FixtureRequest,
) -> None:
    env = child_env(secret_service_env)
    marker = "r" + uuid.uuid4().hex[:10]
    request.addfinalizer(lambda: delete_entries(env, marker))
    inventory = _setup(env, tmp_path, marker)
    _stop(env, inventory, ["remove", f"{marker}-shop", "--yes"], moment, signum)
    _check(env, inventory, marker, signum)
    ids = {a.id for a in load_inventory(inventory).accounts}
    shop = {e for e in keyring_entries(env, marker) if "-shop" in e[0]}
    assert len(shop) == (3 if f"{marker}-shop" in ids else 0)
