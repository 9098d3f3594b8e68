"""`--format json`: the machine-readable report of SPEC §6 (schema store-audit/report/1)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from auditor.i18n import current
from auditor.report.common import status
from auditor.report.results import Report

SCHEMA = "store-audit/report/1"


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain data, in the field order SPEC §6 shows, then the added fields."""
    data = _sections(report)
    return {key: list(v) if isinstance(v, Iterator) else v for key, v in data.items()}


def _sections(report: Report) -> dict[str, Any]:
    """report_to_dict, with the findings and the checklist as iterators of rows, so that a
    writer holds one row at a time."""
    verdict = report.gate_verdict()
    return {
        "schema": SCHEMA,
        "tool": {"name": "store-audit", "version": report.tool_version},
        "generated_at": report.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "inventory": {"path": report.inventory_path, "accounts": report.account_count},
        "summary": report.summary,
        "findings": (
            {
                "key": item.key,
                "check": item.check,
                "severity": item.severity.label,
                "accounts": list(item.accounts),
                "message": item.message,
                "remediation": item.remediation,
                "suppressed": item.suppressed,
                "in_baseline": item.in_baseline,
                "status": status(item, report),
                **({"suppression_reason": item.suppression_reason} if item.suppressed else {}),
                **({"subject": item.subject} if item.subject else {}),
            }
            for item in report.findings
        ),
        "checklist": (
            {
                "rank": action.rank,
                "severity": action.severity.label,
                "action": action.action,
                "accounts": list(action.accounts),
                "protects": list(action.protects),
                "resolves": list(action.resolves),
                **({"new": report.is_new_action(action)} if report.baseline_used else {}),
            }
            for action in report.checklist
        ),
        "scope": list(report.scope),
        "fail_on": report.fail_on.label if report.fail_on is not None else "never",
        "passed": not report.failing(),
        "baseline": report.baseline_used,
        "gate": (
            {"account": report.gate_account, "passed": not report.failing(), "verdict": verdict}
            if verdict
            else None
        ),
        "breach_source": report.breach_source,
        "fixed_since_baseline": list(report.fixed_since_baseline) if report.baseline_used else None,
        "expired_ignores": [
            {
                "account": e.account,
                "check": e.check,
                "until": e.until.isoformat(),
                "reason": e.reason,
            }
            for e in report.expired_ignores
        ],
        "lang": current(),
    }


def render_json(report: Report) -> str:
    """The whole JSON report as one text."""
    return "".join(json_chunks(report))


def json_chunks(report: Report) -> Iterator[str]:
    """The JSON report piece by piece, with one finding and one action per line: readable,
    diffable, written by the C encoder (an indented dump of a 10,000-account report takes
    seconds), and never held whole (the 25 MB text of 10,000 accounts, as one string, cost
    150 MB more)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    separator = "{\n"
    for key, value in _sections(report).items():
        yield f"{separator}  {encode(key)}: "
        separator = ",\n"
        if isinstance(value, Iterator) or (
            isinstance(value, list) and value and isinstance(value[0], dict)
        ):
            rows = iter(value)
            first = next(rows, None)
            if first is None:
                yield "[]"
                continue
            yield f"[\n    {encode(first)}"
            for row in rows:
                yield f",\n    {encode(row)}"
            yield "\n  ]"
        else:
            yield encode(value)
    yield "\n}\n"
