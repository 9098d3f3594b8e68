"""`--format json`: the machine-readable report of SPEC §6 (schema store-audit/report/1)."""

from __future__ import annotations

import json
from typing import Any

from auditor.engine import Report

SCHEMA = "store-audit/report/1"


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain data, in the field order SPEC §6 shows."""
    return {
        "schema": SCHEMA,
        "tool": {"name": "store-audit", "version": report.tool_version},
        "generated_at": report.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "inventory": {"path": report.inventory_path, "accounts": report.account_count},
        "scope": list(report.scope),
        "summary": report.summary,
        "findings": [
            {
                "key": item.key,
                "check": item.check,
                "severity": item.severity.label,
                "accounts": list(item.accounts),
                "message": item.message,
                "remediation": item.remediation,
                "suppressed": item.suppressed,
                **({"suppression_reason": item.suppression_reason} if item.suppressed else {}),
                **({"subject": item.subject} if item.subject else {}),
            }
            for item in report.findings
        ],
        "checklist": [
            {
                "rank": action.rank,
                "severity": action.severity.label,
                "action": action.action,
                "accounts": list(action.accounts),
                "protects": list(action.protects),
                "resolves": list(action.resolves),
            }
            for action in report.checklist
        ],
    }


def render_json(report: Report) -> str:
    """Indented JSON with a trailing newline."""
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"
