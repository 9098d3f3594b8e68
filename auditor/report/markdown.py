"""`--format markdown`: the checklist as `- [ ]` items a person ticks off, then the findings table.

Every value is escaped: inventory text cannot add links, images, HTML or table columns.
"""

from __future__ import annotations

import html
import re

from auditor.checklist import Action
from auditor.findings import Finding
from auditor.i18n import _, listed, pgettext, sentence
from auditor.report.common import (
    baseline_changes,
    breach_note,
    code_spans,
    describe_expired,
    fixed_note,
    shown_change,
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
        "# " + md(_("store-audit report")),
        "",
        sentence(
            _("{path}, {count} accounts, generated {time} UTC by store-audit {version}").format(
                path=code(report.inventory_path),
                count=report.account_count,
                time=f"{report.generated_at:%Y-%m-%d %H:%M}",
                version=md(report.tool_version),
            )
        ),
        "",
        _("**Findings:** {summary}").format(summary=md(summary_text(report))),
    ]
    if report.scope:
        scope = listed(code(a) for a in report.scope)
        lines += ["", _("Findings involving {accounts} only.").format(accounts=scope)]
    verdict = report.gate_verdict()
    if verdict:
        lines += ["", _("**Gate:** {verdict}").format(verdict=md(verdict))]
    if report.expired_ignores:
        lines += [""] + [
            "> " + _("Note: {note}").format(note=md(sentence(describe_expired(e))))
            for e in report.expired_ignores
        ]
    note = breach_note(report)
    if note:
        lines += ["", prose(note)]
    lines += ["", "## " + md(_("Hardening checklist")), ""]
    if not report.checklist:
        lines.append(md(_("Nothing to fix.")))
    lines += [_action(action, report) for action in report.checklist]
    lines += ["", "## " + md(_("Findings")), ""]
    if not report.findings:
        lines.append(md(_("No findings.")))
    else:
        lines += [_header(), "|---|---|---|---|---|---|"]
        lines += [_finding(item, report) for item in report.findings]
    return "\n".join(lines + _fixed(report)) + "\n"


def _header() -> str:
    cells = (
        _("Severity"),
        _("Status"),
        pgettext("the column of finding keys", "Finding"),
        _("Accounts"),
        _("What is wrong"),
        _("What to do"),
    )
    return "| " + " | ".join(md(cell) for cell in cells) + " |"


def _action(action: Action, report: Report) -> str:
    """`- [ ] **critical** (new): Do this. Protects 2: a, b. Resolves k.`"""
    severity = f"**{md(action.severity.shown)}**"
    if report.is_new_action(action):
        severity = _("{severity} (new)").format(severity=severity)
    protects = _("Protects {count}: {accounts}.").format(
        count=len(action.protects), accounts=listed(code(a) for a in action.protects)
    )
    resolves = _("Resolves {keys}.").format(keys=listed(code(k) for k in action.resolves))
    return "- [ ] " + _("{severity}: {action} {protects} {resolves}").format(
        severity=severity,
        action=sentence(prose(action.action)),
        protects=protects,
        resolves=resolves,
    )


def _finding(item: Finding, report: Report) -> str:
    wrong = sentence(prose(item.message))
    if item.suppressed:
        accepted = _("Accepted: {reason}").format(reason=md(item.suppression_reason or ""))
        wrong = _("{sentence} {next}").format(sentence=wrong, next=accepted)
    cells = (
        md(item.severity.shown),
        md(shown_state(item, report)),
        code(item.key),
        listed(code(a) for a in item.accounts),
        wrong,
        prose(item.remediation),
    )
    return "| " + " | ".join(cells) + " |"


def _fixed(report: Report) -> list[str]:
    """The baseline's findings this run no longer finds."""
    fixed = fixed_note(report)
    if fixed is None:
        return []
    lines = ["", "## " + md(_("Fixed since the baseline")), "", md(sentence(fixed))]
    for label, key, note in baseline_changes(report):
        item = code(key)
        if label != "fixed":
            item = _("{change}: {key}").format(change=md(shown_change(label)), key=item)
        if note:
            item = _("{change} ({note})").format(change=item, note=md(note))
        lines.append(f"- {item}")
    return lines
