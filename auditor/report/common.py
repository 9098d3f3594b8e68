"""Wording every format shares: the summary line, a finding's status, expired ignores."""

from __future__ import annotations

import re
from collections import defaultdict

from auditor.findings import Finding
from auditor.i18n import _, pgettext
from auditor.report.results import Report
from auditor.report.suppression import ExpiredIgnore
from auditor.vocabulary import Severity


def summary_text(report: Report) -> str:
    """`3 critical, 8 high, 10 medium, 4 low, 0 info (1 suppressed)`; with a baseline,
    `...; 2 new, 24 in baseline, 1 suppressed`."""
    counts = report.summary
    separator = pgettext("between the items of a list", ", ")
    severities = separator.join(
        _("{count} {severity}").format(count=counts[s.label], severity=s.shown)
        for s in sorted(Severity, reverse=True)
    )
    if report.baseline_used:
        return _("{severities}; {new} new, {baseline} in baseline, {suppressed} suppressed").format(
            severities=severities,
            new=counts["new"],
            baseline=counts["in_baseline"],
            suppressed=counts["suppressed"],
        )
    return _("{severities} ({suppressed} suppressed)").format(
        severities=severities, suppressed=counts["suppressed"]
    )


def shown_status(name: str) -> str:
    """A finding's status as a person reads it (`status` gives the id JSON carries)."""
    return {
        "suppressed": pgettext("status", "suppressed"),
        "in baseline": pgettext("status", "in baseline"),
        "new": pgettext("status", "new"),
        "open": pgettext("status", "open"),
    }.get(name, name)


def status(finding: Finding, report: Report) -> str:
    """suppressed, in baseline, new (with a baseline) or open (without one)."""
    if finding.suppressed:
        return "suppressed"
    if finding.in_baseline:
        return "in baseline"
    return "new" if report.baseline_used else "open"


def breach_note(report: Report) -> str | None:
    """The line every human format shows when passwords were not looked up in breaches."""
    if report.breach_source is None:
        return _("Breached passwords: not checked (--hibp-file PATH or --hibp-online).")
    return None


def fixed_note(report: Report) -> str | None:
    """`Fixed since the baseline: 3`, when a baseline was given."""
    if not report.baseline_used:
        return None
    return _("Fixed since the baseline: {count}").format(count=len(report.fixed_since_baseline))


_COMMAND = re.compile(r"store-audit [\w .:/@+=,-]+")
"""What a code span may hold: one of store-audit's own command lines, never inventory markup."""


def code_spans(text: str) -> list[tuple[str, bool]]:
    """The text cut at its backticks: (piece, is code). Unless every span is a store-audit
    command line (an odd number of backticks, or other text between them, as inventory values
    may hold), the text is one plain piece: a backtick from the inventory never opens a span."""
    pieces = text.split("`")
    spans = pieces[1::2]
    if len(pieces) % 2 == 0 or not all(_COMMAND.fullmatch(span) for span in spans):
        return [(text, False)]
    return [(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece]


def fails_gate(finding: Finding, report: Report) -> bool:
    """Whether this finding is one that fails the run."""
    return finding.key in report.failing_keys


def describe_expired(expired: ExpiredIgnore) -> str:
    """One line naming an ignore that no longer applies."""
    return _(
        '{account}: the ignore of {check} expired on {date} ("{reason}"), so its findings count '
        "again"
    ).format(
        account=expired.account,
        check=expired.check,
        date=expired.until.isoformat(),
        reason=expired.reason,
    )


def findings_by_account(report: Report) -> dict[str, list[Finding]]:
    """Every account (in file order) with the findings that involve it."""
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for item in report.findings:
        for account_id in item.accounts:
            grouped[account_id].append(item)
    return {a.id: grouped.get(a.id, []) for a in report.accounts}
