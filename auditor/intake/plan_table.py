"""The import plan as the terminal shows it: a table of accounts and the skipped entries, with
every text from the export made visible (no control or bidi character reaches the terminal)."""

from __future__ import annotations

from auditor.i18n import ENGLISH, _, current, listed, ngettext
from auditor.i18n.width import wrap
from auditor.intake.importers.kinds import count_of
from auditor.intake.listing import shown_mfa
from auditor.intake.plan import ImportPlan
from auditor.inventory.editing import InventoryDocument
from auditor.visible import visible


def describe_plan(plan: ImportPlan) -> str:
    """The plan as a table (id, platform, login, mfa, change) and the skipped entries; no secret."""
    from tabulate import tabulate

    lines = []
    if plan.proposals:
        chinese = current() != ENGLISH  # tabulate breaks only at spaces: Chinese is wrapped here
        rows = [
            [
                p.account_id,
                visible(p.platform),
                visible(p.login),
                shown_mfa(p.mfa),
                "\n".join(wrap(visible(p.detail), 30)) if chinese else visible(p.detail),
            ]
            for p in plan.proposals
        ]
        headers = ["ID", _("Platform"), _("Login"), _("MFA"), _("Change")]
        lines.append(
            tabulate(
                rows,
                headers=headers,
                maxcolwidths=[None, None, 28, None, None if chinese else 30],
                break_long_words=False,
                break_on_hyphens=False,
                disable_numparse=True,
            )
        )
    else:
        logins = sum(len(item.entries) for item in plan.skipped)
        none = ngettext(
            "No entry maps to an account ({n} login in the export).",
            "No entry maps to an account ({n} logins in the export).",
            logins,
        )
        lines.append(none.format(n=logins))
    lines += _skipped(plan) + _shared(plan)
    if plan.not_logins:
        counted = listed(count_of(kind, count) for kind, count in plan.not_logins)
        lines += ["", _("Not logins, left out: {kinds}").format(kinds=visible(counted))]
    return "\n".join(lines) + "\n"


def _skipped(plan: ImportPlan) -> list[str]:
    """The export entries that did not become accounts, each with why."""
    lines: list[str] = []
    if plan.skipped:
        lines += ["", _("Skipped {n}:").format(n=len(plan.skipped))]
        for item in plan.skipped:
            where = listed(str(e) for e in item.entries)
            title = visible(item.title) if item.title else _("untitled")
            entry = _("  entry {where} ({title}): {reason}")
            lines.append(entry.format(where=where, title=title, reason=visible(item.reason)))
    return lines


def _shared(plan: ImportPlan) -> list[str]:
    """The accounts the export says others share, and what to record about them."""
    lines: list[str] = []
    shared = [p for p in plan.proposals if p.shared]
    if shared:
        lines += ["", _("Shared, says the export:")]
        lines += [
            _("  {account}: {shared}").format(account=p.account_id, shared=visible(p.shared))
            for p in shared
        ]
        lines += _(
            "Others there may hold these passwords; nothing about them was recorded. Say who\n"
            "signs in with each: [[people]], then `store-audit set ID login_users=...`\n"
            "(or sub_users=...)."
        ).split("\n")
    return lines


def nothing_to_do(plan: ImportPlan, document: InventoryDocument) -> str:
    """What a run whose plan writes nothing says after it."""
    accounts = len(plan.proposals)
    if not accounts and document.existed:
        return _("nothing to import: no entry in the export maps to an account")
    if not accounts:
        return _(
            "nothing to import: no entry in the export maps to an account; {path} was not created"
        ).format(path=document.path)
    return _("nothing to do: all {n} account(s) are already in {path} and the keyring").format(
        n=accounts, path=document.path
    )
