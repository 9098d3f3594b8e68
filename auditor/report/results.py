"""What an audit produces: the `Report` every format renders, and the records inside it.

A report holds nothing derived from a secret: account names and logins, findings, actions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from auditor.checklist import Action
from auditor.errors import ExitCode
from auditor.findings import Finding
from auditor.i18n import _, listed
from auditor.report.signin_map import SignInMap
from auditor.report.suppression import ExpiredIgnore
from auditor.vocabulary import SEVERITY_NAMES, Severity


@dataclass(frozen=True)
class ReportAccount:
    """An inventory account as reports show it."""

    id: str
    """The account id."""
    platform_name: str
    """The platform as prose names it."""
    kind: str
    """store, mailbox, payment or other."""
    login: str
    """The sign-in email or user name."""
    store: str | None
    """The store's display name, if any."""
    line: int | None
    """Line of its `[[accounts]]` header in the inventory file, when it could be found."""


@dataclass(frozen=True)
class BaselineChange:
    """A baseline key this run finds only in part (a shrunk group) or not at all because
    accounts were removed from the inventory."""

    key: str
    """The baseline key."""
    accounts: tuple[str, ...]
    """Partly fixed: the accounts no longer involved. Gone: the accounts no longer in the
    inventory."""
    now: tuple[str, ...]
    """The keys of this run's findings that hold what is left of it (empty when nothing is)."""


@dataclass(frozen=True)
class Report:
    """A finished audit, ready for any format."""

    tool_version: str
    """store-audit's version."""
    generated_at: dt.datetime
    """When the audit ran (UTC)."""
    inventory_path: str
    """The inventory as the user named it."""
    accounts: tuple[ReportAccount, ...]
    """Every account in the inventory, in file order."""
    findings: tuple[Finding, ...]
    """Every finding in scope, suppressed and baselined ones included, most severe first."""
    checklist: tuple[Action, ...]
    """Ranked actions for the unsuppressed findings."""
    fail_on: Severity | None = Severity.HIGH
    """The gate: unsuppressed new findings at or above it fail the run (None: never)."""
    scope: tuple[str, ...] = ()
    """Account ids the report is limited to (`--account`, `onboard`); empty for all."""
    baseline_used: bool = False
    """Whether findings were compared with a baseline."""
    expired_ignores: tuple[ExpiredIgnore, ...] = ()
    """Ignore entries that have run out, so their findings count again."""
    gate_account: str | None = None
    """The account `onboard` gates, if this is an onboarding report."""
    breach_source: str | None = None
    """What passwords were looked up in (a corpus file, the range API), or None: not checked."""
    fixed_since_baseline: tuple[str, ...] = ()
    """Baseline keys (in scope) that this run no longer finds: fixed since the baseline."""
    partly_fixed_since_baseline: tuple[BaselineChange, ...] = ()
    """Baseline group keys (in scope) that shrank: some of their accounts are fixed."""
    gone_since_baseline: tuple[BaselineChange, ...] = ()
    """Baseline keys (in scope) no longer found as they were only because accounts were
    removed from the inventory: gone, not fixed."""

    @cached_property
    def new_keys(self) -> frozenset[str]:
        """With a baseline: the keys of unsuppressed findings that are not in it."""
        if not self.baseline_used:
            return frozenset()
        return frozenset(f.key for f in self.findings if not f.suppressed and not f.in_baseline)

    def is_new_action(self, action: Action) -> bool:
        """With a baseline: whether the action resolves a finding that is not in it."""
        return bool(self.new_keys.intersection(action.resolves))

    sign_in_map: SignInMap | None = None
    """Who signs in where (mailboxes, phones, each account's door and codes), for the HTML
    report's section; None when not drawn."""

    @property
    def account_count(self) -> int:
        """Accounts in the inventory."""
        return len(self.accounts)

    @property
    def summary(self) -> dict[str, int]:
        """Unsuppressed findings per severity; then how many are new, in the baseline, and
        suppressed (those three add up to all findings)."""
        counts = dict.fromkeys(SEVERITY_NAMES, 0)
        for item in self.findings:
            if not item.suppressed:
                counts[item.severity.label] += 1
        counts["suppressed"] = sum(1 for f in self.findings if f.suppressed)
        counts["in_baseline"] = sum(1 for f in self.findings if f.in_baseline and not f.suppressed)
        counts["new"] = len(self.findings) - counts["suppressed"] - counts["in_baseline"]
        return counts

    def failing(self) -> tuple[Finding, ...]:
        """Findings that fail the gate: not suppressed, not in the baseline, at or above it."""
        if self.fail_on is None:
            return ()
        return tuple(
            f
            for f in self.findings
            if not f.suppressed and not f.in_baseline and f.severity >= self.fail_on
        )

    @cached_property
    def failing_keys(self) -> frozenset[str]:
        """The keys of `failing()`, computed once: formats ask for every finding."""
        return frozenset(f.key for f in self.failing())

    def exit_code(self) -> ExitCode:
        """0 when nothing fails the gate, else 1."""
        return ExitCode.FINDINGS if self.failing() else ExitCode.OK

    def gate_verdict(self) -> str | None:
        """For `onboard`: one line saying whether the account passes the gate, and why."""
        if self.gate_account is None:
            return None
        failing = self.failing()
        if self.fail_on is None:
            return _("onboard {account}: PASS: the gate is off (--fail-on never)").format(
                account=self.gate_account
            )
        if not failing:
            return _(
                "onboard {account}: PASS: no new finding at or above {level} involves it"
            ).format(account=self.gate_account, level=self.fail_on.shown)
        return _(
            "onboard {account}: FAIL: {count} new finding(s) at or above {level} involve it "
            "({checks})"
        ).format(
            account=self.gate_account,
            count=len(failing),
            level=self.fail_on.shown,
            checks=listed(sorted({f.check for f in failing})),
        )
