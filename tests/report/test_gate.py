"""The CI gate teams can live with: baselines, expired suppressions, onboard's verdict, and a
progress line that never touches a machine-readable report."""

from __future__ import annotations

import io
import json
import stat
import sys
from pathlib import Path

from auditor.errors import ExitCode
from auditor.progress import TerminalProgress
from tests.canaries import find_leaks, leak_forms
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

INVENTORY = """\
version = 1
[[accounts]]
id = "box"
platform = "gmail"
login = "owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "shop"
platform = "shopify"
login = "owner@gmail.com"
mfa = "none"
"""
NEW_STORE = """\
[[accounts]]
id = "etsy"
platform = "etsy"
login = "owner@gmail.com"
mfa = "totp"
"""
PASSWORDS = {"box": "q7#Vx2!mPz9Lw4Rt", "shop": "Nf8$kT3@wQ6zLp1X", "etsy": "q7#Vx2!mPz9Lw4Rt"}


def setup(tmp_path: Path, keyring: MemoryKeyring, extra: str = "") -> Path:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY + extra)
    for account_id, password in PASSWORDS.items():
        keyring.entries[f"store-audit/{account_id}", "owner@gmail.com"] = password
        keyring.entries[f"store-audit/{account_id}/backup", "owner@gmail.com"] = "1111\n2222\n3333"
    return path


def statuses(stdout: str) -> dict[str, str]:
    return {f["key"]: f["status"] for f in json.loads(stdout)["findings"]}


def test_baseline_round_trip_fails_only_on_the_new_weakness(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = setup(tmp_path, memory_keyring)
    baseline = tmp_path / "baseline.json"
    assert invoke("audit", "--inventory", path).exit_code == ExitCode.FINDINGS  # shop: no 2FA

    written = invoke("audit", "--inventory", path, "--write-baseline", baseline)
    assert written.exit_code == ExitCode.OK
    assert "wrote 1 finding key to" in written.stderr
    document = json.loads(baseline.read_text())
    assert document["schema"] == "store-audit/baseline/1"
    assert document["keys"] == ["mfa.missing:shop"]
    if sys.platform != "win32":  # Windows: the folder's access list decides (files.py)
        assert stat.S_IMODE(baseline.stat().st_mode) == 0o600

    known = invoke("audit", "--inventory", path, "--baseline", baseline)
    assert known.exit_code == ExitCode.OK
    assert statuses(known.stdout) == {"mfa.missing:shop": "in baseline"}

    path.write_text(path.read_text() + NEW_STORE)  # etsy reuses the mailbox's password
    gated = invoke("audit", "--inventory", path, "--baseline", baseline)
    assert gated.exit_code == ExitCode.FINDINGS
    found = statuses(gated.stdout)
    assert found.pop("mfa.missing:shop") == "in baseline"
    # the reuse, and the mailbox it weakens for every store that signs in through it
    assert found == {"password.reused:box,etsy": "new", "recovery.weak-link:box,etsy,shop": "new"}
    table = invoke("audit", "--inventory", path, "--baseline", baseline, "--format", "table")
    assert "2 new, 1 in baseline, 0 suppressed" in table.stdout


def test_baseline_holds_keys_only(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring, NEW_STORE)
    baseline = tmp_path / "baseline.json"
    invoke("audit", "--inventory", path, "--write-baseline", baseline)
    forms = {name: leak_forms(value, value) for name, value in PASSWORDS.items()}
    assert find_leaks([baseline.read_text()], forms) == []
    assert set(json.loads(baseline.read_text())) == {"schema", "generated_at", "inventory", "keys"}


def test_bad_baselines_are_exit_2(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring)
    cases = {
        "missing.json": None,
        "garbage.json": "not json",
        "other.json": json.dumps({"schema": "something/else", "keys": []}),
        "badkey.json": json.dumps({"schema": "store-audit/baseline/1", "keys": ["DROP TABLE"]}),
    }
    for name, content in cases.items():
        file = tmp_path / name
        if content is not None:
            file.write_text(content)
        result = invoke("audit", "--inventory", path, "--baseline", file)
        assert result.exit_code == ExitCode.USAGE, name
        assert result.stderr.startswith(f"store-audit: error: {file}: "), result.stderr
        assert "Traceback" not in result.stderr
    both = invoke(
        "audit",
        "--inventory",
        path,
        "--baseline",
        tmp_path / "other.json",
        "--write-baseline",
        tmp_path / "x.json",
    )
    assert both.exit_code == ExitCode.USAGE


def test_expired_suppressions_stop_suppressing_and_are_named(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = setup(tmp_path, memory_keyring)
    path.write_text(
        path.read_text().replace(
            'mfa = "none"\n',
            'mfa = "none"\nignore = [{ check = "mfa.missing", reason = "migrating", '
            "until = 2020-01-01 }]\n",
        )
    )
    result = invoke("audit", "--inventory", path)
    assert result.exit_code == ExitCode.FINDINGS
    data = json.loads(result.stdout)
    assert data["findings"][0]["suppressed"] is False
    assert data["expired_ignores"] == [
        {"account": "shop", "check": "mfa.missing", "until": "2020-01-01", "reason": "migrating"}
    ]
    table = invoke("audit", "--inventory", path, "--format", "table").stdout
    assert "shop: the ignore of mfa.missing expired on 2020-01-01" in table
    markdown = invoke("audit", "--inventory", path, "--format", "markdown").stdout
    assert "expired on 2020-01-01" in markdown


def test_onboard_explains_its_decision_in_the_report(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = setup(tmp_path, memory_keyring, NEW_STORE)
    result = invoke("onboard", "etsy", "--inventory", path)
    assert result.exit_code == ExitCode.FINDINGS
    gate = json.loads(result.stdout)["gate"]
    assert gate["account"] == "etsy" and gate["passed"] is False
    assert gate["verdict"] == (
        "onboard etsy: FAIL: 2 new finding(s) at or above high involve it "
        "(password.reused, recovery.weak-link)"
    )
    assert result.stderr.strip() == gate["verdict"]
    table = invoke("onboard", "etsy", "--inventory", path, "--format", "table").stdout
    assert gate["verdict"] in table
    path.write_text(INVENTORY)  # without etsy's reused password, the mailbox is sound
    passing = invoke("onboard", "box", "--inventory", path)
    assert passing.exit_code == ExitCode.OK
    assert json.loads(passing.stdout)["gate"]["passed"] is True


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only_after_a_delay() -> None:
    quick = _Terminal()
    progress = TerminalProgress(quick, delay=60)
    progress.step("reading the keyring", 1, 10)
    progress.close()
    assert quick.getvalue() == ""

    slow = _Terminal()
    progress = TerminalProgress(slow, delay=0)
    progress.step("reading the keyring", 10, 10)
    progress.close()
    assert "store-audit: reading the keyring 10/10" in slow.getvalue()
    assert slow.getvalue().endswith("\r\x1b[K")

    piped = io.StringIO()
    progress = TerminalProgress(piped, delay=0)
    progress.step("reading the keyring", 10, 10)
    progress.close()
    assert piped.getvalue() == ""


def test_no_progress_when_stderr_is_not_a_terminal(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    result = invoke("audit", "--inventory", setup(tmp_path, memory_keyring))
    assert "reading the keyring" not in result.stderr
    json.loads(result.stdout)
