"""`--format table`, the default on a terminal: a summary line, the numbered checklist, then the
findings, all within 80 columns."""

from __future__ import annotations

from tabulate import tabulate

from auditor.engine import Report
from auditor.severity import SEVERITY_NAMES

ACTION_WIDTH = 50
MESSAGE_WIDTH = 64


def summary_line(report: Report) -> str:
    """`2 critical, 5 high, 4 medium, 1 low, 0 info (1 suppressed)`."""
    counts = report.summary
    line = ", ".join(f"{counts[name]} {name}" for name in SEVERITY_NAMES)
    return f"{line} ({counts['suppressed']} suppressed)"


def render_table(report: Report) -> str:
    """The checklist and the findings as plain-text tables."""
    scope = f", findings involving {', '.join(report.scope)}" if report.scope else ""
    lines = [
        f"store-audit {report.tool_version}: {report.inventory_path}, "
        f"{report.account_count} accounts{scope}",
        f"Findings: {summary_line(report)}",
        "",
    ]
    if not report.findings:
        lines.append("Nothing to fix: no findings.")
        return "\n".join(lines) + "\n"
    if report.checklist:
        lines.append("Hardening checklist, most urgent first:")
        lines.append(
            tabulate(
                [[a.rank, a.severity.label, a.action, len(a.protects)] for a in report.checklist],
                headers=["#", "Severity", "Action", "Protects"],
                maxcolwidths=[None, None, ACTION_WIDTH, None],
                disable_numparse=True,
                colalign=("right", "left", "left", "right"),
            )
        )
        lines.append("")
    lines.append("Findings:")
    rows = []
    for item in report.findings:
        severity = item.severity.label
        text = f"{item.key}\n{item.message}."
        if item.suppressed:
            severity += "\n(suppressed)"
            text += f"\nAccepted: {item.suppression_reason}"
        rows.append([severity, text])
    lines.append(
        tabulate(
            rows,
            headers=["Severity", "Finding"],
            maxcolwidths=[None, MESSAGE_WIDTH],
            disable_numparse=True,
        )
    )
    return "\n".join(lines) + "\n"
