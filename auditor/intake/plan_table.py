"""The import plan as the terminal shows it: a table of accounts and the skipped entries, with
every text from the export made visible (no control or bidi character reaches the terminal)."""

from __future__ import annotations

from auditor.intake.importers.kinds import count_of
from auditor.intake.plan import ImportPlan
from auditor.inventory.editing import InventoryDocument
from auditor.visible import visible


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
        logins = sum(1 for item in plan.skipped for _ in item.entries)
        lines.append(
            f"No entry maps to an account ({logins} login{'' if logins == 1 else 's'} "
            "in the export)."
        )
    if plan.skipped:
        lines += ["", f"Skipped {len(plan.skipped)}:"]
        for item in plan.skipped:
            where = ", ".join(str(e) for e in item.entries)
            title = visible(item.title) if item.title else "untitled"
            lines.append(f"  entry {where} ({title}): {visible(item.reason)}")
    shared = [p for p in plan.proposals if p.shared]
    if shared:
        lines += ["", "Shared, says the export:"]
        lines += [f"  {p.account_id}: {visible(p.shared)}" for p in shared]
        lines += [
            "Others there may hold these passwords; nothing about them was recorded. Say who",
            "signs in with each: [[people]], then `store-audit set ID login_users=...`",
            "(or sub_users=...).",
        ]
    if plan.not_logins:
        counted = ", ".join(count_of(kind, count) for kind, count in plan.not_logins)
        lines += ["", f"Not logins, left out: {visible(counted)}"]
    return "\n".join(lines) + "\n"


def nothing_to_do(plan: ImportPlan, document: InventoryDocument) -> str:
    """What a run whose plan writes nothing says after it."""
    accounts = len(plan.proposals)
    if not accounts:
        created = "" if document.existed else f"; {document.path} was not created"
        return f"nothing to import: no entry in the export maps to an account{created}"
    return (
        f"nothing to do: all {accounts} account(s) are already in {document.path} and the keyring"
    )
