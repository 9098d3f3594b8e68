"""Text as a reader sees it: characters that hide or reorder what is shown (zero-width spaces,
right-to-left overrides, control characters) become visible escapes such as `\\u202e`.

An inventory may hold them (a login pasted with a zero-width space is exactly what
email.lookalike reports), but no report, plan or terminal line renders them: a U+202E in a store
name would reverse the rest of its line, an ESC would drive the terminal.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from auditor.report.results import Report

_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})
"""Control, format (bidi, zero-width), line/paragraph separators, private, unassigned, surrogate."""


def visible(text: str) -> str:
    """`text` with every hidden character (tab and newline aside) written as an escape."""
    if text.isprintable():
        return text
    return "".join(
        f"\\u{ord(c):04x}" if c not in "\t\n" and unicodedata.category(c) in _HIDDEN else c
        for c in text
    )


def visible_report(report: Report) -> Report:
    """The report with every text that came from the inventory made visible."""
    return replace(
        report,
        inventory_path=visible(report.inventory_path),
        accounts=tuple(
            replace(
                a,
                platform_name=visible(a.platform_name),
                login=visible(a.login),
                store=visible(a.store) if a.store else a.store,
            )
            for a in report.accounts
        ),
        findings=tuple(
            replace(
                f,
                message=visible(f.message),
                remediation=visible(f.remediation),
                subject=visible(f.subject) if f.subject else f.subject,
                suppression_reason=visible(f.suppression_reason)
                if f.suppression_reason
                else f.suppression_reason,
            )
            for f in report.findings
        ),
        checklist=tuple(replace(a, action=visible(a.action)) for a in report.checklist),
        expired_ignores=tuple(replace(x, reason=visible(x.reason)) for x in report.expired_ignores),
    )


__all__ = ["visible", "visible_report"]
