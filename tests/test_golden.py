"""Golden reports: every format, for the bundled example (plain and against a baseline) and a
generated 500-account inventory, byte for byte. They pin what users see while the code inside
moves; regenerate with STORE_AUDIT_WRITE_GOLDEN=1 only when a change to the output is meant.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from auditor.demo import DemoBreaches, demo_inventory_path, demo_store
from auditor.engine import AuditRequest, run_audit
from auditor.inventory import parse_inventory
from auditor.report import FORMATS
from auditor.report.results import Report
from auditor.secrets import MemoryStore
from tests.generated_inventory import generate

GOLDEN = Path(__file__).parent / "data" / "golden"
NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
BASELINE = frozenset(
    {
        "email.shared-login:amazon-eu,amazon-na",
        "mfa.unknown:paypal",
        "mfa.sms-only:walmart",
        "password.reused:ebay,gmail-owner",
        "mfa.missing:shopify",
        "mfa.unknown:tiktok",
    }
)
"""Four keys the example has (new, in baseline) and two of weaknesses it no longer has (fixed
since the baseline)."""


def example(baseline: bool) -> Report:
    path = demo_inventory_path()
    inventory = parse_inventory(path.read_bytes(), path)
    return run_audit(
        AuditRequest(
            inventory,
            demo_store(inventory),
            display_path="examples/store-audit.toml",
            now=NOW,
            fail_on="never",
            baseline=BASELINE if baseline else None,
            breaches=DemoBreaches(),
        )
    )


def generated() -> Report:
    text, secrets = generate(500, seed=3)
    inventory = parse_inventory(text.encode(), Path("generated.toml"))
    return run_audit(
        AuditRequest(inventory, MemoryStore(secrets), display_path="generated.toml", now=NOW)
    )


REPORTS = {
    "example": lambda: example(baseline=False),
    "example-baseline": lambda: example(baseline=True),
    "generated-500": generated,
}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_format_matches_its_golden_file(name: str) -> None:
    report = REPORTS[name]()
    differ = []
    for format_name, render in FORMATS.items():
        path = GOLDEN / f"{name}.{format_name}"
        text = render(report).encode("utf-8")
        if os.environ.get("STORE_AUDIT_WRITE_GOLDEN"):
            path.write_bytes(text)
        if text != path.read_bytes():
            differ.append(path.name)
    assert not differ, f"differ from their golden files: {differ}"
