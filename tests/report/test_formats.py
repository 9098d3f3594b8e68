"""Each report format, parsed back with a standard parser, on the bundled example and on a hostile
inventory whose names hold markup, spreadsheet formulas, quotes and newlines.

`FORMAT_TESTS` maps every registered format to its test; test_registry fails when one is missing.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.checks import CHECKS
from auditor.demo import demo_inventory_path
from auditor.engine import AuditRequest, run_audit
from auditor.inventory import parse_inventory
from auditor.report import FORMATS
from auditor.report.csv_format import COLUMNS
from auditor.report.results import Report
from auditor.report.sarif import artifact_uri
from auditor.secrets import MemoryStore
from tests.test_examples import NOW, example_report

HOSTILE = '''\
version = 1
[seller]
name = """Evil "Seller" <script>alert('s')</script>
=HYPERLINK("http://evil.test","click")"""
[[accounts]]
id = "evil-store"
platform = "<script>alert(1)</script>"
store = """<img src=x onerror=alert(1)> "quoted" 'single'
=HYPERLINK("http://evil.test","x")"""
login = "=cmd|' /C calc'!A0"
mfa = "unknown"
mfa_phone = "+1 555 010 0000"
[[accounts]]
id = "evil-2"
platform = "</td><td>| pipe | `tick` [link](http://evil.test) ![img](http://evil.test/x.png)"
store = "-2+3"
login = "@SUM(1,2)"
recovery_email = "x@<b>.com"
mfa = "none"
mfa_phone = "+1 555 010 0000"
ignore = [{ check = "mfa.missing", reason = "<script>alert('r')</script> =1", until = 2026-01-01 }]
'''
HOSTILE_STRINGS = ["<script", "<img", "<b>", "</td>"]


def hostile_report() -> Report:
    inventory = parse_inventory(HOSTILE.encode(), Path("hostile.toml"))
    store = MemoryStore(
        {
            ("store-audit/evil-store", "=cmd|' /C calc'!A0"): "same-Pw!x9Lq2z",
            ("store-audit/evil-2", "@SUM(1,2)"): "same-Pw!x9Lq2z",
        }
    )
    return run_audit(AuditRequest(inventory, store, now=NOW, today=NOW.date()))


REPORTS: dict[str, Callable[[], Report]] = {"example": example_report, "hostile": hostile_report}


@pytest.fixture(scope="module", params=sorted(REPORTS))
def report(request: pytest.FixtureRequest) -> Report:
    return REPORTS[request.param]()


def check_json(report: Report) -> None:
    data = json.loads(FORMATS["json"](report))
    assert data["schema"] == "store-audit/report/1"
    assert data["tool"]["name"] == "store-audit"
    assert data["inventory"]["accounts"] == report.account_count
    assert set(data["summary"]) >= {"critical", "high", "medium", "low", "info", "suppressed"}
    assert data["generated_at"].endswith("Z")
    assert [f["message"] for f in data["findings"]] == [f.message for f in report.findings]
    for item in data["findings"]:
        assert set(item) >= {
            "key",
            "check",
            "severity",
            "accounts",
            "message",
            "remediation",
            "suppressed",
        }
        assert item["key"] == f"{item['check']}:{','.join(item['accounts'])}"
    ranks = [a["rank"] for a in data["checklist"]]
    assert ranks == list(range(1, len(ranks) + 1))
    keys = {f["key"] for f in data["findings"] if not f["suppressed"]}
    assert {k for a in data["checklist"] for k in a["resolves"]} == keys


def check_table(report: Report) -> None:
    text = FORMATS["table"](report)
    lines = text.splitlines()
    assert lines[1].startswith("Findings: ")
    assert "Hardening checklist, most urgent first:" in text
    first_action = next(line for line in lines if line.strip().startswith("1 "))
    assert report.checklist[0].severity.label in first_action
    if report.inventory_path.endswith("store-audit.toml"):
        # the first line holds the inventory's path, as long as the place it was cloned to
        assert max(len(line) for line in lines[1:]) <= 80
        assert "[suppressed]" in text


def check_markdown(report: Report) -> None:
    text = FORMATS["markdown"](report)
    items = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(items) == len(report.checklist)
    assert items[0].startswith(f"- [ ] **{report.checklist[0].severity.label}**: ")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == len(report.findings) + 1  # header
    for row in rows:  # no value adds or removes a column
        assert len(re.split(r"(?<!\\)\|", row)) == 8
    for raw in [*HOSTILE_STRINGS, "[link](", "![img]("]:
        assert raw not in text


def check_csv(report: Report) -> None:
    rows = list(csv.reader(io.StringIO(FORMATS["csv"](report), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(report.findings) + 1
    assert [r[0] for r in rows[1:]] == [f.key for f in report.findings]
    for row in rows[1:]:
        assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    phone = [r for r in rows if r[1] == "mfa.shared-phone"]
    if phone:  # the phone number leads the message: kept as text, not a formula
        assert phone[0][4].startswith("'+1 555 010 0000")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "ol",
    "li",
    "b",
    "span",
    "br",
    "code",
    "em",
    "strong",
    "a",  # only a sign-in page from the sourced catalog (below), never anything of the inventory
}


def _catalog_urls() -> set[str]:
    from auditor.inventory import pages

    return {page.url for entry in pages.all_pages().values() for page in entry.sign_in.values()}


def check_html(report: Report) -> None:
    page = FORMATS["html"](report)
    parser = _Tags()
    parser.feed(page)
    assert {tag for tag, _ in parser.tags} <= ALLOWED_TAGS  # no script, img, link, iframe...
    sourced = _catalog_urls()
    for tag, attrs in parser.tags:
        for name, value in attrs:
            if tag == "a" and name == "href":
                assert value in sourced and (value or "").startswith("https://"), value
                continue
            if tag == "a" and name == "rel":
                assert value == "noopener noreferrer"
                continue
            assert not name.startswith("on") and name not in ("src", "href", "action")
            assert "url(" not in (value or "")
    assert "url(" not in page and "@import" not in page
    assert "default-src 'none'" in page
    text = "".join(parser.text)
    for item in report.findings:
        assert item.key in text
    for account in report.accounts:
        assert account.id in text
    for action in report.checklist:  # a store-audit command in backticks is shown as <code>
        shown = (
            action.action if "`store-audit" not in action.action else action.action.replace("`", "")
        )
        assert shown in text


def check_sarif(report: Report) -> None:
    log = json.loads(FORMATS["sarif"](report))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "store-audit"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(CHECKS)
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    results = [r for r in run["results"] if r.get("baselineState") != "absent"]
    assert len(results) == len(report.findings)
    # the required fields of SARIF 2.1.0's schema, for what this log uses
    assert all(isinstance(r["id"], str) for r in rules)  # reportingDescriptor.id
    assert run["invocations"][0]["executionSuccessful"] is True  # invocation
    for result in results:
        assert set(result) <= {
            "ruleId",
            "ruleIndex",
            "level",
            "message",
            "locations",
            "partialFingerprints",
            "properties",
            "suppressions",
            "baselineState",
        }
        for suppression in result.get("suppressions", []):
            assert suppression["kind"] in ("inSource", "external")
        assert result.get("baselineState", "new") in ("new", "unchanged", "updated", "absent")
    lines = {a.id: a.line for a in report.accounts}
    for result, item in zip(results, report.findings, strict=True):
        assert result["message"]["text"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == item.check
        assert result["level"] in ("error", "warning", "note")
        located = [loc["logicalLocations"][0]["name"] for loc in result["locations"]]
        assert sorted(located) == list(item.accounts)
        for location, account_id in zip(result["locations"], located, strict=True):
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"] == artifact_uri(report.inventory_path)
            assert not physical["artifactLocation"]["uri"].startswith("/")
            assert physical["region"]["startLine"] == lines[account_id]


def check_junit(report: Report) -> None:
    root = ET.fromstring(FORMATS["junit"](report))  # noqa: S314 - our own output
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    across = [c for c in CHECKS.values() if c.across_accounts]
    assert len(cases) == report.account_count + len(across)
    failures = root.findall(".//failure")
    assert len(failures) == len(report.failing()) == int(root.get("failures", "-1"))
    failing_accounts = {
        c.get("name", "").split(" ")[0] for c in cases if c.find("failure") is not None
    }
    assert failing_accounts <= {a.id for a in report.accounts} | {c.id for c in across}


FORMAT_TESTS: dict[str, Callable[[Report], None]] = {
    "json": check_json,
    "table": check_table,
    "markdown": check_markdown,
    "csv": check_csv,
    "html": check_html,
    "sarif": check_sarif,
    "junit": check_junit,
}


@pytest.mark.parametrize("name", sorted(FORMAT_TESTS))
def test_format(name: str, report: Report) -> None:
    FORMAT_TESTS[name](report)


def test_hostile_inventory_reaches_the_reports() -> None:
    # The hostile values do flow into messages, so the format tests above really escape them.
    report = hostile_report()
    messages = " ".join(f.message + f.remediation for f in report.findings)
    assert "<script>alert(1)</script>" in messages
    assert "@SUM(1,2)" in messages and "x@<b>.com" in messages
    assert report.expired_ignores and report.expired_ignores[0].check == "mfa.missing"


def test_sarif_lines_point_at_the_account_headers() -> None:
    report = example_report()
    text = demo_inventory_path().read_text().splitlines()
    for account in report.accounts:
        assert account.line is not None
        assert text[account.line - 1].strip() == "[[accounts]]"
        assert text[account.line] == f'id = "{account.id}"'
