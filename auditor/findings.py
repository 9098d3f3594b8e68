"""Findings: what a check reports about one or more accounts, keyed stably across runs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from auditor.vocabulary import Severity


@dataclass(frozen=True)
class Finding:
    """One weakness, naming the accounts it involves and what to do about it."""

    check: str
    """The catalog id of the check that found it."""
    severity: Severity
    """How urgent it is, after policy and context."""
    accounts: tuple[str, ...]
    """The account ids involved, sorted."""
    message: str
    """What is wrong, in a sentence; never anything from a secret."""
    remediation: str
    """What to do about it, in a sentence."""
    subject: str | None = None
    """What the finding is about besides the accounts: a mailbox, a phone number."""
    suppressed: bool = False
    """Whether an inventory `ignore` entry accepts this risk."""
    suppression_reason: str | None = None
    """The reason the seller gave, when suppressed."""
    in_baseline: bool = False
    """Whether the key was in the baseline given with --baseline (known, accepted for the gate)."""

    @cached_property
    def key(self) -> str:
        """`CHECK:ACCOUNT[,ACCOUNT...]`: stable across runs; suppressions and baselines use it."""
        return f"{self.check}:{','.join(self.accounts)}"


def join_names(names: Iterable[str]) -> str:
    """`a`, `a and b`, `a, b and c`: account lists as a sentence reads them (`a、b 和 c` in
    Chinese)."""
    from auditor.i18n import and_list

    return and_list(list(names))
