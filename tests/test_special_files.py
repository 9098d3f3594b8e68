"""Every file store-audit opens is a regular file read with a bound (issue 26, item 9): a FIFO,
a device, a directory or /dev/zero where the lock, a baseline or a corpus should be is one line
and exit 2, never a hang, a traceback or a run out of memory. (The journal: tests/secrets/
test_journal.py; the inventory and exports: tests/test_bad_input.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.errors import ExitCode

INVENTORY = (
    'version = 1\n[[accounts]]\nid = "a"\nplatform = "ebay"\nlogin = "a@x.test"\nmfa = "sms"\n'
)
ENV = {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.keyrings.MemoryKeyring"}


def _plant(path: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(path, 0o600)
    elif kind == "directory":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The CLI as its own process, so that a hang is a timeout and not a stuck test run."""
    command = [sys.executable, "-m", "auditor", *map(str, args)]
    return subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "directory"])
@pytest.mark.parametrize("option", ["--baseline", "--hibp-file"])
def test_a_special_file_given_to_audit_is_one_line(tmp_path: Path, kind: str, option: str) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(INVENTORY)
    planted = tmp_path / "planted"
    _plant(planted, kind)
    result = _run("audit", "--inventory", inventory, option, planted)
    assert result.returncode == ExitCode.USAGE, result.stderr
    assert str(planted) in result.stderr.splitlines()[-1] or result.stderr.startswith(
        f"store-audit: error: {planted}"
    ), result.stderr
    assert "Traceback" not in result.stderr


def test_a_fifo_at_the_lock_is_one_line(tmp_path: Path) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(INVENTORY)
    _plant(tmp_path / ".store-audit.toml.lock", "fifo")
    result = _run("set", "a", "mfa=totp", "--inventory", inventory)
    assert result.returncode == ExitCode.USAGE, result.stderr
    assert "the lock file is not a regular file" in result.stderr
    assert "Traceback" not in result.stderr
    assert 'mfa = "sms"' in inventory.read_text()


def test_a_baseline_is_never_written_through_a_link(tmp_path: Path) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(INVENTORY)
    target = tmp_path / "someone-elses-file"
    target.write_text("theirs\n")
    link = tmp_path / "baseline.json"
    link.symlink_to(target)
    result = _run("audit", "--inventory", inventory, "--write-baseline", link)
    assert result.returncode == ExitCode.USAGE, result.stderr
    assert "symbolic link" in result.stderr
    assert target.read_text() == "theirs\n"
