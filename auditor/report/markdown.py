"""`--format markdown`: the checklist as `- [ ]` items a person ticks off, then the findings table.

Every value is escaped: inventory text cannot add links, images, HTML or table columns.
"""

from __future__ import annotations

import html
import re

from auditor.report.common import (
    baseline_changes,
    breach_note,
    code_spans,
    describe_expired,
    fixed_note,
    shown_state,
    summary_text,
)
from auditor.report.results import Report

# Every line this format writes starts with its own marker ("- [ ] ", "| ", "# "), so only inline
# markup needs escaping: emphasis, code, links and images (brackets), table cells (pipe).
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(text: str) -> str:
    """Plain text made inert in Markdown: one line, HTML-escaped, markup characters escaped."""
    return _inert(" ".join(text.split()))


def _inert(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def code(text: str) -> str:
    """Inline code for keys and ids, which never hold a backtick."""
    return f"`{text.replace('`', '')}`"


def prose(text: str) -> str:
    """Plain text made inert, but its `backticked` commands kept as inline code."""
    one_line = " ".join(text.split())
    return "".join(
        code(piece) if is_code else _inert(piece) for piece, is_code in code_spans(one_line)
    )


def render_markdown(report: Report) -> str:
    """A document for an issue, a wiki page or a client hand-over."""
    lines = [
        "# store-audit report",
        "",
        f"{code(report.inventory_path)}, {report.account_count} accounts, generated "
        f"{report.generated_at:%Y-%m-%d %H:%M} UTC by store-audit {md(report.tool_version)}.",
        "",
        f"**Findings:** {md(summary_text(report))}",
    ]
    if report.scope:
        lines += ["", f"Findings involving {', '.join(code(a) for a in report.scope)} only."]
    verdict = report.gate_verdict()
    if verdict:
        lines += ["", f"**Gate:** {md(verdict)}"]
    if report.expired_ignores:
        lines += ["", *(f"> Note: {md(describe_expired(e))}." for e in report.expired_ignores)]
    note = breach_note(report)
    if note:
        lines += ["", prose(note)]
    lines += ["", "## Hardening checklist", ""]
    if not report.checklist:
        lines.append("Nothing to fix.")
    for action in report.checklist:
        resolves = ", ".join(code(k) for k in action.resolves)
        new = " (new)" if report.is_new_action(action) else ""
        lines.append(
            f"- [ ] **{action.severity.label}**{new}: {prose(action.action)}. Protects "
            f"{len(action.protects)}: {', '.join(code(a) for a in action.protects)}. "
            f"Resolves {resolves}."
        )
    lines += ["", "## Findings", ""]
    if not report.findings:
        lines.append("No findings.")
    else:
        lines += [
            "| Severity | Status | Finding | Accounts | What is wrong | What to do |",
            "|---|---|---|---|---|---|",
        ]
        for item in report.findings:
            wrong = prose(item.message) + "."
            if item.suppressed:
                wrong += f" Accepted: {md(item.suppression_reason or '')}"
            lines.append(
                f"| {item.severity.label} | {shown_state(item, report)} | {code(item.key)} | "
                f"{', '.join(code(a) for a in item.accounts)} | {wrong} | "
                f"{prose(item.remediation)} |"
            )
    fixed = fixed_note(report)
    if fixed is not None:
        lines += ["", "## Fixed since the baseline", "", f"{fixed}."]
        lines += [
            f"- {'' if label == 'fixed' else label + ': '}{code(key)}"
            + (f" ({md(note)})" if note else "")
            for label, key, note in baseline_changes(report)
        ]
    return "\n".join(lines) + "\n"
