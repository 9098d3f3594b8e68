"""Scoring workers die with the audit and never hold its output (issue 26, item 13): when the
audit process is killed (the OOM killer, a CI timeout), whoever waits for its output gets it at
once, and no worker lives on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor.strength.pool import PARALLEL_FROM, usable_cores
from tests.generated_inventory import generate

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
"""Where the child finds file_keyring.JsonFileKeyring: a JSON file read once."""


def _children(pid: int) -> set[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(p) for p in text.split()}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_killing_the_audit_ends_its_workers_and_frees_its_output(tmp_path: Path) -> None:
    if usable_cores() < 2:
        pytest.skip("scoring workers start only with two cores or more")
    text, secrets = generate(PARALLEL_FROM * 3)
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(text)
    nested: dict[str, dict[str, str]] = {}
    for (service, user), value in secrets.items():
        nested.setdefault(service, {})[user] = value
    (tmp_path / "secrets.json").write_text(json.dumps(nested))  # as file_keyring reads it
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(BENCHMARKS), *sys.path]),
        "PYTHON_KEYRING_BACKEND": "file_keyring.JsonFileKeyring",
        "STORE_AUDIT_BENCH_KEYRING": str(tmp_path / "secrets.json"),
    }
    audit = subprocess.Popen(
        [sys.executable, "-m", "auditor", "audit", "--inventory", str(inventory)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 and audit.poll() is None and time.monotonic() < deadline:
        workers = _children(audit.pid)
        time.sleep(0.01)
    assert len(workers) >= 2, "the audit finished before its workers could be seen"
    audit.send_signal(signal.SIGKILL)
    try:
        audit.communicate(timeout=30)  # EOF on both pipes: no worker holds them
        deadline = time.monotonic() + 15
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        left = [w for w in workers if _alive(w)]
        for worker in left:  # never leave them behind, even when the test fails
            os.kill(worker, signal.SIGKILL)
    assert not left
