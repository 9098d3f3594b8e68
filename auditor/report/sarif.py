"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

One rule per catalog id, one result per finding, located at the line of each involved account's
`[[accounts]]` header in the inventory, so an inventory kept in a repository gets annotated.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from auditor.checks import CHECKS, Finding
from auditor.report.results import Report
from auditor.vocabulary import Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
# GitHub ranks security results by this 0-10 property of the rule.
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "1.0",
}


def artifact_uri(path: str) -> str:
    """The inventory as a repository-relative URI when it can be one."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    return str(PurePosixPath(*candidate.parts))


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": entry.id,
            "name": "".join(part.title() for part in entry.id.replace("-", ".").split(".")),
            "shortDescription": {"text": f"{entry.id}: {entry.fires_when}"},
            "fullDescription": {
                "text": f"Fires when {entry.fires_when}."
                + (f" Severity: {entry.severity_note}." if entry.severity_note else "")
            },
            "help": {"text": entry.advice, "markdown": entry.advice},
            "defaultConfiguration": {"level": LEVELS[entry.severity]},
            "properties": {
                "tags": ["security", "credentials"],
                "security-severity": SECURITY_SEVERITY[entry.severity],
            },
        }
        for entry in CHECKS.values()
    ]


def report_to_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data."""
    uri = artifact_uri(report.inventory_path)
    lines = {a.id: a.line or 1 for a in report.accounts}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "store-audit",
                        "version": report.tool_version,
                        "semanticVersion": report.tool_version,
                        "rules": _rules(),
                    }
                },
                "automationDetails": {"id": f"store-audit/{uri}"},
                "results": [_result(item, report, uri, lines) for item in report.findings],
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "endTimeUtc": report.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    }
                ],
            }
        ],
    }


def _result(item: Finding, report: Report, uri: str, lines: dict[str, int]) -> dict[str, Any]:
    """One finding as a SARIF result, located at the `[[accounts]]` line of each account."""
    result: dict[str, Any] = {
        "ruleId": item.check,
        "ruleIndex": list(CHECKS).index(item.check),
        "level": LEVELS[item.severity],
        "message": {"text": f"{item.message}. {item.remediation}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": lines.get(account_id, 1)},
                },
                "logicalLocations": [{"name": account_id, "kind": "object"}],
            }
            for account_id in item.accounts
        ],
        "partialFingerprints": {"storeAuditFindingKey/v1": item.key},
        "properties": {
            "key": item.key,
            "severity": item.severity.label,
            "accounts": list(item.accounts),
        },
    }
    if item.suppressed:
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": item.suppression_reason or "",
            }
        ]
    if report.baseline_used:
        result["baselineState"] = "unchanged" if item.in_baseline else "new"
    return result


def render_sarif(report: Report) -> str:
    """Indented SARIF JSON with a trailing newline."""
    return json.dumps(report_to_sarif(report), indent=2, ensure_ascii=False) + "\n"
