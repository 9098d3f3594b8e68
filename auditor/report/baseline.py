"""Baselines: the finding keys a team has already seen, so the gate fails only on new ones.

A baseline file holds keys only (`password.reused:ebay,etsy`), never anything derived from a
secret, in versioned JSON. The report still shows every finding, each marked new or known.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from auditor.errors import UsageError
from auditor.files import read_regular, write_private
from auditor.findings import Finding
from auditor.i18n import _
from auditor.report.results import BaselineChange, Report

SCHEMA = "store-audit/baseline/1"
_KEY = re.compile(r"[a-z]+\.[a-z-]+:[a-z0-9][a-z0-9._-]*(,[a-z0-9][a-z0-9._-]*)*")


def write_baseline(path: Path, report: Report) -> frozenset[str]:
    """Record every finding key of the report (suppressed ones too); return the keys."""
    keys = frozenset(f.key for f in report.findings)
    document = {
        "schema": SCHEMA,
        "generated_at": report.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "inventory": report.inventory_path,
        "keys": sorted(keys),
    }
    write_private(path, json.dumps(document, indent=2) + "\n")
    return keys


MAX_BASELINE_BYTES = 64 * 1024 * 1024
"""Far above the keys of a 20,000-account inventory's findings."""


def load_baseline(path: Path) -> frozenset[str]:
    """Read a baseline file; one-line UsageError (exit 2) when it is not one."""
    try:
        raw = read_regular(path, MAX_BASELINE_BYTES)
        if len(raw) > MAX_BASELINE_BYTES:
            raise UsageError(
                _("{path}: larger than {size} MiB; not a store-audit baseline").format(
                    path=path, size=MAX_BASELINE_BYTES // 2**20
                )
            )
        document = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise UsageError(
            _("{path}: no such baseline file").format(path=path),
            hint=_("create one with --write-baseline"),
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(_not_a_baseline(path, type(error).__name__)) from None
    except OSError as error:  # a directory, a FIFO, a device: never read
        why = error.strerror or type(error).__name__
        raise UsageError(_not_a_baseline(path, why)) from None
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        expected = _("expected schema {schema}").format(schema=SCHEMA)
        raise UsageError(_not_a_baseline(path, expected))
    keys = document.get("keys")
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise UsageError(_("{path}: keys: must be a list of finding keys").format(path=path))
    bad = next((k for k in keys if not _KEY.fullmatch(k)), None)
    if bad is not None:
        raise UsageError(
            _("{path}: keys: {key!r} is not a finding key (CHECK:ACCOUNT,...)").format(
                path=path, key=bad[:80]
            )
        )
    return frozenset(keys)


def _not_a_baseline(path: Path, why: str) -> str:
    return _("{path}: not a store-audit baseline ({why})").format(path=path, why=why)


def apply_baseline(report: Report, keys: frozenset[str]) -> Report:
    """Compare the report's findings with the baseline by what each involves, not by key.

    A finding is new only for an account (a pair of accounts, for a group finding) that no
    baseline key of its check involved: a shrunk group is known, a grown group is new for the
    accounts that joined. With a scope (`--account`, `onboard`) a finding is new only when it is
    new for a scoped account, and only baseline keys that involve the scope are accounted for:
    fixed (nothing of them is found), partly fixed (a shrunk group) or gone (what is no longer
    found involves accounts removed from the inventory).
    """
    known = _Known(keys)
    scope = frozenset(report.scope)
    findings = tuple(_mark(item, known, scope) for item in report.findings)
    fixed, partly, gone = _account_for(keys, report, scope)
    return replace(
        report,
        findings=findings,
        baseline_used=True,
        fixed_since_baseline=fixed,
        partly_fixed_since_baseline=partly,
        gone_since_baseline=gone,
    )


Unit = frozenset[str]
"""What a finding involves, as the baseline compares it: one account, or a pair of accounts."""


def units(accounts: Iterable[str]) -> set[Unit]:
    """A one-account finding's account; every pair of a group finding's accounts."""
    ids = sorted(set(accounts))
    if len(ids) == 1:
        return {frozenset(ids)}
    return {frozenset(pair) for pair in combinations(ids, 2)}


def _split(key: str) -> tuple[str, tuple[str, ...]]:
    check, _colon, ids = key.partition(":")
    return check, tuple(ids.split(","))


class _Known:
    """The baseline's keys, by check: their account groups and the units those hold."""

    def __init__(self, keys: frozenset[str]) -> None:
        self.keys = keys
        self.groups: dict[str, list[frozenset[str]]] = defaultdict(list)
        self.units: dict[str, set[Unit]] = defaultdict(set)
        for key in keys:
            check, accounts = _split(key)
            self.groups[check].append(frozenset(accounts))
            self.units[check] |= units(accounts)

    def new_for(self, check: str, accounts: tuple[str, ...]) -> tuple[str, ...]:
        """The accounts this finding is new for: those no baseline group of its check held
        with another of them (they joined); where only the pairing is new (two known groups
        merged), the accounts of every new pair."""
        fresh = units(accounts) - self.units[check]
        if not fresh:
            return ()
        if len(accounts) == 1:
            return accounts
        members = set(accounts)
        joined = {
            a
            for a in accounts
            if not any(a in group and len(group & members) > 1 for group in self.groups[check])
        }
        merged = {a for unit in fresh if not unit & joined for a in unit}
        return tuple(sorted(joined | merged))

    def continued(self, check: str, accounts: tuple[str, ...]) -> tuple[str, ...]:
        """The baseline keys of this check that hold some unit of this finding."""
        mine = units(accounts)
        return tuple(
            sorted(
                f"{check}:{','.join(sorted(group))}"
                for group in self.groups[check]
                if units(group) & mine
            )
        )


def _mark(item: Finding, known: _Known, scope: frozenset[str]) -> Finding:
    if item.key in known.keys:
        return replace(item, in_baseline=True)
    new_for = known.new_for(item.check, item.accounts)
    counted = [a for a in new_for if a in scope] if scope else new_for
    return replace(
        item,
        in_baseline=not counted,
        new_for=new_for,
        baseline_keys=known.continued(item.check, item.accounts),
    )


def _account_for(
    keys: frozenset[str], report: Report, scope: frozenset[str]
) -> tuple[tuple[str, ...], tuple[BaselineChange, ...], tuple[BaselineChange, ...]]:
    """The baseline keys (in scope) this run does not find as they were: fixed, partly fixed,
    gone. A unit of a key is found (a finding of its check holds it), gone (it involves an
    account no longer in the inventory) or fixed (neither)."""
    present = {a.id for a in report.accounts}
    found_keys = {f.key for f in report.findings}
    found: dict[str, dict[Unit, str]] = defaultdict(dict)
    for item in report.findings:
        for unit in units(item.accounts):
            found[item.check][unit] = item.key
    fixed: list[str] = []
    partly: list[BaselineChange] = []
    gone: list[BaselineChange] = []
    for key in sorted(keys - found_keys):
        check, accounts = _split(key)
        mine = [u for u in units(accounts) if not scope or u & scope]
        if not mine:
            continue
        still = {found[check][u] for u in mine if u in found[check]}
        removed = tuple(a for a in accounts if a not in present)
        cleared = [u for u in mine if u not in found[check] and u <= present]
        if cleared and not still:
            fixed.append(key)
        elif cleared:
            held = {a for u in mine if u in found[check] for a in u}
            quit_ = tuple(a for a in accounts if a not in held and a in present)
            partly.append(BaselineChange(key, quit_, tuple(sorted(still))))
        elif removed:
            gone.append(BaselineChange(key, removed, tuple(sorted(still))))
    return tuple(fixed), tuple(partly), tuple(gone)
