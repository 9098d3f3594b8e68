"""The prioritized hardening checklist (SPEC §4): findings folded into actions a person performs.

`gathering` folds the findings that share a fix (`Check.fix`) on the same accounts into one
draft; `ranking` orders the drafts and words them: severity first; then actions on a mailbox that
others depend on; then how many accounts the action protects (counting those that sign in or
recover through it); then account id.
"""

from __future__ import annotations

from auditor.checklist.action import Action
from auditor.checklist.ranking import build_checklist

__all__ = ["Action", "build_checklist"]
