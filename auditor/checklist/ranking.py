"""Ranking the drafts and wording them as actions (SPEC §4).

Order: severity; then actions on a mailbox that others depend on (a mailbox without 2FA that
others sign in or recover through outranks every store-level action); then how many accounts
the action protects, counting those that depend on it; then account id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from auditor.checklist.action import Action
from auditor.checklist.gathering import Draft, gather
from auditor.checks import CHECKS, ActionFacts, Finding
from auditor.i18n import tidy
from auditor.inventory import Account, Inventory

Dependents = Callable[[str], frozenset[str]]
"""Account id → the accounts that sign in or recover through it."""


def build_checklist(
    findings: Iterable[Finding],
    inventory: Inventory,
    dependents: Dependents,
    focus: str | None = None,
) -> tuple[Action, ...]:
    """Fold the unsuppressed findings into ranked actions; where an action could move any of
    several accounts, it moves `focus` (the account `onboard` gates)."""
    accounts = {a.id: a for a in inventory.accounts}
    drafts = gather([f for f in findings if not f.suppressed], accounts)
    protected = {d: _protected(d, dependents) for d in drafts}
    severity = {d: max(f.severity for f in d.findings) for d in drafts}

    def priority(draft: Draft) -> tuple[int, bool, int, str]:
        return (
            -severity[draft],
            not _guards_mailbox(draft, accounts, dependents),
            -len(protected[draft]),
            min(draft.accounts, default=""),
        )

    actions = []
    for rank, draft in enumerate(sorted(drafts, key=priority), start=1):
        ids = tuple(sorted(draft.accounts))
        actions.append(
            Action(
                rank=rank,
                severity=severity[draft],
                action=describe(draft, accounts, focus, ids),
                accounts=ids,
                protects=tuple(sorted(protected[draft])),
                resolves=tuple(sorted({f.key for f in draft.findings})),
            )
        )
    return tuple(actions)


def describe(
    draft: Draft,
    accounts: Mapping[str, Account],
    focus: str | None = None,
    ids: tuple[str, ...] | None = None,
) -> str:
    """The action in the words of the check behind its most severe finding of its own fix
    (`ids`: the draft's accounts, sorted, when the caller has them)."""
    own = draft.own_findings()
    lead = min(own, key=lambda f: (-f.severity, _CHECK_ORDER[f.check])) if len(own) > 1 else own[0]
    same = any(CHECKS[f.check].same_password for f in own)
    facts = ActionFacts(ids or tuple(sorted(draft.accounts)), accounts, own, focus, same)
    return tidy(CHECKS[lead.check].action(facts))


_CHECK_ORDER = {check_id: index for index, check_id in enumerate(CHECKS)}
"""Each check's place in the catalog: of two findings as severe, the earlier check leads."""


def _protected(draft: Draft, dependents: Dependents) -> set[str]:
    """The accounts acted on and every account that depends on them."""
    found = set(draft.accounts)
    for account_id in draft.accounts:
        found |= dependents(account_id)
    return found


def _guards_mailbox(draft: Draft, accounts: Mapping[str, Account], dependents: Dependents) -> bool:
    """Whether the action secures a mailbox that others sign in or recover through."""
    return any(
        accounts[a].kind == "mailbox" and dependents(a) for a in draft.accounts if a in accounts
    )
