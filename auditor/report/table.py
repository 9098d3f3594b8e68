"""`--format table`, the default on a terminal: a summary line, the numbered checklist, then the
findings, all within 80 columns."""

from __future__ import annotations

import textwrap

from tabulate import tabulate

from auditor.checklist import Action
from auditor.i18n import ENGLISH, _, current, listed, sentence
from auditor.i18n.width import display_width, wrap
from auditor.report.common import (
    baseline_changes,
    breach_note,
    describe_expired,
    fixed_note,
    shown_change,
    shown_state,
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
            scope=listed(report.scope),
        ),
        _("Findings: {summary}").format(summary=summary_text(report)),
    ]


def render_table(report: Report) -> str:
    """The checklist and the findings as plain-text tables."""
    lines = _head(report)
    lines[1:] = _fold_summary(lines[1])
    verdict = report.gate_verdict()
    if verdict:
        lines.append(verdict)
    lines += [
        _("Note: {note}").format(note=sentence(describe_expired(e))) for e in report.expired_ignores
    ]
    for note in (breach_note(report), fixed_note(report)):
        lines += _wrapped(note) if note else []
    lines += _changes(report)
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
                break_long_words=False,
                break_on_hyphens=False,
                disable_numparse=True,
                colalign=("right", "left", "left", "right"),
            )
        )
        lines.append("")
    lines.append(_("Findings:"))
    lines += _findings(report)
    return "\n".join(lines) + "\n"


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


def _lines(text: str) -> list[str]:
    """A paragraph within the message column, cut only at spaces in English."""
    if current() != ENGLISH:
        return wrap(text, MESSAGE_WIDTH, whole=True)  # a URL longer than the column: aside
    return textwrap.wrap(text, MESSAGE_WIDTH, break_long_words=False, break_on_hyphens=False)


def _findings(report: Report) -> list[str]:
    """Severity, then the key (with its state) and the message within 80 columns. A word longer
    than the column (a URL) is never cut: it gets a line of its own, moved left as far as it
    needs to stay within 80 columns, so it can still be copied whole."""
    labels = [f.severity.shown for f in report.findings]
    width = max(display_width(_("Severity")), *(display_width(label) for label in labels)) + 2
    indent = " " * (width + 2)
    lines = [
        _pad(_("Severity"), width) + "  " + _("Finding"),
        f"{'-' * width}  {'-' * MESSAGE_WIDTH}",
    ]
    for item, label in zip(report.findings, labels, strict=True):
        state = status(item, report)  # with the key, so the severity cell stays one line
        marker = f" [{shown_state(item, report)}]" if state != "open" else ""
        text = _fold(item.key + marker, MESSAGE_WIDTH).splitlines()
        text += _lines(sentence(item.message))
        if item.suppressed:
            text += _lines(_("Accepted: {reason}").format(reason=item.suppression_reason))
        for number, line in enumerate(text):
            lead = f"{_pad(label, width)}  " if number == 0 else indent
            fits = display_width(lead + line) <= 80
            lines.append((lead + line) if fits else " " * (80 - display_width(line)) + line)
    return lines


def _pad(text: str, width: int) -> str:
    """`text` and the spaces that make it `width` columns wide (a Chinese character takes two)."""
    return text + " " * (width - display_width(text))


def _changes(report: Report) -> list[str]:
    """`  fixed: KEY`, `  partly fixed: KEY (…)`, `  gone: KEY (…)`, each within 80 columns."""
    lines = []
    for label, key, note in baseline_changes(report):
        text = _("{change}: {key}").format(change=shown_change(label), key=key)
        if note:
            text = _("{change} ({note})").format(change=text, note=note)
        lines += _wrapped(text, first="  ", rest="    ")
    return lines


def _wrapped(note: str, first: str = "", rest: str = "  ") -> list[str]:
    """A note within 80 columns, cut only at spaces in English (a long file path stays whole);
    Chinese also between characters."""
    if current() != ENGLISH:
        lines = wrap(note, 80 - len(rest))
        return [first + lines[0], *(rest + line for line in lines[1:])]
    return textwrap.wrap(
        note,
        width=80,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _fold_summary(line: str) -> list[str]:
    """The summary line, its baseline counts on a line of their own when it would pass 80."""
    for separator in ("; ", "；"):
        head, found, tail = line.partition(separator)
        if found and tail and display_width(line) > 80:
            return [f"{head}{separator.strip()}", f"  {tail}"]
    return [line]
