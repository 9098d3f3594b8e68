"""The audit engine: inventory + secrets → checks → findings → ignores and baseline → checklist
→ report. It joins the layers and nothing else; every decision lives in the module named for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from auditor import __version__
from auditor.breach import BreachLookup, breach_counts
from auditor.checklist import build_checklist
from auditor.checks import CHECKS, AuditContext, Finding
from auditor.inventory import Inventory
from auditor.progress import Progress
from auditor.report.baseline import apply_baseline
from auditor.report.results import Report, ReportAccount
from auditor.report.signin_map import SignInMap, build_map
from auditor.report.suppression import apply_ignores, expired_ignores
from auditor.report.visible import visible_report
from auditor.secrets import SecretStore, SecretView, read_secrets
from auditor.strength import EarlyScoring, start_early_scoring
from auditor.suggest import no_account
from auditor.vocabulary import parse_fail_on


@dataclass(frozen=True)
class AuditRequest:
    """One audit, as `audit`, `onboard` and `demo` ask for it."""

    inventory: Inventory
    """The validated inventory."""
    store: SecretStore
    """Where the secrets are read from (only read)."""
    display_path: str | None = None
    """The inventory's path as reports show it [default: inventory.path]."""
    scope: tuple[str, ...] = ()
    """Report only findings that involve these accounts (all when empty)."""
    gate_account: str | None = None
    """Make this an onboarding report for that account (and put it in scope)."""
    fail_on: str | None = None
    """A severity name or "never"; None takes the inventory's policy."""
    use_ignores: bool = True
    """Whether the inventory's `ignore` entries suppress findings."""
    baseline: frozenset[str] | None = None
    """Finding keys already known (--baseline): the gate fails only on the others."""
    new_baseline: bool = False
    """Take this run's own keys as the baseline (--write-baseline): the run then passes."""
    breaches: BreachLookup | None = None
    """Where to look passwords up; password.breached runs only with one."""
    now: dt.datetime | None = None
    """When the audit runs [default: now]."""
    today: dt.date | None = None
    """The day ages and ignore dates are measured against [default: now's local date]."""
    progress: Progress | None = None
    """Where to report reading and scoring progress."""


def run_audit(request: AuditRequest) -> Report:
    """Audit every account; report the findings that involve the scope, ranked into actions."""
    inventory = request.inventory
    scope = tuple(dict.fromkeys([*request.scope, *filter(None, [request.gate_account])]))
    unknown = [a for a in scope if inventory.account(a) is None]
    if unknown:
        raise no_account(inventory.path, unknown[0], (a.id for a in inventory.accounts))
    now = request.now or dt.datetime.now(dt.UTC)
    today = request.today or now.astimezone().date()
    facts = AuditContext(inventory, SecretView({}), today, scope=frozenset(scope))
    early = start_early_scoring(
        facts.accounts,
        facts.strength_matters,
        inventory.seller.name,
        _scoring_progress(request.progress),
    )
    try:
        context = _context(request, facts, early)
        findings, sign_in_map = _findings(context, request, early)
    finally:
        if early is not None:
            early.close()
    # most inventories ignore nothing: then 25,000 findings (10,000 accounts) need no look
    if request.use_ignores and any(account.ignores for account in inventory.accounts):
        by_id = {account.id: account for account in inventory.accounts}
        findings = [apply_ignores(item, by_id, today) for item in findings]
    if scope:
        findings = [item for item in findings if set(item.accounts) & set(scope)]
    findings.sort(key=lambda item: (-item.severity, item.key))
    report = Report(
        tool_version=__version__,
        generated_at=now.astimezone(dt.UTC).replace(microsecond=0),
        inventory_path=request.display_path or str(inventory.path),
        accounts=tuple(
            ReportAccount(a.id, a.platform_name, a.kind, a.login, a.store, a.line)
            for a in inventory.accounts
        ),
        findings=tuple(findings),
        checklist=build_checklist(findings, inventory, context.dependents, request.gate_account),
        fail_on=inventory.policy.fail_on
        if request.fail_on is None
        else parse_fail_on(request.fail_on),
        scope=scope,
        expired_ignores=expired_ignores(inventory, today, scope),
        gate_account=request.gate_account,
        breach_source=request.breaches.describe() if request.breaches else None,
        sign_in_map=sign_in_map,
    )
    report = visible_report(report)
    if request.new_baseline:
        return apply_baseline(report, frozenset(f.key for f in report.findings))
    if request.baseline is not None:
        return apply_baseline(report, request.baseline)
    return report


def _context(
    request: AuditRequest, facts: AuditContext, early: EarlyScoring | None
) -> AuditContext:
    """Read the secrets (handing each password to `early`'s workers as it arrives), for the
    checks; `facts` holds the inventory and the scope."""
    secrets = read_secrets(
        request.inventory.accounts, request.store, request.progress, early.offer if early else None
    )
    return replace(facts, secrets=secrets)


def _look_up_breaches(context: AuditContext, breaches: BreachLookup) -> None:
    """Put each account's breach count in the context, before any check runs."""
    context.breach_counts = breach_counts(context.inventory, context.secrets, breaches)
    # a lookup may name itself (the demo's stand-in); the real corpus and range API do not
    context.breach_list = getattr(breaches, "list_name", None) or context.breach_list


def _scoring_progress(progress: Progress | None) -> Callable[[int, int], None] | None:
    return (
        (lambda done, total: progress.step("scoring passwords", done, total)) if progress else None
    )


def _findings(
    context: AuditContext, request: AuditRequest, early: EarlyScoring | None
) -> tuple[list[Finding], SignInMap]:
    """Run every check, and draw the sign-in map; passwords are scored in worker processes
    meanwhile (a scoped audit scores only those its findings can need), from before the breach
    lookups. The checks that need the scores run last: the map, which needs none, is drawn
    before them, while the workers still score, rather than after every score is in."""
    context.start_scoring(_scoring_progress(request.progress), early.scoring if early else None)
    try:
        if request.breaches:
            _look_up_breaches(context, request.breaches)
        checks = CHECKS.values()
        findings = [item for c in checks if not c.needs_strength for item in c.run(context)]
        sign_in_map = build_map(context)
        findings += [item for c in checks if c.needs_strength for item in c.run(context)]
        return findings, sign_in_map
    finally:
        context.stop_scoring()


__all__ = ["AuditRequest", "Report", "run_audit"]
