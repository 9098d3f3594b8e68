"""Findings: what a check reports about one or more accounts, keyed stably across runs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    """Whether the baseline given with --baseline knows it (accepted for the gate): its key, or
    every account (pair of accounts, for a group) it involves within a key of its check."""
    new_for: tuple[str, ...] = ()
    """With a baseline: the accounts it is new for (those that joined a group), else empty."""
    baseline_keys: tuple[str, ...] = ()
    """With a baseline, when its own key is not there: the baseline keys it continues (a group
    that shrank or grew)."""

    @cached_property
    def key(self) -> str:
        """`CHECK:ACCOUNT[,ACCOUNT...]`: stable across runs; suppressions and baselines use it."""
        return f"{self.check}:{','.join(self.accounts)}"


def join_names(names: Iterable[str]) -> str:
    """`a`, `a and b`, `a, b and c`: account lists as a sentence reads them (`a、b 和 c` in
    Chinese)."""
    from auditor.i18n import and_list

    return and_list(list(names))


def join_some_names(names: Sequence[str]) -> str:
    """`join_names` of at most five: past five, the first four and "N more", so that an action
    on many accounts stays one line."""
    from auditor.i18n import _

    if len(names) <= 5:
        return join_names(names)
    return join_names((*names[:4], _("{count} more").format(count=len(names) - 4)))
