"""A journal store-audit did not write never deletes anything (issue 26, item 1): recovery only
touches entries an account of the inventory could own, only from a regular file of the user's
with mode 0600, and names what it removes. Real processes, the real gnome-keyring, and, where
the machine allows it, a second user planting the journal in a shared sticky folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.intake.writers import child_env, delete_entries, keyring_entries, run

pytestmark = pytest.mark.secret_service

SET = "import keyring, sys; keyring.set_password(sys.argv[1], sys.argv[2], 'Other-Pw-Xq9!zL')"
OTHERS = [("other-app-j26", "alice"), ("ssh:github.com-j26", "git")]
"""Another program's entries: no journal may ever remove them."""
OURS = ("store-audit/j26-gone", "g@acme.test")
"""An entry under store-audit/ of an account the inventory does not hold (an import's leftover)."""
INVENTORY = (
    'version = 1\n[[accounts]]\nid = "j26shop"\nplatform = "shopify"\n'
    'login = "j@acme.test"\nmfa = "totp"\n'
)


@pytest.fixture
def env(secret_service_env: dict[str, str]) -> Iterator[dict[str, str]]:
    """A child environment on the real gnome-keyring holding OTHERS and OURS."""
    env = child_env(secret_service_env)
    for entry in [*OTHERS, OURS]:
        subprocess.run([sys.executable, "-c", SET, *entry], env=env, check=True)
    yield env
    delete_entries(env, "j26")


def _plant(journal: Path, entries: list[tuple[str, str]], mode: int = 0o600) -> None:
    journal.write_text("".join(json.dumps({"service": s, "user": u}) + "\n" for s, u in entries))
    journal.chmod(mode)


def _inventory(folder: Path) -> Path:
    inventory = folder / "store-audit.toml"
    inventory.write_text(INVENTORY)
    inventory.chmod(0o600)
    return inventory


def _left(env: dict[str, str]) -> set[tuple[str, str]]:
    return keyring_entries(env, "j26")


def test_a_journal_of_ours_removes_only_what_an_account_could_own_and_names_it(
    env: dict[str, str], tmp_path: Path
) -> None:
    inventory = _inventory(tmp_path)
    journal = tmp_path / ".store-audit.toml.journal"
    _plant(journal, [*OTHERS, OURS])
    result = run(
        env, "set", "j26shop", "mfa=sms", "--inventory", inventory
    )  # never a keyring write
    assert result.returncode == ExitCode.OK, result.stderr
    assert _left(env) == set(OTHERS)
    assert "removed 1 keyring entry no account uses" in result.stderr
    assert "  removed store-audit/j26-gone (user g@acme.test)" in result.stderr
    assert "left alone 2 keyring entries the journal named" in result.stderr
    assert "  other-app-j26 (user alice)" in result.stderr
    assert not journal.exists()


def test_doctor_prune_names_what_a_journal_made_it_remove(
    env: dict[str, str], tmp_path: Path
) -> None:
    inventory = _inventory(tmp_path)
    _plant(tmp_path / ".store-audit.toml.journal", [*OTHERS, OURS])
    result = run(env, "doctor", "--prune", "--inventory", inventory, input="n\n")
    assert _left(env) == set(OTHERS)
    assert "removed store-audit/j26-gone (user g@acme.test)" in result.stderr
    assert "removed 0 unused keyring entries" in result.stdout  # the prune itself: declined


@pytest.mark.parametrize("kind", ["mode 0644", "symlink", "fifo", "directory", "dev-zero"])
def test_a_journal_store_audit_did_not_write_is_refused_whole(
    env: dict[str, str], tmp_path: Path, kind: str
) -> None:
    inventory = _inventory(tmp_path)
    journal = tmp_path / ".store-audit.toml.journal"
    if kind == "mode 0644":
        _plant(journal, [*OTHERS, OURS], mode=0o644)
    elif kind == "symlink":
        _plant(tmp_path / "elsewhere", [*OTHERS, OURS])
        journal.symlink_to(tmp_path / "elsewhere")
    elif kind == "fifo":
        os.mkfifo(journal, 0o600)
    elif kind == "directory":
        journal.mkdir(mode=0o700)
    else:
        journal.symlink_to("/dev/zero")
    for command in (["set", "j26shop", "mfa=sms"], ["doctor"]):
        result = run(env, *command, "--inventory", inventory, timeout=60)  # a FIFO never hangs
        assert result.returncode == ExitCode.USAGE, (command, result.stderr)
        assert "not a journal store-audit wrote" in result.stdout + result.stderr, command
        assert "Traceback" not in result.stderr
    audited = run(env, "audit", "--inventory", inventory, "--format", "json", timeout=60)
    assert "not a journal store-audit wrote" in audited.stderr
    assert audited.returncode in (ExitCode.OK, ExitCode.FINDINGS)
    assert _left(env) == {*OTHERS, OURS}  # nothing removed, not even our own namespace
    assert journal.exists() or journal.is_symlink()


def _as_nobody() -> list[str] | None:
    """The command prefix that runs a command as the unprivileged user nobody, if this machine
    allows it (root with setpriv)."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return None
    probe = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "true"]
    if subprocess.run(probe, capture_output=True, check=False).returncode != 0:
        return None
    return probe[:-1]


def test_another_users_journal_in_a_shared_folder_deletes_nothing(env: dict[str, str]) -> None:
    nobody = _as_nobody()
    if nobody is None:
        pytest.skip("needs root and setpriv to plant the journal as another user")
    shared = Path(tempfile.mkdtemp(prefix="store-audit-shared-"))  # /tmp: others can reach it
    try:
        shared.chmod(0o1777)  # a sticky shared folder, as /tmp is
        inventory = _inventory(shared)
        journal = shared / ".store-audit.toml.journal"
        lines = "".join(json.dumps({"service": s, "user": u}) + "\n" for s, u in [*OTHERS, OURS])
        plant = f"umask 077; printf '%s' '{lines}' > {journal}"
        subprocess.run([*nobody, "sh", "-c", plant], check=True)
        assert journal.stat().st_uid != os.geteuid()
        for _ in range(2):  # and no later writer crashes or deletes either
            result = run(env, "set", "j26shop", "mfa=sms", "--inventory", inventory)
            assert result.returncode == ExitCode.USAGE, result.stderr
            assert "belongs to another user" in result.stderr
            assert "Traceback" not in result.stderr
        added = run(
            env, "add", "j26new", "--platform", "ebay", "--login", "n@acme.test", "--mfa", "sms",
            "--inventory", inventory, input="New-pw-Xq9!zL\nNew-pw-Xq9!zL\n\n",
        )  # fmt: skip
        assert added.returncode == ExitCode.USAGE, added.stderr
        assert _left(env) == {*OTHERS, OURS}
        assert "j26new" not in inventory.read_text()
    finally:
        shutil.rmtree(shared, ignore_errors=True)
