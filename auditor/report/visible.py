"""Reports as a reader sees them: every text that came from the inventory made visible
(`auditor.visible`).
"""

from __future__ import annotations

from dataclasses import replace

from auditor.findings import Finding
from auditor.report.results import Report, ReportAccount
from auditor.visible import visible


def visible_report(report: Report) -> Report:
    """The report with every text that came from the inventory made visible."""
    return replace(
        report,
        inventory_path=visible(report.inventory_path),
        accounts=tuple(map(_visible_account, report.accounts)),
        findings=tuple(map(_visible_finding, report.findings)),
        checklist=tuple(
            a if a.action.isprintable() else replace(a, action=visible(a.action))
            for a in report.checklist
        ),
        expired_ignores=tuple(replace(x, reason=visible(x.reason)) for x in report.expired_ignores),
    )


# Nearly every text is printable already: the record is then kept as it is (a 10,000-account
# report holds some 80,000 records, and copying each took half a second).


def _visible_account(account: ReportAccount) -> ReportAccount:
    texts = (account.platform_name, account.login, account.store or "")
    if all(t.isprintable() for t in texts):
        return account
    return replace(
        account,
        platform_name=visible(account.platform_name),
        login=visible(account.login),
        store=visible(account.store) if account.store else account.store,
    )


def _visible_finding(item: Finding) -> Finding:
    texts = (item.message, item.remediation, item.subject or "", item.suppression_reason or "")
    if all(t.isprintable() for t in texts):
        return item
    return replace(
        item,
        message=visible(item.message),
        remediation=visible(item.remediation),
        subject=visible(item.subject) if item.subject else item.subject,
        suppression_reason=visible(item.suppression_reason)
        if item.suppression_reason
        else item.suppression_reason,
    )


__all__ = ["visible", "visible_report"]
