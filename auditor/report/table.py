"""`--format table`, the default on a terminal: a summary line, the numbered checklist, then the
findings, all within 80 columns."""

from __future__ import annotations

import textwrap

from tabulate import tabulate

from auditor.checklist import Action
from auditor.report.common import (
    baseline_changes,
    breach_note,
    describe_expired,
    fixed_note,
    shown_status,
    summary_text,
)
from auditor.report.results import Report

ACTION_WIDTH = 50
MESSAGE_WIDTH = 64


def _action_text(action: Action, report: Report) -> str:
    """The action, marked when it resolves a finding the baseline does not hold."""
    return f"[new] {action.action}" if report.is_new_action(action) else action.action


def _fold(key: str, width: int) -> str:
    """A finding key over lines no wider than `width`, cut only after a comma or before the
    status marker, never inside an account id (the table's wrapping would cut at a hyphen)."""
    pieces = key.replace(",", ",\0").replace(" [", "\0 [").split("\0")
    lines = [""]
    for piece in pieces:
        if lines[-1] and len(lines[-1]) + len(piece) > width:
            lines.append("")
        lines[-1] += piece if lines[-1] else piece.lstrip()
    return "\n".join(line.rstrip() for line in lines)


def _findings(report: Report) -> list[str]:
    """Severity, then the key (with its state) and the message wrapped at spaces within 80
    columns. A word longer than the column (a URL) is never cut: it gets a line of its own,
    moved left as far as it needs to stay within 80 columns, so it can still be copied whole."""
    # as tabulate lays a column out: its widest cell and two spaces of padding
    width = max(len("Severity"), *(len(f.severity.label) for f in report.findings)) + 2
    indent = " " * (width + 2)
    lines = [f"{'Severity':<{width}}  Finding", f"{'-' * width}  {'-' * MESSAGE_WIDTH}"]
    for item in report.findings:
        state = shown_status(item, report)  # with the key, so the severity cell stays one line
        marker = f" [{state}]" if state != "open" else ""
        text = _fold(item.key + marker, MESSAGE_WIDTH).splitlines()
        paragraphs = [f"{item.message}."]
        if item.suppressed:
            paragraphs.append(f"Accepted: {item.suppression_reason}")
        for paragraph in paragraphs:
            text += textwrap.wrap(
                paragraph, MESSAGE_WIDTH, break_long_words=False, break_on_hyphens=False
            )
        for number, line in enumerate(text):
            lead = f"{item.severity.label:<{width}}  " if number == 0 else indent
            lines.append((lead + line) if len(lead + line) <= 80 else line.rjust(80))
    return lines


def _changes(report: Report) -> list[str]:
    """`  fixed: KEY`, `  partly fixed: KEY (…)`, `  gone: KEY (…)`, each within 80 columns."""
    lines = []
    for label, key, note in baseline_changes(report):
        lines += textwrap.wrap(
            f"{label}: {key}" + (f" ({note})" if note else ""),
            width=80,
            initial_indent="  ",
            subsequent_indent="    ",
            break_long_words=False,
            break_on_hyphens=False,
        )
    return lines


def _wrapped(note: str) -> list[str]:
    """A note within 80 columns, cut only at spaces (a long file path stays whole)."""
    return textwrap.wrap(
        note, width=80, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )


def _fold_summary(line: str) -> list[str]:
    """The summary line, its baseline counts on a line of their own when it would pass 80."""
    head, _, tail = line.partition("; ")
    return [line] if len(line) <= 80 or not tail else [f"{head};", f"  {tail}"]


def render_table(report: Report) -> str:
    """The checklist and the findings as plain-text tables."""
    scope = f", findings involving {', '.join(report.scope)}" if report.scope else ""
    lines = [
        f"store-audit {report.tool_version}: {report.inventory_path}, "
        f"{report.account_count} accounts{scope}",
        *_fold_summary(f"Findings: {summary_text(report)}"),
    ]
    verdict = report.gate_verdict()
    if verdict:
        lines.append(verdict)
    lines += [f"Note: {describe_expired(e)}." for e in report.expired_ignores]
    for note in (breach_note(report), fixed_note(report)):
        lines += _wrapped(note) if note else []
    lines += _changes(report)
    lines.append("")
    if not report.findings:
        lines.append("Nothing to fix: no findings.")
        return "\n".join(lines) + "\n"
    if report.checklist:
        lines.append("Hardening checklist, most urgent first:")
        lines.append(
            tabulate(
                [
                    [a.rank, a.severity.label, _action_text(a, report), len(a.protects)]
                    for a in report.checklist
                ],
                headers=["#", "Severity", "Action", "Protects"],
                maxcolwidths=[None, None, ACTION_WIDTH, None],
                break_long_words=False,
                break_on_hyphens=False,
                disable_numparse=True,
                colalign=("right", "left", "left", "right"),
            )
        )
        lines.append("")
    lines.append("Findings:")
    lines += _findings(report)
    return "\n".join(lines) + "\n"
