"""Folding findings into drafts of actions, by the fix each check's findings belong to.

Findings with the same fix on the same accounts become one draft: every password habit of a
group of accounts linked by reuse or similarity one "change these passwords", every 2FA finding
of an account one "turn on / switch 2FA". A weak mailbox's finding (`Fix.MAILBOX`) joins the
drafts that fix what weakens that mailbox, or gets a draft of its own when those are suppressed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from auditor.checks import CHECKS, Finding, Fix


@dataclass(slots=True, eq=False)
class Draft:
    """An action being put together (equal only to itself, so drafts can key a dict)."""

    fix: Fix
    """What the person does."""
    accounts: set[str] = field(default_factory=set)
    """The accounts acted on."""
    findings: list[Finding] = field(default_factory=list)
    """Every finding the action resolves, including weak links it joined."""

    def own_findings(self) -> tuple[Finding, ...]:
        """The findings of the draft's own fix (not the weak links that joined it)."""
        return tuple(f for f in self.findings if CHECKS[f.check].fix is self.fix)


def gather(findings: Sequence[Finding], known_ids: Iterable[str]) -> list[Draft]:
    """Drafts for the unsuppressed findings, in the order their first finding came."""
    password_group = _password_groups(findings)
    drafts: dict[tuple[Fix, str], Draft] = {}
    weak_links = []
    for item in findings:
        fix = CHECKS[item.check].fix
        if fix is Fix.MAILBOX:
            weak_links.append(item)
            continue
        if fix is Fix.PASSWORD:
            name = password_group[item.accounts[0]]
        elif fix is Fix.OWN:
            name = item.key
        elif fix is Fix.RECORD:
            name = item.check
        else:
            name = item.accounts[0]
        draft = drafts.setdefault((fix, name), Draft(fix))
        draft.accounts.update(item.accounts)
        draft.findings.append(item)
    fixes = _fixes_by_mailbox(drafts.values())
    known = set(known_ids)
    for item in weak_links:
        mailboxes = (item.subject or "").split(", ")
        targets = list(dict.fromkeys(d for m in mailboxes for d in fixes.get(m, [])))
        if not targets:  # what made it weak is suppressed: the mailbox gets an action of its own
            own = drafts.setdefault((Fix.MAILBOX, item.key), Draft(Fix.MAILBOX))
            own.accounts.update(m for m in mailboxes if m in known)
            targets = [own]
        for draft in targets:
            draft.findings.append(item)
    return list(drafts.values())


def _fixes_by_mailbox(drafts: Iterable[Draft]) -> dict[str, list[Draft]]:
    """Account id → the drafts that fix what would make it, as a mailbox, easy to take over."""
    fixes: dict[str, list[Draft]] = defaultdict(list)
    for draft in drafts:
        weakened = {
            a for f in draft.findings if CHECKS[f.check].weakens_mailbox for a in f.accounts
        }
        for account_id in weakened:
            fixes[account_id].append(draft)
    return fixes


def _password_groups(findings: Sequence[Finding]) -> dict[str, str]:
    """Account id → a representative of its group: accounts linked by reuse or similarity are
    fixed together, since changing one of them alone leaves the habit in place."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for item in findings:
        if CHECKS[item.check].fix is Fix.PASSWORD:
            first = root(item.accounts[0])
            for other in item.accounts[1:]:
                parent[root(other)] = first
    groups: dict[str, list[str]] = defaultdict(list)
    for node in list(parent):
        groups[root(node)].append(node)
    return {node: min(members) for members in groups.values() for node in members}
