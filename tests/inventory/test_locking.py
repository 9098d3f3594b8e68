"""The inventory's write lock on every platform: a second writer waits and says so, gives up
after the time limit naming the holder, and the lock file is private, kept, never followed.

Locks are per open file (flock on POSIX, LockFileEx on Windows), so two `inventory_lock`s in
one process contend exactly as two processes do.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
import time
from pathlib import Path

import pytest

from auditor.errors import InventoryError
from auditor.inventory.locking import inventory_lock, lock_path


def test_a_second_writer_gives_up_naming_the_holder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inventory = tmp_path / "store-audit.toml"
    monkeypatch.setenv("STORE_AUDIT_LOCK_TIMEOUT", "0.2")
    heard: list[str] = []
    with inventory_lock(inventory), pytest.raises(InventoryError) as stopped:
        with inventory_lock(inventory, on_wait=heard.append):
            pass
    assert heard == [
        f"waiting for another store-audit (pid {os.getpid()}) to finish writing {inventory}"
    ]
    assert str(stopped.value) == (
        f"{inventory}: another store-audit (pid {os.getpid()}) has been writing it for over "
        "0.2 s; nothing was written"
    )


def test_a_second_writer_waits_then_goes_on(tmp_path: Path) -> None:
    inventory = tmp_path / "store-audit.toml"
    heard: list[str] = []
    order: list[str] = []
    waiting = threading.Event()

    def second() -> None:
        def note(line: str) -> None:
            heard.append(line)
            waiting.set()

        with inventory_lock(inventory, on_wait=note):
            order.append("second")

    with inventory_lock(inventory):
        thread = threading.Thread(target=second)
        thread.start()
        assert waiting.wait(10), "the second writer never said it was waiting"
        time.sleep(0.2)  # it keeps waiting while the first holds the lock
        order.append("first")
    thread.join(10)
    assert order == ["first", "second"]
    assert len(heard) == 1  # said once, not once per try


def test_the_lock_file_is_kept_and_private(tmp_path: Path) -> None:
    inventory = tmp_path / "store-audit.toml"
    with inventory_lock(inventory):
        pass
    path = lock_path(inventory)
    assert path.is_file()  # deleting it would let two writers lock two different files
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with inventory_lock(inventory):  # and it can be taken again
        pass


def test_a_symlink_at_the_lock_file_is_refused_not_followed(tmp_path: Path) -> None:
    inventory = tmp_path / "store-audit.toml"
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    try:
        lock_path(inventory).symlink_to(target)
    except OSError:  # Windows without the privilege to create symbolic links
        pytest.skip("cannot create a symbolic link here")
    with pytest.raises(InventoryError) as refused, inventory_lock(inventory):
        pass
    assert str(refused.value) == (
        f"{lock_path(inventory)}: cannot open the lock file: is a symbolic link; "
        "refusing to follow it"
    )
    assert target.read_text() == "keep me\n"
