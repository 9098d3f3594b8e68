"""Wording every format shares: the summary line, a finding's status, expired ignores."""

from __future__ import annotations

from collections import defaultdict

from auditor.checks.findings import Finding
from auditor.checks.suppression import ExpiredIgnore
from auditor.report.results import Report
from auditor.vocabulary import SEVERITY_NAMES


def summary_text(report: Report) -> str:
    """`3 critical, 8 high, 10 medium, 4 low, 0 info (1 suppressed)`; with a baseline,
    `...; 2 new, 24 in baseline, 1 suppressed`."""
    counts = report.summary
    severities = ", ".join(f"{counts[name]} {name}" for name in SEVERITY_NAMES)
    if report.baseline_used:
        return (
            f"{severities}; {counts['new']} new, {counts['in_baseline']} in baseline, "
            f"{counts['suppressed']} suppressed"
        )
    return f"{severities} ({counts['suppressed']} suppressed)"


def status(finding: Finding, report: Report) -> str:
    """suppressed, in baseline, new (with a baseline) or open (without one)."""
    if finding.suppressed:
        return "suppressed"
    if finding.in_baseline:
        return "in baseline"
    return "new" if report.baseline_used else "open"


def fails_gate(finding: Finding, report: Report) -> bool:
    """Whether this finding is one that fails the run."""
    return finding in report.failing()


def describe_expired(expired: ExpiredIgnore) -> str:
    """One line naming an ignore that no longer applies."""
    return (
        f"{expired.account}: the ignore of {expired.check} expired on "
        f'{expired.until.isoformat()} ("{expired.reason}"), so its findings count again'
    )


def findings_by_account(report: Report) -> dict[str, list[Finding]]:
    """Every account (in file order) with the findings that involve it."""
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for item in report.findings:
        for account_id in item.accounts:
            grouped[account_id].append(item)
    return {a.id: grouped.get(a.id, []) for a in report.accounts}
