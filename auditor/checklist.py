"""The prioritized hardening checklist (SPEC §4): findings folded into actions a person performs.

Every finding about one password habit becomes one "change these passwords" action; every 2FA
finding of an account one "turn on / switch 2FA" action; a weak mailbox's recovery.weak-link
finding joins the actions that fix that mailbox. Order: severity; then actions on a mailbox that
others depend on; then how many accounts the action protects (counting those that sign in or
recover through it); then account id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from auditor.emails import canonical_mailbox
from auditor.findings import Finding, join_names
from auditor.inventory import Account, Inventory
from auditor.severity import Severity

_PASSWORD_HABITS = frozenset(
    {
        "password.reused",
        "password.similar",
        "password.weak",
        "password.contains-identity",
        "password.stale",
        "password.breached",
    }
)
_MFA_SETTING = frozenset({"mfa.missing", "mfa.unknown", "mfa.sms-only"})
_SEED = frozenset({"mfa.totp-invalid", "mfa.totp-weak-seed", "email.totp-label-mismatch"})
_TAKEOVER = frozenset({"mfa.missing", "password.weak", "password.reused", "password.breached"})
"""Findings that make a mailbox easy to take over (what recovery.weak-link reports)."""


@dataclass(frozen=True, slots=True)
class Action:
    """One thing to do, the accounts it protects and the findings it resolves."""

    rank: int
    """1 for the most urgent."""
    severity: Severity
    """The highest severity among the findings it resolves."""
    action: str
    """What to do, as an imperative sentence."""
    accounts: tuple[str, ...]
    """The accounts the person acts on."""
    protects: tuple[str, ...]
    """Those accounts and every account that signs in or recovers through them."""
    resolves: tuple[str, ...]
    """Keys of the findings this action resolves (or helps resolve)."""


@dataclass(slots=True)
class _Draft:
    kind: str
    accounts: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def build_checklist(
    findings: Iterable[Finding],
    inventory: Inventory,
    dependents: Callable[[str], frozenset[str]],
) -> tuple[Action, ...]:
    """Fold the unsuppressed findings into ranked actions."""
    open_findings = [f for f in findings if not f.suppressed]
    accounts = {a.id: a for a in inventory.accounts}
    password_group = _password_groups(open_findings)
    drafts: dict[tuple[str, str], _Draft] = {}

    def slot(kind: str, name: str) -> _Draft:
        return drafts.setdefault((kind, name), _Draft(kind))

    weak_links = []
    for item in open_findings:
        if item.check in _PASSWORD_HABITS:
            draft = slot("password", password_group[item.accounts[0]])
        elif item.check in _MFA_SETTING:
            draft = slot("mfa", item.accounts[0])
        elif item.check in _SEED:
            draft = slot("seed", item.accounts[0])
        elif item.check == "recovery.weak-link":
            weak_links.append(item)
            continue
        else:
            draft = slot(item.check, item.key)
        draft.accounts.update(item.accounts)
        draft.findings.append(item)
    # A weak mailbox's recovery.weak-link is resolved by the actions that fix what makes it weak.
    fixes: dict[str, list[_Draft]] = defaultdict(list)
    for draft in drafts.values():
        for account_id in {a for f in draft.findings if f.check in _TAKEOVER for a in f.accounts}:
            fixes[account_id].append(draft)
    for item in weak_links:
        mailboxes = (item.subject or "").split(", ")
        targets = list({id(d): d for m in mailboxes for d in fixes.get(m, [])}.values())
        if not targets:  # what made it weak is suppressed: the mailbox gets an action of its own
            targets = [slot("weak-link", item.key)]
            targets[0].accounts.update(m for m in mailboxes if m in accounts)
        for draft in targets:
            draft.findings.append(item)

    protected_cache: dict[int, set[str]] = {}

    def protected(draft: _Draft) -> set[str]:
        found = protected_cache.get(id(draft))
        if found is None:
            found = set(draft.accounts)
            for account_id in draft.accounts:
                found |= dependents(account_id)
            protected_cache[id(draft)] = found
        return found

    def guards_mailbox(draft: _Draft) -> bool:
        return any(
            accounts[a].kind == "mailbox" and dependents(a) for a in draft.accounts if a in accounts
        )

    def priority(draft: _Draft) -> tuple[int, bool, int, str]:
        return (
            -max(f.severity for f in draft.findings),
            not guards_mailbox(draft),
            -len(protected(draft)),
            min(draft.accounts, default=""),
        )

    ordered = sorted(drafts.values(), key=priority)
    return tuple(
        Action(
            rank=rank,
            severity=max(f.severity for f in draft.findings),
            action=_describe(draft, accounts),
            accounts=tuple(sorted(draft.accounts)),
            protects=tuple(sorted(protected(draft))),
            resolves=tuple(sorted({f.key for f in draft.findings})),
        )
        for rank, draft in enumerate(ordered, start=1)
    )


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
        if item.check in _PASSWORD_HABITS:
            first = root(item.accounts[0])
            for other in item.accounts[1:]:
                parent[root(other)] = first
    groups: dict[str, list[str]] = defaultdict(list)
    for node in list(parent):
        groups[root(node)].append(node)
    return {node: min(members) for members in groups.values() for node in members}


def _describe_account(account: Account | None, account_id: str) -> str:
    if account is None:
        return account_id
    if account.kind == "mailbox":
        return f"the {account.platform_name} mailbox {account.login}"
    return f"{account.id} ({account.platform_name})"


def _describe(draft: _Draft, accounts: dict[str, Account]) -> str:
    """The action as a person would write it on a to-do list."""
    ids = sorted(draft.accounts)
    checks = {f.check for f in draft.findings}
    first = ids[0] if ids else ""
    who = _describe_account(accounts.get(first), first)
    if draft.kind == "password":
        if len(ids) == 1:
            return f"Change the password of {who} to a unique generated one"
        mailboxes = [i for i in ids if i in accounts and accounts[i].kind == "mailbox"]
        start = f", starting with {join_names(mailboxes)}" if mailboxes else ""
        return f"Give {join_names(ids)} each their own generated password{start}"
    if draft.kind == "mfa":
        if "mfa.missing" in checks:
            return f"Turn on app-based 2FA for {who}"
        if "mfa.sms-only" in checks:
            return f"Switch {who} from text-message codes to an authenticator app"
        return f"Find out which 2FA {first} uses and record it in the inventory"
    if draft.kind == "seed":
        if "mfa.totp-invalid" in checks:
            return f"Re-enrol the authenticator for {who} and store the new seed"
        if "email.totp-label-mismatch" in checks:
            return f"Replace the authenticator seed stored for {who} with its own"
        return f"Re-enrol the authenticator for {who} to get a full-length seed"
    subject = next((f.subject for f in draft.findings if f.subject), "")
    if draft.kind == "email.shared-login":
        # The account whose login is written most plainly keeps the mailbox; the others move.
        keep = min(
            (i for i in ids if i in accounts),
            key=lambda i: (len(canonical_mailbox(accounts[i].login).rules), i),
            default=first,
        )
        shared = accounts[keep].login if keep in accounts else subject
        others = [i for i in ids if i != keep]
        if len(others) == 1:
            return f"Give {others[0]} its own login mailbox (it shares {shared} with {keep})"
        return (
            f"Give {join_names(others)} their own login mailboxes (they share {shared} with {keep})"
        )
    if draft.kind == "mfa.shared-phone":
        return f"Move {join_names(ids)} off the one phone number {subject} to app-based 2FA"
    if draft.kind == "email.unaudited-mailbox":
        return f"Add {subject} to the inventory so its 2FA and password are audited"
    if draft.kind == "password.missing":
        return f"Store the password of {who} in the keyring (store-audit set-secret {first})"
    if draft.kind == "email.typo-domain":
        return f"Fix the misspelled mail domain in the addresses of {who}"
    if draft.kind == "email.lookalike":
        return f"Retype the address of {who} by hand: it holds look-alike characters"
    if draft.kind == "email.invalid":
        return f"Correct the invalid address on {who}"
    if draft.kind == "email.recovery-is-login":
        return f"Give {who} a recovery email on a different mailbox"
    if draft.kind == "weak-link":
        mailbox = _describe_account(accounts.get(subject), subject)
        depending = len(draft.findings[0].accounts) - len(ids)
        who_depends = (
            "1 other account depends" if depending == 1 else f"{depending} other accounts depend"
        )
        return f"Secure {mailbox}, which {who_depends} on"
    return draft.findings[0].remediation.rstrip(".")
