"""An action on the checklist: one thing to do, what it protects and what it resolves."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.vocabulary import Severity


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
