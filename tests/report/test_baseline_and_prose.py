"""What reports say about change and how they read: with a baseline every format marks each
finding new or in baseline, marks the checklist actions that resolve a new finding and lists the
baseline keys no longer found; HTML and Markdown show commands as code, every human format says
when breached passwords were not checked, the table never wraps a severity cell, and SARIF
points at the inventory by a relative URI, a mailbox-rooted finding at the mailbox first."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from auditor.engine import AuditRequest, run_audit
from auditor.errors import ExitCode
from auditor.inventory import parse_inventory
from auditor.report import FORMATS
from auditor.report.baseline import apply_baseline
from auditor.report.results import Report
from auditor.secrets import MemoryStore
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring
from tests.test_examples import example_report

IN_BASELINE = {"mfa.unknown:paypal", "email.shared-login:amazon-eu,amazon-na"}
FIXED = {"mfa.missing:shopify", "password.weak:walmart"}


@pytest.fixture(scope="module")
def baselined() -> Report:
    return apply_baseline(example_report(), frozenset(IN_BASELINE | FIXED))


def test_json_marks_findings_actions_and_fixed_keys(baselined: Report) -> None:
    data = json.loads(FORMATS["json"](baselined))
    states = {f["key"]: f["status"] for f in data["findings"]}
    assert {k for k, s in states.items() if s == "in baseline"} == IN_BASELINE
    assert "new" in states.values()
    assert data["fixed_since_baseline"] == sorted(FIXED)
    new = {a["action"]: a["new"] for a in data["checklist"]}
    record_paypal = (
        "Find out which 2FA paypal (PayPal) uses and record it: `store-audit set paypal mfa=METHOD`"
    )
    assert new[record_paypal] is False
    assert new["Turn on app-based 2FA for etsy (Etsy)"] is True
    plain = json.loads(FORMATS["json"](example_report()))
    assert plain["fixed_since_baseline"] is None
    assert all("new" not in a for a in plain["checklist"])


def test_table_marks_new_and_baseline_and_counts_fixed(baselined: Report) -> None:
    text = FORMATS["table"](baselined)
    assert "Fixed since the baseline: 2" in text
    assert "  fixed: mfa.missing:shopify" in text and "  fixed: password.weak:walmart" in text
    assert "mfa.unknown:paypal [in baseline]" in text
    assert "mfa.missing:etsy [new]" in text
    assert "[new] Turn on app-based 2FA for etsy" in text
    assert "[new] Find out which 2FA paypal" not in text
    assert "Find out which 2FA paypal" in text


def test_markdown_and_html_list_what_was_fixed(baselined: Report) -> None:
    markdown = FORMATS["markdown"](baselined)
    assert "## Fixed since the baseline" in markdown
    assert "- `mfa.missing:shopify`" in markdown
    assert "- [ ] **high** (new): Turn on app-based 2FA for etsy" in markdown
    assert "- [ ] **medium**: Find out which 2FA paypal" in markdown
    page = FORMATS["html"](baselined)
    assert "<h2>Fixed since the baseline</h2>" in page
    assert "<li><code>password.weak:walmart</code></li>" in page
    assert '<span class="state">in baseline</span> <code>mfa.unknown:paypal</code>' in page
    assert '<span class="new">new</span> Turn on app-based 2FA for etsy' in page


def test_csv_and_junit_mark_each_finding(baselined: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(FORMATS["csv"](baselined))))
    assert {r["key"] for r in rows if r["status"] == "in baseline"} == IN_BASELINE
    junit = ET.fromstring(FORMATS["junit"](baselined))  # noqa: S314 - our own output
    out = " ".join(e.text or "" for e in junit.iter("system-out"))
    assert "(in baseline): mfa.unknown:paypal" in out


def test_sarif_marks_baseline_state_and_reports_fixed_as_absent(baselined: Report) -> None:
    (run,) = json.loads(FORMATS["sarif"](baselined))["runs"]
    states = {r["properties"]["key"]: r["baselineState"] for r in run["results"]}
    assert {k for k, s in states.items() if s == "absent"} == FIXED
    assert {k for k, s in states.items() if s == "unchanged"} == IN_BASELINE
    assert "new" in states.values()
    absent = next(r for r in run["results"] if r["properties"]["key"] == "mfa.missing:shopify")
    assert absent["ruleId"] == "mfa.missing" and absent["level"] == "none"


def test_fixed_keys_respect_the_scope() -> None:
    report = replace(example_report(), scope=("walmart",))
    assert apply_baseline(report, frozenset(FIXED)).fixed_since_baseline == (
        "password.weak:walmart",
    )


def test_baseline_fixed_count_through_the_cli(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(
        'version = 1\n[[accounts]]\nid = "shop"\nplatform = "etsy"\nlogin = "o@acme.test"\n'
        'mfa = "none"\n'
    )
    memory_keyring.entries["store-audit/shop", "o@acme.test"] = "q7#Vx2!mPz9Lw4Rt"
    baseline = tmp_path / "baseline.json"
    invoke("audit", "--inventory", inventory, "--write-baseline", baseline, "--format", "json")
    inventory.write_text(inventory.read_text().replace('"none"', '"totp"'))
    result = invoke("audit", "--inventory", inventory, "--baseline", baseline, "--format", "table")
    assert result.exit_code == ExitCode.OK
    assert "Fixed since the baseline: 1" in result.stdout
    assert "fixed: mfa.missing:shop" in result.stdout


def test_html_shows_commands_as_code_and_no_raw_backticks() -> None:
    page = FORMATS["html"](example_report())
    assert "<code>store-audit set-secret payoneer --totp</code>" in page
    assert "`" not in page
    markdown = FORMATS["markdown"](example_report())
    assert "with `store-audit set-secret payoneer --totp`." in markdown
    assert "\\`" not in markdown


UNCHECKED = """\
version = 1
[[accounts]]
id = "box"
platform = "gmail"
login = "o@gmail.com"
mfa = "none"
ignore = [{ check = "mfa.missing", reason = "a very long reason to make the cell wrap" }]
[[accounts]]
id = "shop"
platform = "shopify"
login = "o@gmail.com"
mfa = "none"
"""


def unchecked_report() -> Report:
    inventory = parse_inventory(UNCHECKED.encode(), Path("inv.toml"))
    return run_audit(AuditRequest(inventory, MemoryStore({})))


@pytest.mark.parametrize("name", ["table", "markdown", "html"])
def test_every_human_format_says_breaches_were_not_checked(name: str) -> None:
    text = FORMATS[name](unchecked_report())
    assert "Breached passwords: not checked" in text
    assert "Breached passwords" not in FORMATS[name](example_report())  # the demo checks


def test_table_never_wraps_a_severity_cell() -> None:
    for report in (example_report(), unchecked_report()):
        text = FORMATS["table"](report)
        findings = text.split("\nFindings:\n", 1)[1].splitlines()[2:]
        for line in findings:
            cell = line[:12].strip()
            assert cell in ("", "critical", "high", "medium", "low", "info"), line
        assert "[suppressed]" in text


SARIF_INVENTORY = """\
version = 1
[[accounts]]
id = "shop"
platform = "shopify"
login = "o@gmail.com"
mfa = "totp"
[[accounts]]
id = "webmail"
platform = "gmail"
login = "o@gmail.com"
mfa = "none"
"""


def sarif_report(path: Path) -> Report:
    inventory = parse_inventory(SARIF_INVENTORY.encode(), path)
    store = MemoryStore(
        {
            ("store-audit/shop", "o@gmail.com"): "q7#Vx2!mPz9Lw4Rt",
            ("store-audit/webmail", "o@gmail.com"): "Nf8$kT3@wQ6zLp1X",
        }
    )
    return run_audit(AuditRequest(inventory, store, display_path=str(path)))


def test_sarif_locates_a_weak_mailbox_finding_at_the_mailbox_first(tmp_path: Path) -> None:
    (run,) = json.loads(FORMATS["sarif"](sarif_report(tmp_path / "inv.toml")))["runs"]
    weak = next(r for r in run["results"] if r["ruleId"] == "recovery.weak-link")
    names = [loc["logicalLocations"][0]["name"] for loc in weak["locations"]]
    assert names == ["webmail", "shop"]  # sorted, the keys name shop first
    lines = [loc["physicalLocation"]["region"]["startLine"] for loc in weak["locations"]]
    assert lines == [7, 2]


def test_sarif_uri_is_relative_inside_the_root_and_based_outside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "config").mkdir(parents=True)
    outside = tmp_path / "elsewhere" / "inv.toml"
    monkeypatch.chdir(repo)

    def location(path: Path, root: str | None = None) -> tuple[dict[str, str], dict[str, object]]:
        (run,) = json.loads(FORMATS["sarif"](sarif_report(path), sarif_root=root))["runs"]
        artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        return artifact, run.get("originalUriBaseIds", {})

    assert location(repo / "config" / "inv.toml") == ({"uri": "config/inv.toml"}, {})
    artifact, bases = location(outside)
    assert artifact == {"uri": "inv.toml", "uriBaseId": "INVENTORYDIR"}
    assert bases == {"INVENTORYDIR": {"uri": (tmp_path / "elsewhere").as_uri() + "/"}}
    assert location(outside, root=str(tmp_path)) == ({"uri": "elsewhere/inv.toml"}, {})
    assert location(Path("../elsewhere/inv.toml"))[0]["uriBaseId"] == "INVENTORYDIR"


def test_sarif_root_option(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    inventory = tmp_path / "ops" / "store-audit.toml"
    inventory.parent.mkdir()
    inventory.write_text(SARIF_INVENTORY)
    result = invoke(
        "audit", "--inventory", inventory, "--format", "sarif", "--sarif-root", tmp_path
    )
    (run,) = json.loads(result.stdout)["runs"]
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in run["results"]
        for loc in r["locations"]
    }
    assert uris == {"ops/store-audit.toml"}
    assert not re.search(r"file://", result.stdout)
