"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

One rule per catalog id, one result per finding, located at the line of each involved account's
`[[accounts]]` header in the inventory, so an inventory kept in a repository gets annotated.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

from auditor.checks import CHECKS, Finding
from auditor.i18n import _, current, sentence
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


INVENTORY_BASE = "INVENTORYDIR"
"""The uriBaseId of an inventory outside the SARIF root: its own directory."""


def artifact_location(path: str, root: str | None = None) -> tuple[dict[str, str], str | None]:
    """The inventory as SARIF's artifactLocation, and the file URI of its base when it needs one.

    Relative to `root` (--sarif-root, default the current directory) when the inventory is
    under it, as GitHub code scanning wants; otherwise its file name relative to its own
    directory, named by the `INVENTORYDIR` uriBaseId, so no absolute `file:///` URI is given
    where a relative one is expected.
    """
    base = Path(os.path.abspath(root or "."))
    target = Path(os.path.abspath(path))
    try:
        relative = target.relative_to(base)
    except ValueError:
        return {"uri": target.name, "uriBaseId": INVENTORY_BASE}, target.parent.as_uri() + "/"
    return {"uri": str(PurePosixPath(*relative.parts))}, None


def artifact_uri(path: str, root: str | None = None) -> str:
    """The inventory's URI as results give it (relative to the root or to its uriBaseId)."""
    return artifact_location(path, root)[0]["uri"]


def _described(fires_when: str, severity_note: str | None) -> str:
    """`Fires when …. Severity: ….`, in the run's language."""
    when = _("Fires when {condition}.").format(condition=_(fires_when))
    if not severity_note:
        return when
    note = _("Severity: {note}.").format(note=_(severity_note))
    return _("{sentence} {next}").format(sentence=when, next=note)


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": entry.id,
            "name": "".join(part.title() for part in entry.id.replace("-", ".").split(".")),
            "shortDescription": {"text": f"{entry.id}: {_(entry.fires_when)}"},
            "fullDescription": {"text": _described(entry.fires_when, entry.severity_note)},
            "help": {"text": _(entry.advice), "markdown": _(entry.advice)},
            "defaultConfiguration": {"level": LEVELS[entry.severity]},
            "properties": {
                "tags": ["security", "credentials"],
                "security-severity": SECURITY_SEVERITY[entry.severity],
            },
        }
        for entry in CHECKS.values()
    ]


RULE_INDEX = {check_id: index for index, check_id in enumerate(CHECKS)}
"""Check id → its rule's position in `rules` (results point at it)."""


def report_to_sarif(report: Report, sarif_root: str | None = None) -> dict[str, Any]:
    """The SARIF log as plain data; URIs relative to `sarif_root` (--sarif-root), else to the
    current directory."""
    location, base = artifact_location(report.inventory_path, sarif_root)
    lines = {a.id: a.line or 1 for a in report.accounts}
    results = [_result(item, report, location, lines) for item in report.findings]
    fixed = _("Fixed since the baseline: {key} is no longer found.")
    results += [
        _absent(key, fixed.format(key=key), location, lines) for key in report.fixed_since_baseline
    ]
    gone_text = _("Gone since the baseline, not fixed: {accounts} no longer in the inventory.")
    results += [
        _absent(gone.key, gone_text.format(accounts=", ".join(gone.accounts)), location, lines)
        for gone in report.gone_since_baseline
        if not gone.now
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "store-audit",
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "rules": _rules(),
            }
        },
        "automationDetails": {"id": f"store-audit/{location['uri']}"},
        # the language of every message of the log (SARIF 2.1.0 §3.14.2), `en` or `zh-CN`
        "language": current(),
        "results": results,
        "invocations": [
            {
                "executionSuccessful": True,
                "endTimeUtc": report.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
        ],
    }
    if base is not None:
        run["originalUriBaseIds"] = {INVENTORY_BASE: {"uri": base}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _locations(
    accounts: list[str], location: dict[str, str], lines: dict[str, int]
) -> list[dict[str, Any]]:
    return [
        {
            "physicalLocation": {
                "artifactLocation": dict(location),
                "region": {"startLine": lines.get(account_id, 1)},
            },
            "logicalLocations": [{"name": account_id, "kind": "object"}],
        }
        for account_id in accounts
    ]


def _located_first(item: Finding) -> list[str]:
    """The finding's accounts, those it is rooted at first: the weak mailbox of
    recovery.weak-link (its subject) before the accounts that depend on it."""
    roots = [a for a in (item.subject or "").split(", ") if a in item.accounts]
    return [*roots, *(a for a in item.accounts if a not in roots)]


def _result(
    item: Finding, report: Report, location: dict[str, str], lines: dict[str, int]
) -> dict[str, Any]:
    """One finding as a SARIF result, located at the `[[accounts]]` line of each account."""
    result: dict[str, Any] = {
        "ruleId": item.check,
        "ruleIndex": RULE_INDEX[item.check],
        "level": LEVELS[item.severity],
        "message": {
            "text": _("{sentence} {next}").format(
                sentence=sentence(item.message), next=item.remediation
            )
        },
        "locations": _locations(_located_first(item), location, lines),
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
        result["baselineState"] = _baseline_state(item)
        if item.baseline_keys:
            result["properties"]["baselineKeys"] = list(item.baseline_keys)
        if item.new_for:
            result["properties"]["newFor"] = list(item.new_for)
    return result


def _baseline_state(item: Finding) -> str:
    """new; unchanged (its key is in the baseline); updated (a group of the baseline that
    shrank, or grew only by accounts outside the report's scope)."""
    if not item.in_baseline:
        return "new"
    return "updated" if item.baseline_keys else "unchanged"


def _absent(key: str, text: str, location: dict[str, str], lines: dict[str, int]) -> dict[str, Any]:
    """A baseline finding this run no longer finds (fixed, or its accounts removed):
    `baselineState: "absent"`."""
    check, _, ids = key.partition(":")
    accounts = ids.split(",")
    result: dict[str, Any] = {"ruleId": check}
    if check in CHECKS:
        result["ruleIndex"] = RULE_INDEX[check]
    result |= {
        "level": "none",
        "message": {"text": text},
        "locations": _locations([a for a in accounts if a in lines], location, lines),
        "partialFingerprints": {"storeAuditFindingKey/v1": key},
        "properties": {"key": key, "accounts": accounts},
        "baselineState": "absent",
    }
    return result


def render_sarif(report: Report, sarif_root: str | None = None) -> str:
    """Indented SARIF JSON with a trailing newline."""
    return json.dumps(report_to_sarif(report, sarif_root), indent=2, ensure_ascii=False) + "\n"
