"""The CI examples in examples/ci/ run as written: the gate script a workflow calls and the git
pre-commit hook, against a real gnome-keyring, with the installed `store-audit` command."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import SecretService

from auditor.errors import ExitCode

SECRET_SERVICE = "keyring.backends.SecretService.Keyring"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "ci"
INVENTORY = """\
version = 1
[[accounts]]
id = "ci-box"
platform = "gmail"
login = "ci-owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "ci-shop"
platform = "shopify"
login = "ci-owner@gmail.com"
mfa = "none"
"""
NEW_STORE = """\
[[accounts]]
id = "ci-etsy"
platform = "etsy"
login = "ci-owner@gmail.com"
mfa = "totp"
"""
SECRETS = {
    ("store-audit/ci-box", "ci-owner@gmail.com"): "q7#Vx2!mPz9Lw4Rt",
    ("store-audit/ci-shop", "ci-owner@gmail.com"): "Nf8$kT3@wQ6zLp1X",
    ("store-audit/ci-etsy", "ci-owner@gmail.com"): "q7#Vx2!mPz9Lw4Rt",  # the mailbox's password
    # the mailbox keeps its backup codes, so the gate is about ci-shop's missing 2FA alone
    ("store-audit/ci-box/backup", "ci-owner@gmail.com"): "1111 2222\n3333 4444\n5555 6666",
}


@pytest.fixture
def repo(
    tmp_path: Path, secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, dict[str, str]]]:
    """A git repository holding an inventory, with secrets in the real keyring and a
    `store-audit` command on PATH (this interpreter, as the installed script would be)."""
    for name, value in secret_service_env.items():
        monkeypatch.setenv(name, value)
    backend = SecretService.Keyring()
    for (service, user), password in SECRETS.items():
        backend.set_password(service, user, password)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "store-audit"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m auditor "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    work = tmp_path / "repo"
    work.mkdir()
    (work / "store-audit.toml").write_text(INVENTORY)
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        **secret_service_env,
    }
    yield work, env
    for service, user in SECRETS:
        backend.delete_password(service, user)


def sh(
    command: list[str], cwd: Path, env: dict[str, str], extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env={**env, **(extra or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.posix
@pytest.mark.secret_service
def test_gate_script_writes_sarif_and_honours_the_baseline(
    repo: tuple[Path, dict[str, str]],
) -> None:
    work, env = repo
    gate = ["sh", str(EXAMPLES / "store-audit-gate.sh")]
    first = sh(gate, work, env)
    assert first.returncode == ExitCode.FINDINGS, first.stderr  # ci-shop has no 2FA
    sarif = json.loads((work / "store-audit.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["mfa.missing"]
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "store-audit.toml"},
        "region": {"startLine": 7},
    }

    adopt = sh(["store-audit", "audit", "--write-baseline", "store-audit-baseline.json"], work, env)
    assert adopt.returncode == ExitCode.OK, adopt.stderr
    assert sh(gate, work, env).returncode == ExitCode.OK

    with (work / "store-audit.toml").open("a") as inventory:
        inventory.write(NEW_STORE)
    gated = sh(gate, work, env)
    assert gated.returncode == ExitCode.FINDINGS
    results = json.loads((work / "store-audit.sarif").read_text())["runs"][0]["results"]
    states = {r["properties"]["key"]: r["baselineState"] for r in results}
    assert states["mfa.missing:ci-shop"] == "unchanged"
    assert states["password.reused:ci-box,ci-etsy"] == "new"

    # the inventory in a subdirectory of the repository: URIs from the repository root
    rooted = sh(gate, work, env, {"STORE_AUDIT_SARIF_ROOT": str(work.parent)})
    assert rooted.returncode == ExitCode.FINDINGS, rooted.stderr
    results = json.loads((work / "store-audit.sarif").read_text())["runs"][0]["results"]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for loc in results[0]["locations"]}
    assert uris == {f"{work.name}/store-audit.toml"}


@pytest.mark.posix
@pytest.mark.secret_service
def test_gate_script_onboards_one_account_with_a_junit_report(
    repo: tuple[Path, dict[str, str]],
) -> None:
    work, env = repo
    with (work / "store-audit.toml").open("a") as inventory:
        inventory.write(NEW_STORE)
    result = sh(
        ["sh", str(EXAMPLES / "store-audit-gate.sh")], work, env, {"STORE_AUDIT_ONBOARD": "ci-etsy"}
    )
    assert result.returncode == ExitCode.FINDINGS
    assert "onboard ci-etsy: FAIL" in result.stderr
    suites = ET.parse(work / "store-audit-junit.xml").getroot()  # noqa: S314 - our own output
    failed = {c.get("name") for c in suites.iter("testcase") if c.find("failure") is not None}
    assert "password.reused" in failed
    keyring_down = sh(
        ["sh", str(EXAMPLES / "store-audit-gate.sh")],
        work,
        {k: v for k, v in env.items() if k != "DBUS_SESSION_BUS_ADDRESS"},
        # the Secret Service the gate reads, unreachable (without this, keyring would fall back
        # to keyrings.alt's plaintext file, which the test extra installs, and find nothing)
        {"STORE_AUDIT_ONBOARD": "ci-etsy", "PYTHON_KEYRING_BACKEND": SECRET_SERVICE},
    )
    assert keyring_down.returncode == ExitCode.KEYRING


@pytest.mark.posix
@pytest.mark.secret_service
def test_pre_commit_hook_gates_the_staged_inventory(repo: tuple[Path, dict[str, str]]) -> None:
    work, env = repo
    hook = ["sh", str(EXAMPLES / "pre-commit")]
    sh(["git", "init", "-q"], work, env)
    (work / "notes.txt").write_text("unrelated")
    sh(["git", "add", "notes.txt"], work, env)
    assert sh(hook, work, env).returncode == 0  # the inventory is not in this commit

    sh(["git", "add", "store-audit.toml"], work, env)
    stopped = sh(hook, work, env)
    assert stopped.returncode == ExitCode.FINDINGS
    assert "Hardening checklist" in stopped.stdout
    assert "commit stopped (exit 1)" in stopped.stderr

    # What counts is the staged version: fixing the file without staging it changes nothing.
    (work / "store-audit.toml").write_text(INVENTORY.replace('mfa = "none"', 'mfa = "totp"'))
    assert sh(hook, work, env).returncode == ExitCode.FINDINGS
    sh(["git", "add", "store-audit.toml"], work, env)
    assert sh(hook, work, env).returncode == ExitCode.OK


def test_workflow_runs_the_tested_gate_script() -> None:
    workflow = (EXAMPLES / "github-actions.yml").read_text()
    runs = re.findall(r"^\s+run: (.+)$", workflow, re.MULTILINE)
    assert runs == ["sh examples/ci/store-audit-gate.sh"]
    assert "sarif_file: store-audit.sarif" in workflow
    assert "STORE_AUDIT_ONBOARD: ${{ inputs.account }}" in workflow
    assert "runs-on: [self-hosted, store-audit]" in workflow
