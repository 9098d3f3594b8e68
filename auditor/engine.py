"""The audit engine: inventory + secrets → checks → findings → suppressions → checklist → report.

Report itself lives in auditor.report.results; it is re-exported here for callers of run_audit.

It joins the layers and nothing else; every decision lives in the module named for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace

from auditor import __version__
from auditor.breach import BreachLookup, sha1_hex
from auditor.checklist import build_checklist
from auditor.checks import CHECKS, AuditContext
from auditor.checks.findings import Finding
from auditor.errors import UsageError
from auditor.inventory import Account, Inventory
from auditor.progress import Progress
from auditor.report.results import ExpiredIgnore, Report, ReportAccount
from auditor.secrets import SecretStore, SecretView, read_secrets
from auditor.vocabulary import parse_fail_on


def run_audit(
    inventory: Inventory,
    store: SecretStore,
    *,
    display_path: str | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    use_ignores: bool = True,
    scope: Iterable[str] = (),
    fail_on: str | None = None,
    gate_account: str | None = None,
    progress: Progress | None = None,
    breaches: BreachLookup | None = None,
) -> Report:
    """Audit every account; report the findings that involve `scope` (all when empty).

    `fail_on` is a severity name or "never"; None takes the inventory's policy. `gate_account`
    makes this an onboarding report for that account (and puts it in scope). With `breaches`,
    each distinct password's SHA-1 is looked up there and password.breached runs.
    """
    scope = tuple(dict.fromkeys([*scope, *([gate_account] if gate_account else [])]))
    unknown = [a for a in scope if inventory.account(a) is None]
    if unknown:
        raise UsageError(f"{inventory.path}: no account with id {unknown[0]!r}")
    now = now or dt.datetime.now(dt.UTC)
    today = today or now.astimezone().date()
    secrets = read_secrets(inventory.accounts, store, progress)
    counts = breach_counts(inventory, secrets, breaches) if breaches else {}
    context = AuditContext(inventory, secrets, today, breach_counts=counts)
    context.start_scoring(
        (lambda done, total: progress.step("scoring passwords", done, total)) if progress else None
    )
    try:
        order = sorted(CHECKS.values(), key=lambda check: check.needs_strength)
        findings = [item for check in order for item in check.run(context)]
    finally:
        context.stop_scoring()
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
        accounts=tuple(
            ReportAccount(a.id, a.platform_name, a.kind, a.login, a.store, a.line)
            for a in inventory.accounts
        ),
        findings=tuple(findings),
        checklist=build_checklist(findings, inventory, context.dependents),
        fail_on=inventory.policy.fail_on if fail_on is None else parse_fail_on(fail_on),
        scope=scope,
        expired_ignores=expired_ignores(inventory, today, scope),
        gate_account=gate_account,
        breach_source=breaches.describe() if breaches else None,
    )


def breach_counts(
    inventory: Inventory, secrets: SecretView, breaches: BreachLookup
) -> dict[str, int]:
    """Account id → times its password was seen in breaches. Each distinct password is hashed
    once; the hashes live only in this function."""
    groups = secrets.by_password(inventory.accounts)
    hashes = {key: sha1_hex(password.reveal()) for key, (password, _) in groups.items()}
    seen = breaches.counts(hashes.values())
    return {
        account.id: seen[hashes[key]]
        for key, (_, accounts) in groups.items()
        for account in accounts
    }


def expired_ignores(
    inventory: Inventory, today: dt.date, scope: tuple[str, ...] = ()
) -> tuple[ExpiredIgnore, ...]:
    """Ignore entries whose `until` has passed, for the accounts in scope (all when empty)."""
    return tuple(
        ExpiredIgnore(account.id, ignore.check, ignore.until, ignore.reason)
        for account in inventory.accounts
        if not scope or account.id in scope
        for ignore in account.ignores
        if ignore.until is not None and not ignore.active_on(today)
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


__all__ = ["Report", "apply_ignores", "expired_ignores", "run_audit"]
