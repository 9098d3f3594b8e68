"""Wording every format shares: the summary line, a finding's status, expired ignores."""

from __future__ import annotations

import re
from collections import defaultdict

from auditor.findings import Finding, join_names
from auditor.i18n import _, ngettext, pgettext
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
    """The line every human format shows about breached passwords: what they were looked up
    in, or that they were not."""
    if report.breach_source is None:
        return _("Breached passwords: not checked (--hibp-file PATH or --hibp-online).")
    return _("Breached passwords: looked up in {source}.").format(source=report.breach_source)


def shown_state(finding: Finding, report: Report) -> str:
    """`status`, and for a grown group the accounts it is new for: `new for etsy`."""
    state = status(finding, report)
    if state == "new" and finding.new_for and len(finding.new_for) < len(finding.accounts):
        return _("new for {accounts}").format(
            accounts=pgettext("between the items of a list", ", ").join(finding.new_for)
        )
    return shown_status(state)


def fixed_note(report: Report) -> str | None:
    """`Fixed since the baseline: 3`, when a baseline was given; then how many keys are partly
    fixed (a shrunk group) and gone (their accounts were removed), when any are."""
    if not report.baseline_used:
        return None
    note = _("Fixed since the baseline: {count}").format(count=len(report.fixed_since_baseline))
    if report.partly_fixed_since_baseline:
        note += _(", partly fixed: {count}").format(count=len(report.partly_fixed_since_baseline))
    if report.gone_since_baseline:
        note += _(", gone with removed accounts: {count}").format(
            count=len(report.gone_since_baseline)
        )
    return note


def baseline_changes(report: Report) -> list[tuple[str, str, str]]:
    """Each baseline key this run does not find as it was: (fixed | partly fixed | gone, the
    key, what changed), for the formats to list; `shown_change` words the first."""
    out = [("fixed", key, "") for key in report.fixed_since_baseline]
    separator = pgettext("between the items of a list", ", ")
    for change in report.partly_fixed_since_baseline:
        fixed = join_names(change.accounts)
        note = (
            _("{accounts} fixed; now {keys}").format(
                accounts=fixed, keys=separator.join(change.now)
            )
            if change.now
            else _("{accounts} fixed").format(accounts=fixed)
        )
        out.append(("partly fixed", change.key, note))
    for change in report.gone_since_baseline:
        removed = ngettext(
            "{accounts} is no longer in the inventory",
            "{accounts} are no longer in the inventory",
            len(change.accounts),
        ).format(accounts=join_names(change.accounts))
        out.append(("gone", change.key, removed))
    return out


def shown_change(label: str) -> str:
    """A baseline change (`baseline_changes`) as a person reads it: `partly fixed`, `gone`."""
    return {
        "fixed": pgettext("baseline change", "fixed"),
        "partly fixed": pgettext("baseline change", "partly fixed"),
        "gone": pgettext("baseline change", "gone"),
    }.get(label, label)


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
