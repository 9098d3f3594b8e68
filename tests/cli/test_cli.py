"""The command line, end to end: every command, exit codes 0-3, one-line errors, files."""

from __future__ import annotations

import csv
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from auditor.demo import demo_inventory_path
from auditor.errors import ExitCode
from tests.conftest import UseBackend, invoke
from tests.keyrings import FAILURES, BytesKeyring, MemoryKeyring, RaisingKeyring

INVENTORY = """\
version = 1
[[accounts]]
id = "shop"
platform = "shopify"
login = "ops@acme.test"
mfa = "totp"
[[accounts]]
id = "ebay"
platform = "ebay"
login = "ebay@acme.test"
mfa = "{ebay_mfa}"
"""
STRONG = {"shop": "q7#Vx2!mPz9Lw4Rt", "ebay": "Nf8$kT3@wQ6zLp1X"}


def setup(tmp_path: Path, keyring: MemoryKeyring, ebay_mfa: str = "totp") -> Path:
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY.format(ebay_mfa=ebay_mfa))
    for account_id, login in (("shop", "ops@acme.test"), ("ebay", "ebay@acme.test")):
        keyring.entries[f"store-audit/{account_id}", login] = STRONG[account_id]
        keyring.entries[f"store-audit/{account_id}/backup", login] = "1111\n2222\n3333"
    return path


def findings(stdout: str) -> set[str]:
    """Keys of the findings at medium or above (the test inventory's mailboxes are not in it, so
    email.unaudited-mailbox, low, is always there)."""
    return {f["key"] for f in json.loads(stdout)["findings"] if f["severity"] != "low"}


def test_exit_0_when_nothing_reaches_fail_on(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring)
    result = invoke("audit", "--inventory", path)
    assert result.exit_code == ExitCode.OK, result.stderr
    # off a terminal, the default format is JSON
    assert json.loads(result.stdout)["summary"]["high"] == 0


def test_exit_1_on_findings_at_or_above_fail_on(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = setup(tmp_path, memory_keyring, ebay_mfa="sms")  # mfa.sms-only: medium
    assert invoke("audit", "--inventory", path).exit_code == ExitCode.OK  # policy default: high
    result = invoke("audit", "--inventory", path, "--fail-on", "medium")
    assert result.exit_code == ExitCode.FINDINGS
    assert findings(result.stdout) == {"mfa.sms-only:ebay"}
    assert invoke("audit", "--inventory", path, "--fail-on", "never").exit_code == ExitCode.OK


def test_policy_fail_on_is_the_default(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring, ebay_mfa="sms")
    path.write_text(
        path.read_text().replace("version = 1\n", 'version = 1\n[policy]\nfail_on = "medium"\n')
    )
    assert invoke("audit", "--inventory", path).exit_code == ExitCode.FINDINGS


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "--inventory", "{missing}"],
        ["audit", "--inventory", "{bad}"],
        ["audit", "--inventory", "{good}", "--account", "nobody"],
        ["onboard", "nobody", "--inventory", "{good}"],
        ["audit", "--inventory", "{good}", "--fail-on", "severe"],
        ["audit", "--inventory", "{good}", "--format", "pdf"],
    ],
    ids=[
        "missing file",
        "bad inventory",
        "unknown --account",
        "unknown onboard id",
        "bad --fail-on",
        "bad --format",
    ],
)
def test_exit_2_on_usage_or_inventory_error(
    tmp_path: Path, memory_keyring: MemoryKeyring, args: list[str]
) -> None:
    good = setup(tmp_path, memory_keyring)
    bad = tmp_path / "bad.toml"
    bad.write_text(INVENTORY.format(ebay_mfa="totpp"))
    paths = {"missing": tmp_path / "none.toml", "bad": bad, "good": good}
    result = invoke(*[a.format(**paths) for a in args])
    assert result.exit_code == ExitCode.USAGE
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_inventory_error_is_one_line_naming_file_account_and_key(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(INVENTORY.format(ebay_mfa="totpp"))
    result = invoke("audit", "--inventory", bad)
    assert result.stderr == (
        f"store-audit: error: {bad}: account 'ebay' (accounts[1]): mfa: 'totpp' is not one of "
        "none, sms, voice, email, totp, push, security-key, passkey, unknown\n"
    )


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_exit_3_on_keyring_failure(tmp_path: Path, use_backend: UseBackend, failure: str) -> None:
    memory = MemoryKeyring()
    path = setup(tmp_path, memory)
    use_backend(RaisingKeyring(FAILURES[failure]))
    result = invoke("audit", "--inventory", path)
    assert result.exit_code == ExitCode.KEYRING
    error, hint = result.stderr.splitlines()
    assert error.startswith("store-audit: error: ")
    assert hint.startswith("hint: ") and "Secret Service" in hint
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_exit_3_when_a_backend_returns_bytes(tmp_path: Path, use_backend: UseBackend) -> None:
    path = setup(tmp_path, MemoryKeyring())
    use_backend(BytesKeyring())
    result = invoke("audit", "--inventory", path)
    assert result.exit_code == ExitCode.KEYRING
    assert "returned a bytes" in result.stderr


def test_onboard_gates_findings_that_involve_the_new_account(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = setup(tmp_path, memory_keyring)
    path.write_text(
        path.read_text()
        + (
            '[[accounts]]\nid = "new-shop"\nplatform = "shopify"\nlogin = "OPS@acme.test"\n'
            'mfa = "totp"\n[[accounts]]\nid = "etsy"\nplatform = "etsy"\nlogin = "e@acme.test"\n'
            'mfa = "none"\n'
        )
    )
    memory_keyring.entries["store-audit/new-shop", "OPS@acme.test"] = "Hy5!rM9#cV2nBq7K"
    memory_keyring.entries["store-audit/etsy", "e@acme.test"] = "Ds4@pX8!tL3wZk6M"
    result = invoke("onboard", "new-shop", "--inventory", path)
    assert result.exit_code == ExitCode.FINDINGS
    # its mailbox is shared with another Shopify store; etsy's missing 2FA is not its business
    assert findings(result.stdout) >= {"email.shared-login:new-shop,shop"}
    assert not any(k.startswith("mfa.missing") for k in findings(result.stdout))
    assert "onboard new-shop: FAIL" in result.stderr
    passing = invoke("onboard", "ebay", "--inventory", path)
    assert passing.exit_code == ExitCode.OK
    assert "onboard ebay: PASS" in passing.stderr


def test_account_filter_and_no_ignores(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring, ebay_mfa="sms")
    path.write_text(path.read_text() + 'ignore = [{ check = "mfa.sms-only", reason = "ok" }]\n')
    result = invoke("audit", "--inventory", path, "--fail-on", "medium")
    assert result.exit_code == ExitCode.OK
    data = json.loads(result.stdout)
    assert data["summary"]["suppressed"] == 1
    assert data["findings"][0]["suppression_reason"] == "ok"
    loud = invoke("audit", "--inventory", path, "--fail-on", "medium", "--no-ignores")
    assert loud.exit_code == ExitCode.FINDINGS
    only_shop = invoke("audit", "--inventory", path, "--account", "shop", "--no-ignores")
    assert findings(only_shop.stdout) == set()


def test_inventory_from_environment(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring)
    result = invoke("audit", env={"STORE_AUDIT_INVENTORY": str(path)})
    assert result.exit_code == ExitCode.OK
    assert json.loads(result.stdout)["inventory"]["path"] == str(path)


def test_output_file_is_private_and_atomic(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring)
    report = tmp_path / "report.json"
    result = invoke("audit", "--inventory", path, "--output", report)
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    if sys.platform != "win32":  # Windows: the folder's access list decides (files.py)
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert json.loads(report.read_text())["schema"] == "store-audit/report/1"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_a_csv_file_opens_in_excel_as_utf8_and_stdout_csv_stays_plain(tmp_path: Path) -> None:
    # Excel reads a CSV file without a byte-order mark in the system's code page (GBK on a
    # Chinese Windows): every Chinese cell would be garbled. Scripts read standard output.
    demo = ("demo", "--format", "csv", "--lang", "zh-CN")
    written = tmp_path / "report.csv"
    assert invoke(*demo, "--output", written).exit_code == ExitCode.OK  # the demo exits 0
    assert written.read_bytes().startswith(b"\xef\xbb\xbfkey,check,severity,")
    rows = list(csv.reader(written.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "key" and any("卖家平台" in cell for row in rows for cell in row)
    piped = invoke(*demo).stdout
    assert piped.startswith("key,check,severity,")
    assert written.read_text(encoding="utf-8-sig") == piped


@pytest.mark.posix
def test_output_refuses_a_symlink(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring)
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    result = invoke("audit", "--inventory", path, "--output", link)
    assert result.exit_code == ExitCode.USAGE
    assert "symbolic link" in result.stderr
    assert target.read_text() == "keep me"


def test_demo_needs_no_setup_and_leads_with_a_critical_action() -> None:
    result = invoke("demo", "--format", "table")
    assert result.exit_code == ExitCode.OK
    lines = result.stdout.splitlines()
    first = next(line for line in lines if line.strip().startswith("1 "))
    assert "critical" in first
    assert invoke("demo", "--fail-on", "high").exit_code == ExitCode.FINDINGS


def test_demo_never_writes_the_keyring(memory_keyring: MemoryKeyring) -> None:
    invoke("demo")
    assert memory_keyring.writes == 0 and memory_keyring.reads == 0


def test_audit_never_writes_the_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring)
    before = dict(memory_keyring.entries)
    invoke("audit", "--inventory", path)
    invoke("onboard", "shop", "--inventory", path)
    invoke("doctor", "--inventory", path)
    assert memory_keyring.writes == 0 and memory_keyring.entries == before


def test_checks_lists_the_catalog() -> None:
    result = invoke("checks")
    assert result.exit_code == ExitCode.OK
    assert "recovery.weak-link" in result.stdout and "critical" in result.stdout
    assert "--hibp-online)" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_doctor_reports_backend_inventory_and_entries(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = setup(tmp_path, memory_keyring)
    del memory_keyring.entries["store-audit/ebay", "ebay@acme.test"]
    result = invoke("doctor", "--inventory", path)
    assert result.exit_code == ExitCode.OK
    assert "keyring backend: tests.keyrings.MemoryKeyring" in result.stdout
    assert "inventory: valid, 2 accounts" in result.stdout
    assert "passwords in the keyring: 1 of 2 accounts (missing: ebay)" in result.stdout


def test_doctor_exit_codes(tmp_path: Path, use_backend: UseBackend) -> None:
    use_backend(MemoryKeyring())
    assert invoke("doctor", "--inventory", tmp_path / "none.toml").exit_code == ExitCode.USAGE
    use_backend(RaisingKeyring(FAILURES["locked"]))
    result = invoke("doctor", "--inventory", demo_inventory_path())
    assert result.exit_code == ExitCode.KEYRING
    assert "keyring answers: no: the keyring is locked" in result.stdout


def test_version_and_help() -> None:
    assert invoke("--version").stdout.startswith("store-audit, version ")
    assert "audit" in invoke("--help").stdout


@pytest.mark.parametrize("width", [60, 80, 120])
def test_help_lists_every_command_as_its_own_help_says(width: int) -> None:
    """`--help` lists the commands without importing them (auditor.cli.COMMANDS); what it shows
    is what click shows from each command's own help, at any terminal width."""
    import subprocess
    import sys

    import click

    from auditor.cli import COMMANDS, cli

    context = click.Context(cli, terminal_width=width, max_content_width=width)
    commands = {name: cli.get_command(context, name) for name in COMMANDS}
    eager = click.Group(commands={n: c for n, c in commands.items() if c is not None})
    expected = click.HelpFormatter(width=width, max_width=width)
    eager.format_commands(context, expected)
    shown = click.HelpFormatter(width=width, max_width=width)
    cli.format_commands(context, shown)
    assert shown.getvalue() == expected.getvalue()
    assert len(commands) == 18 and all(c is not None for c in commands.values())
    # and --help imports no command's module
    loaded = subprocess.run(
        [sys.executable, "-c", _HELP_IMPORTS],
        capture_output=True,
        text=True,
        check=True,
    ).stderr.split()
    assert not [m for m in loaded if m.startswith("auditor.cli.") and m not in HELP_MAY_LOAD]
    assert set(loaded) <= HELP_MAY_LOAD, loaded


HELP_MAY_LOAD = {
    "auditor",
    "auditor.cli",
    "auditor.errors",
    "auditor.interrupts",
    "auditor.cli.language",
    "auditor.i18n",
    "auditor.i18n.choice",
}
"""What `--help` may load of the package: the group and the light modules it stands on (the
signals it handles, the errors they raise, the language it chooses before click parses: English
loads no catalog); no command, no registry of checks."""


_HELP_IMPORTS = """
import sys
from auditor.cli import main
sys.argv = ["store-audit", "--help"]
try:
    main()
except SystemExit:
    pass
# and, in English, nothing that finds or reads a catalog (importlib.resources: ~20 ms)
shown = [m for m in sys.modules if m.partition(".")[0] == "auditor" or m == "importlib.resources"]
print(" ".join(shown), file=sys.stderr)
"""


def test_no_inventory_anywhere(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {
        "STORE_AUDIT_INVENTORY": "",
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "HOME": os.fspath(tmp_path),
    }
    result = invoke("audit", env=env)
    assert result.exit_code == ExitCode.USAGE
    assert "no inventory found" in result.stderr and "hint: " in result.stderr
