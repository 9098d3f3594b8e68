"""Each report format, on the bundled example: parses, holds what SPEC §6 names, fits 80 columns.

`FORMAT_TESTS` maps every registered format to its test; test_registry fails when one is missing.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from auditor.engine import Report
from auditor.report import FORMATS
from tests.test_examples import example_report


@pytest.fixture(scope="module")
def report() -> Report:
    return example_report()


def check_json(report: Report) -> None:
    data = json.loads(FORMATS["json"](report))
    assert data["schema"] == "store-audit/report/1"
    assert data["tool"]["name"] == "store-audit"
    assert data["inventory"]["accounts"] == report.account_count
    assert set(data["summary"]) == {"critical", "high", "medium", "low", "info", "suppressed"}
    assert data["summary"]["suppressed"] == 1
    assert data["generated_at"].endswith("Z")
    for item in data["findings"]:
        assert set(item) >= {
            "key",
            "check",
            "severity",
            "accounts",
            "message",
            "remediation",
            "suppressed",
        }
        assert item["key"] == f"{item['check']}:{','.join(item['accounts'])}"
    ranks = [a["rank"] for a in data["checklist"]]
    assert ranks == list(range(1, len(ranks) + 1))
    keys = {f["key"] for f in data["findings"] if not f["suppressed"]}
    assert {k for a in data["checklist"] for k in a["resolves"]} == keys


def check_table(report: Report) -> None:
    text = FORMATS["table"](report)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[1].startswith("Findings: ")
    assert "Hardening checklist, most urgent first:" in text
    first_action = next(line for line in lines if line.strip().startswith("1 "))
    assert "critical" in first_action
    assert "(suppressed)" in text


FORMAT_TESTS: dict[str, Callable[[Report], None]] = {"json": check_json, "table": check_table}


@pytest.mark.parametrize("name", sorted(FORMAT_TESTS))
def test_format(name: str, report: Report) -> None:
    FORMAT_TESTS[name](report)
