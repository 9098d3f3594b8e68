"""The baseline compares what findings involve, not their keys (issue 23, items 1-3): fixing one
account of a reuse group is a partial fix, not a new finding; a group that grew is new for the
account that joined; a removed account's findings are gone, not fixed. The same in `onboard`,
`--account`, SARIF's baselineState and every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from auditor.errors import ExitCode
from auditor.report.baseline import apply_baseline, units
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring
from tests.test_examples import example_report

SHARED = "q7#Vx2!mPz9Lw4Rt"
OWN = {"ebay-us": "Nf8$kT3@wQ6zLp1X", "etsy": "Hy5!rM9#cV2nBq7K", "walmart": "Ds4@pX8!tL3wZk6M"}


def _account(account_id: str, platform: str, login: str) -> str:
    return (
        f'[[accounts]]\nid = "{account_id}"\nplatform = "{platform}"\nlogin = "{login}"\n'
        'mfa = "totp"\n'
    )


MAILBOX = _account("gmail-acme-owner", "gmail", "acme.owner@gmail.com")
EBAY_UK = _account("ebay-uk", "ebay", "acme.owner@gmail.com")
EBAY_US = _account("ebay-us", "ebay", "ops@acmehome.com")
ETSY = _account("etsy", "etsy", "shop@acmehome.com")
WALMART = _account("walmart", "walmart", "wm@acmehome.com")


def _setup(tmp_path: Path, keyring: MemoryKeyring, *accounts: str) -> Path:
    path = tmp_path / "store-audit.toml"
    path.write_text("version = 1\n" + "".join(accounts))
    logins = {
        "gmail-acme-owner": "acme.owner@gmail.com",
        "ebay-uk": "acme.owner@gmail.com",
        "ebay-us": "ops@acmehome.com",
        "etsy": "shop@acmehome.com",
        "walmart": "wm@acmehome.com",
    }
    for account_id in ("gmail-acme-owner", "ebay-uk", "ebay-us"):
        _password(keyring, account_id, logins[account_id], SHARED)
    _password(keyring, "etsy", logins["etsy"], OWN["etsy"])
    _password(keyring, "walmart", logins["walmart"], OWN["walmart"])
    return path


def _password(keyring: MemoryKeyring, account_id: str, login: str, password: str) -> None:
    keyring.entries[f"store-audit/{account_id}", login] = password
    keyring.entries[f"store-audit/{account_id}/backup", login] = "1111\n2222\n3333"


REUSED_ALL = "password.reused:ebay-uk,ebay-us,gmail-acme-owner"
REUSED_LEFT = "password.reused:ebay-uk,gmail-acme-owner"


@pytest.fixture
def baselined(tmp_path: Path, memory_keyring: MemoryKeyring) -> tuple[Path, Path]:
    """An inventory whose three accounts share a password, and the baseline of that state."""
    path = _setup(tmp_path, memory_keyring, MAILBOX, EBAY_UK, EBAY_US, ETSY, WALMART)
    baseline = tmp_path / "baseline.json"
    written = invoke("audit", "--inventory", path, "--write-baseline", baseline)
    assert written.exit_code == ExitCode.OK
    assert REUSED_ALL in json.loads(baseline.read_text())["keys"]
    return path, baseline


def _json(*args: str | Path) -> tuple[int, dict[str, Any]]:
    result = invoke(*args, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def _statuses(data: dict[str, Any]) -> dict[str, str]:
    findings = data["findings"]
    assert isinstance(findings, list)
    return {f["key"]: f["status"] for f in findings}


def test_fixing_one_account_of_a_reuse_group_is_a_partial_fix_not_a_new_finding(
    baselined: tuple[Path, Path], memory_keyring: MemoryKeyring
) -> None:
    path, baseline = baselined
    _password(memory_keyring, "ebay-us", "ops@acmehome.com", OWN["ebay-us"])
    code, data = _json("audit", "--inventory", path, "--baseline", baseline)
    assert code == ExitCode.OK, data
    assert _statuses(data)[REUSED_LEFT] == "in baseline"
    assert data["fixed_since_baseline"] == []
    assert data["partly_fixed_since_baseline"] == [
        {"key": REUSED_ALL, "fixed": ["ebay-us"], "now": [REUSED_LEFT]}
    ]
    table = invoke("audit", "--inventory", path, "--baseline", baseline, "--format", "table")
    assert table.exit_code == ExitCode.OK
    folded = " ".join(table.stdout.split())  # the line wraps at spaces within 80 columns
    assert f"partly fixed: {REUSED_ALL} (ebay-us fixed; now {REUSED_LEFT})" in folded
    assert all(len(line) <= 80 for line in table.stdout.splitlines()[1:])
    assert "Fixed since the baseline: 0, partly fixed: 1" in table.stdout
    onboard = invoke("onboard", "ebay-uk", "--inventory", path, "--baseline", baseline)
    assert onboard.exit_code == ExitCode.OK, onboard.stderr
    assert "onboard ebay-uk: PASS" in onboard.stderr
    (run,) = json.loads(
        invoke("audit", "--inventory", path, "--baseline", baseline, "--format", "sarif").stdout
    )["runs"]
    states = {r["properties"]["key"]: r["baselineState"] for r in run["results"]}
    assert states[REUSED_LEFT] == "updated"
    assert REUSED_ALL not in states  # the shrunk group is the updated result, not a fixed one


def test_a_group_that_grew_is_new_for_the_account_that_joined(
    baselined: tuple[Path, Path], memory_keyring: MemoryKeyring
) -> None:
    path, baseline = baselined
    _password(memory_keyring, "etsy", "shop@acmehome.com", SHARED)
    grown = "password.reused:ebay-uk,ebay-us,etsy,gmail-acme-owner"
    code, data = _json("audit", "--inventory", path, "--baseline", baseline)
    assert code == ExitCode.FINDINGS
    (finding,) = (f for f in data["findings"] if f["key"] == grown)
    assert finding["status"] == "new" and finding["new_for"] == ["etsy"]
    assert finding["baseline_keys"] == [REUSED_ALL]
    assert REUSED_ALL not in data["fixed_since_baseline"]
    markdown = invoke("audit", "--inventory", path, "--baseline", baseline, "--format", "markdown")
    assert f"| critical | new for etsy | `{grown}` |" in markdown.stdout
    assert invoke("onboard", "etsy", "--inventory", path, "--baseline", baseline).exit_code == (
        ExitCode.FINDINGS
    )
    known = invoke("onboard", "ebay-uk", "--inventory", path, "--baseline", baseline)
    assert known.exit_code == ExitCode.OK, known.stderr  # its reuse was known; etsy joined it
    (run,) = json.loads(
        invoke("audit", "--inventory", path, "--baseline", baseline, "--format", "sarif").stdout
    )["runs"]
    states = {r["properties"]["key"]: r["baselineState"] for r in run["results"]}
    assert states[grown] == "new"
    assert not any(s == "absent" for s in states.values())


def test_a_removed_accounts_findings_are_gone_not_fixed(
    baselined: tuple[Path, Path], memory_keyring: MemoryKeyring
) -> None:
    path, baseline = baselined
    path.write_text("version = 1\n" + MAILBOX + EBAY_UK + ETSY + WALMART)  # ebay-us removed
    code, data = _json("audit", "--inventory", path, "--baseline", baseline)
    assert code == ExitCode.OK
    assert REUSED_ALL not in data["fixed_since_baseline"]
    gone = data["gone_since_baseline"]
    assert {"key": REUSED_ALL, "removed": ["ebay-us"], "now": [REUSED_LEFT]} in gone
    assert {"key": "email.unaudited-mailbox:ebay-us", "removed": ["ebay-us"], "now": []} in gone
    assert _statuses(data)[REUSED_LEFT] == "in baseline"
    csv_rows = list(
        csv.DictReader(
            io.StringIO(
                invoke(
                    "audit", "--inventory", path, "--baseline", baseline, "--format", "csv"
                ).stdout
            )
        )
    )
    assert {r["key"]: r["status"] for r in csv_rows}[REUSED_LEFT] == "in baseline"
    for name in ("markdown", "html"):
        out = invoke("audit", "--inventory", path, "--baseline", baseline, "--format", name)
        assert "gone" in out.stdout and "ebay-us is no longer in the inventory" in out.stdout


def test_an_account_that_leaves_entirely_is_gone_in_sarif_too(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    report = example_report()
    ids = {a.id for a in report.accounts}
    baseline = frozenset({"mfa.missing:closed-store", "mfa.missing:shopify"})
    assert "closed-store" not in ids
    marked = apply_baseline(report, baseline)
    assert marked.fixed_since_baseline == ("mfa.missing:shopify",)
    assert [g.key for g in marked.gone_since_baseline] == ["mfa.missing:closed-store"]
    from auditor.report import FORMATS

    (run,) = json.loads(FORMATS["sarif"](marked))["runs"]
    absent = {
        r["properties"]["key"]: r["message"]["text"]
        for r in run["results"]
        if r["baselineState"] == "absent"
    }
    assert absent["mfa.missing:closed-store"].startswith("Gone since the baseline, not fixed")
    assert absent["mfa.missing:shopify"].startswith("Fixed since the baseline")


@pytest.mark.parametrize(
    ("accounts", "expected"),
    [
        (("a",), {frozenset({"a"})}),
        (("a", "b", "c"), {frozenset({"a", "b"}), frozenset({"a", "c"}), frozenset({"b", "c"})}),
    ],
)
def test_units_are_the_account_or_every_pair(
    accounts: tuple[str, ...], expected: set[frozenset[str]]
) -> None:
    assert units(accounts) == expected


def test_two_known_groups_that_merge_are_new_for_all_of_them() -> None:
    report = example_report()
    keys = {f.key for f in report.findings if f.check == "password.reused"}
    assert keys, "the example has a reuse group"
    (key,) = sorted(keys)
    check, _, ids = key.partition(":")
    accounts = ids.split(",")
    halves = frozenset(
        {f"{check}:{','.join(accounts[:1] + ['x1'])}", f"{check}:{','.join(accounts[1:] + ['x2'])}"}
    )
    marked = apply_baseline(report, halves)
    (merged,) = (f for f in marked.findings if f.key == key)
    assert not merged.in_baseline and merged.new_for == tuple(sorted(accounts))


def test_scoped_html_never_lists_out_of_scope_accounts_as_clean() -> None:
    from dataclasses import replace

    from auditor.report import FORMATS

    report = example_report()
    scope = (
        ("tiktok",) if any(a.id == "tiktok" for a in report.accounts) else (report.accounts[-1].id,)
    )
    scoped = replace(
        report,
        scope=scope,
        findings=tuple(f for f in report.findings if set(f.accounts) & set(scope)),
    )
    page = FORMATS["html"](scoped)
    clean = [line for line in page.splitlines() if "No findings:" in line]
    others_with_findings = {a for f in report.findings for a in f.accounts} - set(scope)
    assert others_with_findings
    for line in clean:
        assert not any(f" {a}," in line or f" {a}." in line for a in others_with_findings), line


def test_onboard_aims_its_advice_at_the_account_it_gates() -> None:
    from auditor.demo import demo_inventory_path, demo_store
    from auditor.engine import AuditRequest, run_audit
    from auditor.inventory import load_inventory

    inventory = load_inventory(demo_inventory_path())
    store = demo_store(inventory)
    full = {a.action for a in run_audit(AuditRequest(inventory, store)).checklist}
    assert any(a.startswith("Give amazon-eu its own login mailbox") for a in full)
    for gated, other in (("amazon-na", "amazon-eu"), ("amazon-eu", "amazon-na")):
        report = run_audit(AuditRequest(inventory, store, gate_account=gated))
        actions = [a.action for a in report.checklist]
        assert any(a.startswith(f"Give {gated} its own login mailbox") for a in actions), actions
        assert not any(a.startswith(f"Give {other} its own login mailbox") for a in actions)
    gated_ebay = run_audit(AuditRequest(inventory, store, gate_account="ebay"))
    ebay = [a.action for a in gated_ebay.checklist]
    assert "Give ebay its own generated password (it has the same password as gmail-owner)" in ebay
