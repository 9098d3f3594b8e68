"""The registries match the contract: every catalog id has a check, every format a test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.catalog import CATALOG
from auditor.checks import CHECKS
from auditor.report import FORMATS
from tests.test_report_formats import FORMAT_TESTS

SPEC = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"


def test_every_catalog_id_has_a_check() -> None:
    assert set(CHECKS) == set(CATALOG)


def test_catalog_matches_the_spec_table() -> None:
    # The contract sits beside the repository (shared/SPEC.md), in CI as in a work tree.
    if not SPEC.is_file():
        pytest.skip(f"{SPEC} is not beside this checkout")
    rows = re.findall(r"^\| ([a-z]+\.[a-z-]+) \| .* \| ([a-z]+)", SPEC.read_text(), re.MULTILINE)
    assert dict(rows) == {entry.id: entry.severity.label for entry in CATALOG.values()}


def test_every_format_has_a_test() -> None:
    assert set(FORMATS) == set(FORMAT_TESTS)


def test_the_cli_offers_every_format() -> None:
    from auditor.cli import FORMAT_NAMES

    assert set(FORMAT_NAMES) == set(FORMATS)


def test_import_offers_every_importer() -> None:
    from auditor.cli import cli
    from auditor.importers import IMPORTERS

    command = cli.commands["import"]
    choice = next(p for p in command.params if p.name == "manager").type
    assert set(choice.choices) == set(IMPORTERS)  # type: ignore[attr-defined]
