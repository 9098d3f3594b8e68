"""The registries match the contract: every catalog id has a check, every format a test."""

from __future__ import annotations

import re
from pathlib import Path

from auditor.catalog import CATALOG
from auditor.checks import CHECKS
from auditor.report import FORMATS
from tests.test_report_formats import FORMAT_TESTS

SPEC = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"
SPEC_COPY = Path(__file__).parent / "data" / "spec-catalog.md"
"""The SPEC's catalog table, committed, for clones that do not have the contract beside them."""
CATALOG_ROW = re.compile(r"^\| ([a-z]+\.[a-z-]+) \| .* \| ([a-z]+)", re.MULTILINE)


def test_every_catalog_id_has_a_check() -> None:
    assert set(CHECKS) == set(CATALOG)


def test_catalog_matches_the_spec_table() -> None:
    rows = CATALOG_ROW.findall(SPEC_COPY.read_text())
    assert dict(rows) == {entry.id: entry.severity.label for entry in CATALOG.values()}
    # In a work tree the contract sits beside the repository (../shared/SPEC.md), and the copy
    # must still be its table; a clone made elsewhere has only the copy.
    if SPEC.is_file():
        assert CATALOG_ROW.findall(SPEC.read_text()) == rows, f"{SPEC_COPY} is not {SPEC}'s table"


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
