"""`--format table`, the default on a terminal: a summary line, the numbered checklist, then the
findings, all within 80 columns."""

from __future__ import annotations

from tabulate import tabulate

from auditor.checklist import Action
from auditor.i18n import ENGLISH, _, current, sentence
from auditor.i18n.width import wrap
from auditor.report.common import (
    breach_note,
    describe_expired,
    fixed_note,
    shown_status,
    status,
    summary_text,
)
from auditor.report.results import Report

ACTION_WIDTH = 50
MESSAGE_WIDTH = 64


def _action_text(action: Action, report: Report) -> str:
    """The action, marked when it resolves a finding the baseline does not hold."""
    text = (
        _("[new] {action}").format(action=action.action)
        if report.is_new_action(action)
        else action.action
    )
    return _cell(text, ACTION_WIDTH)


def _cell(text: str, width: int) -> str:
    """A cell's text in lines of at most `width` columns, Chinese broken between characters
    (tabulate's wrapping breaks only at spaces); English is left to tabulate, as before."""
    if current() == ENGLISH:
        return text
    return "\n".join(wrap(text, width))


def _head(report: Report) -> list[str]:
    """The first two lines: what was audited, and the counts."""
    head = (
        _("store-audit {version}: {path}, {count} accounts, findings involving {scope}")
        if report.scope
        else _("store-audit {version}: {path}, {count} accounts")
    )
    return [
        head.format(
            version=report.tool_version,
            path=report.inventory_path,
            count=report.account_count,
            scope=", ".join(report.scope),
        ),
        _("Findings: {summary}").format(summary=summary_text(report)),
    ]


def render_table(report: Report) -> str:
    """The checklist and the findings as plain-text tables."""
    lines = _head(report)
    verdict = report.gate_verdict()
    if verdict:
        lines.append(verdict)
    lines += [
        _("Note: {note}").format(note=sentence(describe_expired(e))) for e in report.expired_ignores
    ]
    lines += [note for note in (breach_note(report), fixed_note(report)) if note]
    lines += [_("  fixed: {key}").format(key=key) for key in report.fixed_since_baseline]
    lines.append("")
    if not report.findings:
        lines.append(_("Nothing to fix: no findings."))
        return "\n".join(lines) + "\n"
    if report.checklist:
        lines.append(_("Hardening checklist, most urgent first:"))
        lines.append(
            tabulate(
                [
                    [a.rank, a.severity.shown, _action_text(a, report), len(a.protects)]
                    for a in report.checklist
                ],
                headers=["#", _("Severity"), _("Action"), _("Protects")],
                maxcolwidths=[None, None, ACTION_WIDTH, None],
                disable_numparse=True,
                colalign=("right", "left", "left", "right"),
            )
        )
        lines.append("")
    lines.append(_("Findings:"))
    rows = []
    for item in report.findings:
        # the state goes with the key, so the severity cell never wraps
        state = status(item, report)
        marker = f" [{shown_status(state)}]" if state != "open" else ""
        text = f"{item.key}{marker}\n{_cell(sentence(item.message), MESSAGE_WIDTH)}"
        if item.suppressed:
            accepted = _("Accepted: {reason}").format(reason=item.suppression_reason)
            text += "\n" + _cell(accepted, MESSAGE_WIDTH)
        rows.append([item.severity.shown, text])
    lines.append(
        tabulate(
            rows,
            headers=[_("Severity"), _("Finding")],
            maxcolwidths=[None, MESSAGE_WIDTH],
            disable_numparse=True,
        )
    )
    return "\n".join(lines) + "\n"
