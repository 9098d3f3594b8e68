"""The registries match the contract: every catalog id has a check, every format a test, and the
catalog table the package ships holds SPEC §3's rows unchanged."""

from __future__ import annotations

import re
from pathlib import Path

from auditor.checks import CHECKS
from auditor.report import FORMATS
from auditor.vocabulary import check_severities
from tests.report.test_formats import FORMAT_TESTS

SPEC = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"
CATALOG_TABLE = Path(__file__).resolve().parents[1] / "auditor" / "data" / "catalog.md"
"""SPEC §3's table and the rows issues added; the inventory reads check ids from it."""
CATALOG_ROW = re.compile(r"^\| ([a-z]+\.[a-z-]+) \| .* \|$", re.MULTILINE)


def test_every_check_is_in_the_catalog_table_with_its_severity_in_order() -> None:
    assert [(c.id, c.severity) for c in CHECKS.values()] == list(check_severities().items())


def test_the_catalog_table_holds_every_spec_row_unchanged() -> None:
    # More rows than the SPEC (checks issues added) are fine; fewer or different ones are not.
    # In a work tree the contract sits beside the repository (../shared/SPEC.md); a clone made
    # elsewhere has only the committed table, which the test above still holds to the checks.
    ours = {m.group(1): m.group(0) for m in CATALOG_ROW.finditer(CATALOG_TABLE.read_text())}
    assert len(ours) >= 21
    if SPEC.is_file():
        spec = {m.group(1): m.group(0) for m in CATALOG_ROW.finditer(SPEC.read_text())}
        assert len(spec) >= 21
        missing_or_changed = sorted(i for i, row in spec.items() if ours.get(i) != row)
        assert not missing_or_changed, f"{CATALOG_TABLE} lacks or changes SPEC rows"


def test_every_format_has_a_test() -> None:
    assert set(FORMATS) == set(FORMAT_TESTS)


def test_the_cli_offers_every_format() -> None:
    from auditor.cli.audit import FORMAT_NAMES

    assert set(FORMAT_NAMES) == set(FORMATS)


def test_import_offers_every_importer() -> None:
    import click

    from auditor.cli import cli
    from auditor.intake.importers import IMPORTERS

    command = cli.get_command(click.Context(cli), "import")
    assert command is not None
    choice = next(p for p in command.params if p.name == "manager").type
    assert set(choice.choices) == set(IMPORTERS)  # type: ignore[attr-defined]
