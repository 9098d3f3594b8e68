"""The scoring workers started the way macOS and Windows start them (`spawn`: a fresh interpreter
per worker that inherits nothing), on any platform: the same scores, the same demo, and a whole
add / import / set-secret / audit round trip through the real command with its workers spawned.

`$STORE_AUDIT_START_METHOD` chooses the start method and `$STORE_AUDIT_PARALLEL_FROM=1` makes
even the demo's 11 accounts use the workers (auditor/workers.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext
from pathlib import Path

import pytest

from auditor import workers
from auditor.errors import ExitCode
from auditor.secrets import Secret
from auditor.strength import score_password
from auditor.strength.pool import Scoring
from auditor.workers import start_method, worker_context

PASSWORDS = ["password1", "Acme-Amazon-2024!", "correct horse battery staple", "a" * 200]


def _inherited() -> bool:
    """In a worker: whether it holds the parent's modules (forked) or only its own (spawned)."""
    return "auditor.cli" in sys.modules


def test_the_start_method_is_the_platform_s_or_the_one_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("STORE_AUDIT_START_METHOD", raising=False)
    assert start_method() == ("fork" if sys.platform == "linux" else "spawn")
    monkeypatch.setenv("STORE_AUDIT_START_METHOD", "spawn")
    assert start_method() == "spawn"
    with ProcessPoolExecutor(1, mp_context=worker_context()) as pool:
        assert pool.submit(_inherited).result(timeout=120) is False  # a fresh interpreter


def test_forkserver_is_refused_in_one_line(tmp_path: Path) -> None:
    # its workers are the fork server's children: they took the audit for gone and quit, and
    # the audit ended in a BrokenProcessPool traceback
    env = {**os.environ, "STORE_AUDIT_START_METHOD": "forkserver", "STORE_AUDIT_PARALLEL_FROM": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "auditor", "demo"], env=env, capture_output=True, text=True
    )
    assert result.returncode == ExitCode.USAGE
    [line] = result.stderr.splitlines()
    refused = "store-audit: error: $STORE_AUDIT_START_METHOD: 'forkserver' is not one of "
    assert line.startswith(refused) and "spawn" in line[len(refused) :]
    assert "forkserver" not in line[len(refused) :]


def test_spawned_workers_score_as_this_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORE_AUDIT_START_METHOD", "spawn")
    started: list[str] = []

    def noted() -> BaseContext:  # the pool's context, noted on its way
        context = worker_context()
        started.append(context.get_start_method())
        return context

    monkeypatch.setattr(workers, "worker_context", noted)
    items = {p.encode(): (Secret(p), ["acme", "amazon"]) for p in PASSWORDS}
    scoring = Scoring(workers=2)
    try:
        scoring.submit(items)
        remote = {key: scoring.get(key) for key in items}
    finally:
        scoring.close()
    assert started == ["spawn"]
    assert remote == {key: score_password(*item) for key, item in items.items()}


def store_audit() -> list[str]:
    """The command a user runs: the installed script (a spawned worker re-reads it as its
    main module), else `python -m auditor`."""
    script = shutil.which("store-audit", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "auditor"]


def run(
    args: list[str | Path], env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*store_audit(), *map(str, args)],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def findings(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    assert result.returncode in (ExitCode.OK, ExitCode.FINDINGS), result.stderr
    report = json.loads(result.stdout)
    return [(f["key"], f["message"]) for f in report["findings"]]


def pooled(method: str) -> dict[str, str]:
    """The environment that runs the workers with `method`, even for a handful of accounts."""
    return {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "STORE_AUDIT_START_METHOD": method,
        "STORE_AUDIT_PARALLEL_FROM": "1",
    }


def test_the_demo_with_spawned_workers_is_the_demo() -> None:
    plain = {k: v for k, v in os.environ.items() if not k.startswith("STORE_AUDIT_")}
    expected = findings(run(["demo", "--format", "json"], {**plain, "PYTHONIOENCODING": "utf-8"}))
    assert findings(run(["demo", "--format", "json"], pooled("spawn"))) == expected
    # the workers really are started for the demo: a start method this platform lacks is refused
    refused = run(["demo"], pooled("no-such-method"))
    assert refused.returncode == ExitCode.USAGE
    assert refused.stderr.startswith(
        "store-audit: error: $STORE_AUDIT_START_METHOD: 'no-such-method' is not one of "
    )


CHROME = """\
name,url,username,password,note
亚马逊德国站,https://sellercentral.amazon.de/ap/signin,ops+de@acme.test,Zh-Amazon-De-22!x,
eBay UK,https://signin.ebay.co.uk/,ebay@acme.test,password1,
"""


def test_add_import_set_secret_and_audit_with_spawned_workers(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **pooled("spawn"),
        # a keyring file named on purpose, so that the round trip runs on any platform
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "HOME": str(home),
        "USERPROFILE": str(home),
        "LOCALAPPDATA": str(home),
        "XDG_DATA_HOME": str(home / "data"),
    }
    inventory = tmp_path / "店铺 清单" / "store-audit.toml"
    inventory.parent.mkdir()
    export = tmp_path / "chrome export.csv"
    export.write_bytes(CHROME.encode("gbk"))
    add: list[str | Path] = ["add", "gmail-owner", "--platform", "gmail"]
    add += ["--login", "acme.owner@gmail.com", "--mfa", "totp", "--password-stdin"]
    steps: list[tuple[list[str | Path], str | None]] = [
        (add, "password1\n\n"),
        (["import", export, "--from", "chrome"], None),
        (["set-secret", "amazon-de", "--stdin", "--force"], "Zh-Amazon-De-22!x-new\n"),
        (["set", "ebay-uk", "mfa=sms"], None),
    ]
    for args, stdin in steps:
        done = run([*args, "--inventory", inventory], env, stdin)
        assert done.returncode == ExitCode.OK, (args[0], done.stderr)
    audited = findings(
        run(["audit", "--inventory", inventory, "--format", "json", "--fail-on", "never"], env)
    )
    keys = [key for key, _ in audited]
    assert "password.reused:ebay-uk,gmail-owner" in keys  # both read back from the keyring
    assert "password.weak:ebay-uk" in keys  # scored by a spawned worker
    assert "password.weak:amazon-de" not in keys
    # the workers change nothing: the same audit in this process
    local = {**env, "STORE_AUDIT_PARALLEL_FROM": "100000"}
    assert audited == findings(
        run(["audit", "--inventory", inventory, "--format", "json", "--fail-on", "never"], local)
    )
