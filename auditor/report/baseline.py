"""Baselines: the finding keys a team has already seen, so the gate fails only on new ones.

A baseline file holds keys only (`password.reused:ebay,etsy`), never anything derived from a
secret, in versioned JSON. The report still shows every finding, each marked new or known.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from auditor.errors import UsageError
from auditor.files import read_regular, write_private
from auditor.report.results import Report

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
                f"{path}: larger than {MAX_BASELINE_BYTES // 2**20} MiB; not a store-audit baseline"
            )
        document = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise UsageError(
            f"{path}: no such baseline file", hint="create one with --write-baseline"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"{path}: not a store-audit baseline ({type(error).__name__})") from None
    except OSError as error:  # a directory, a FIFO, a device: never read
        why = error.strerror or type(error).__name__
        raise UsageError(f"{path}: not a store-audit baseline ({why})") from None
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise UsageError(f"{path}: not a store-audit baseline (expected schema {SCHEMA})")
    keys = document.get("keys")
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise UsageError(f"{path}: keys: must be a list of finding keys")
    bad = next((k for k in keys if not _KEY.fullmatch(k)), None)
    if bad is not None:
        raise UsageError(f"{path}: keys: {bad[:80]!r} is not a finding key (CHECK:ACCOUNT,...)")
    return frozenset(keys)


def apply_baseline(report: Report, keys: frozenset[str]) -> Report:
    """Mark each finding as in the baseline or new; the gate then ignores the known ones. The
    baseline keys this run no longer finds (among those that involve the report's scope) are
    listed as fixed since the baseline."""
    findings = tuple(replace(f, in_baseline=f.key in keys) for f in report.findings)
    found = {f.key for f in report.findings}
    scope = set(report.scope)
    fixed = tuple(
        sorted(
            key
            for key in keys - found
            if not scope or scope & set(key.partition(":")[2].split(","))
        )
    )
    return replace(report, findings=findings, baseline_used=True, fixed_since_baseline=fixed)
