"""The audit engine: inventory + secrets → checks → findings → suppressions → checklist → report.

It joins the layers and nothing else; every decision lives in the module named for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from auditor import __version__
from auditor.checklist import Action, build_checklist
from auditor.checks import CHECKS, AuditContext
from auditor.errors import ExitCode, UsageError
from auditor.findings import Finding
from auditor.inventory import Account, Inventory
from auditor.secrets import SecretStore, read_secrets
from auditor.severity import SEVERITY_NAMES, Severity


@dataclass(frozen=True)
class Report:
    """A finished audit, ready for any format; holds nothing derived from a secret."""

    tool_version: str
    """store-audit's version."""
    generated_at: dt.datetime
    """When the audit ran (UTC)."""
    inventory_path: str
    """The inventory as the user named it."""
    account_count: int
    """Accounts in the inventory."""
    findings: tuple[Finding, ...]
    """Every finding in scope, suppressed ones included, most severe first."""
    checklist: tuple[Action, ...]
    """Ranked actions for the unsuppressed findings."""
    scope: tuple[str, ...] = ()
    """Account ids the report is limited to (`--account`, `onboard`); empty for all."""

    @property
    def summary(self) -> dict[str, int]:
        """Unsuppressed findings per severity, plus the number suppressed."""
        counts = dict.fromkeys(SEVERITY_NAMES, 0)
        for item in self.findings:
            if not item.suppressed:
                counts[item.severity.label] += 1
        counts["suppressed"] = sum(1 for item in self.findings if item.suppressed)
        return counts

    def failing(self, fail_on: Severity | None) -> tuple[Finding, ...]:
        """Unsuppressed findings at or above `fail_on` (none when fail_on is None: never)."""
        if fail_on is None:
            return ()
        return tuple(f for f in self.findings if not f.suppressed and f.severity >= fail_on)

    def gate_verdict(self, account_id: str, fail_on: Severity | None) -> str:
        """One line for `onboard`: whether the new account passes the gate, and why."""
        failing = self.failing(fail_on)
        level = fail_on.label if fail_on is not None else "never"
        if not failing:
            return f"onboard {account_id}: PASS: no finding at or above {level} involves it"
        checks = ", ".join(sorted({f.check for f in failing}))
        return (
            f"onboard {account_id}: FAIL: {len(failing)} finding(s) at or above {level} "
            f"involve it ({checks})"
        )

    def exit_code(self, fail_on: Severity | None) -> ExitCode:
        """0 when nothing reaches `fail_on`, else 1."""
        return ExitCode.FINDINGS if self.failing(fail_on) else ExitCode.OK


def run_audit(
    inventory: Inventory,
    store: SecretStore,
    *,
    display_path: str | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    use_ignores: bool = True,
    scope: Iterable[str] = (),
) -> Report:
    """Audit every account; report the findings that involve `scope` (all when empty)."""
    scope = tuple(dict.fromkeys(scope))
    unknown = [a for a in scope if inventory.account(a) is None]
    if unknown:
        raise UsageError(f"{inventory.path}: no account with id {unknown[0]!r}")
    now = now or dt.datetime.now(dt.UTC)
    today = today or now.astimezone().date()
    context = AuditContext(inventory, read_secrets(inventory.accounts, store), today)
    findings = [item for check in CHECKS.values() for item in check(context)]
    if use_ignores:
        by_id = {account.id: account for account in inventory.accounts}
        findings = [apply_ignores(item, by_id, today) for item in findings]
    if scope:
        findings = [item for item in findings if set(item.accounts) & set(scope)]
    findings.sort(key=lambda item: (-item.severity, item.key))
    return Report(
        tool_version=__version__,
        generated_at=now.astimezone(dt.UTC).replace(microsecond=0),
        inventory_path=display_path or str(inventory.path),
        account_count=len(inventory.accounts),
        findings=tuple(findings),
        checklist=build_checklist(findings, inventory, context.dependents),
        scope=scope,
    )


def apply_ignores(item: Finding, accounts: Mapping[str, Account], today: dt.date) -> Finding:
    """Mark a finding suppressed when every account it names accepts its check (an ignore on one
    account does not hide the risk from the others it involves). Expired ignores do nothing."""
    reasons: list[str] = []
    for account_id in item.accounts:
        account = accounts.get(account_id)
        active = [
            i
            for i in (account.ignores if account else ())
            if i.check == item.check and i.active_on(today)
        ]
        if not active:
            return item
        reasons.extend(i.reason for i in active)
    return replace(item, suppressed=True, suppression_reason="; ".join(dict.fromkeys(reasons)))
