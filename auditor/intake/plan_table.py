"""The import plan as the terminal shows it: a table of accounts and the skipped entries, with
every text from the export made visible (no control or bidi character reaches the terminal)."""

from __future__ import annotations

from auditor.intake.plan import ImportPlan
from auditor.report.visible import visible


def describe_plan(plan: ImportPlan) -> str:
    """The plan as a table (id, platform, login, mfa, change) and the skipped entries; no secret."""
    from tabulate import tabulate

    lines = []
    if plan.proposals:
        rows = [
            [p.account_id, visible(p.platform), visible(p.login), p.mfa, visible(p.detail)]
            for p in plan.proposals
        ]
        lines.append(
            tabulate(
                rows,
                headers=["ID", "Platform", "Login", "MFA", "Change"],
                maxcolwidths=[None, None, 28, None, 30],
                disable_numparse=True,
            )
        )
    else:
        lines.append("No entry maps to an account.")
    if plan.skipped:
        lines += ["", f"Skipped {len(plan.skipped)}:"]
        for item in plan.skipped:
            where = ", ".join(str(e) for e in item.entries)
            title = visible(item.title) if item.title else "untitled"
            lines.append(f"  entry {where} ({title}): {visible(item.reason)}")
    return "\n".join(lines) + "\n"
