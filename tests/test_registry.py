"""The registries match the contract: every format has a test, the CLI offers every format and
importer, and the catalog holds SPEC §3's rows: same id, same wording, the same default severity
(a severity note the SPEC does not have may follow it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.report import FORMATS
from tests.report.test_formats import FORMAT_TESTS

SPEC = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"
"""The contract, beside the repository in a work tree; a clone made elsewhere (CI) has none."""
SPEC_COPY = Path(__file__).parent / "data" / "spec_checks.md"
"""SPEC §3's table, committed: what the catalog is held to wherever the SPEC is absent."""
CATALOG_TABLE = Path(__file__).resolve().parents[1] / "auditor" / "data" / "catalog.md"
CATALOG_ROW = re.compile(r"^\| ([a-z]+\.[a-z-]+) \| (.*) \| (.*) \|$", re.MULTILINE)


def rows(text: str) -> dict[str, tuple[str, str]]:
    return {m.group(1): (m.group(2), m.group(3)) for m in CATALOG_ROW.finditer(text)}


def test_the_catalog_holds_every_spec_row() -> None:
    # More rows than the SPEC (checks issues added) are fine; fewer or different ones are not.
    ours = rows(CATALOG_TABLE.read_text("utf-8"))
    spec = rows(SPEC_COPY.read_text("utf-8"))
    assert len(spec) >= 21
    changed = [
        check_id
        for check_id, (when, default) in spec.items()
        if check_id not in ours
        or ours[check_id][0] != when
        or not (ours[check_id][1] == default or ours[check_id][1].startswith(default + "; "))
    ]
    assert not changed, f"the catalog lacks or changes SPEC rows: {changed}"


@pytest.mark.skipif(not SPEC.is_file(), reason="no ../shared/SPEC.md beside this clone")
def test_the_committed_spec_table_is_the_spec() -> None:
    # Where the contract is at hand, the copy the test above reads must be its table: a change
    # to SPEC §3 fails here until the copy (and then the catalog) follow it.
    assert rows(SPEC_COPY.read_text("utf-8")) == rows(SPEC.read_text("utf-8"))


def test_every_format_has_a_test() -> None:
    assert set(FORMATS) == set(FORMAT_TESTS)


def choices(command_name: str, option: str) -> list[str]:
    """What click offers for a command's option."""
    import click

    from auditor.cli import cli

    command = cli.get_command(click.Context(cli), command_name)
    assert command is not None
    choice = next(p for p in command.params if p.name == option).type
    return list(choice.choices)  # type: ignore[attr-defined]


def test_the_cli_offers_every_format() -> None:
    from auditor.lockout import MAP_FORMATS

    assert choices("audit", "format_name") == list(FORMATS)
    assert choices("demo", "format_name") == list(FORMATS)
    assert choices("map", "fmt") == list(MAP_FORMATS)


def test_import_offers_every_importer_and_names_its_manager() -> None:
    from auditor.intake.importers import IMPORTERS, LABELS

    assert choices("import", "manager") == list(IMPORTERS) == list(LABELS)
    assert {"edge", "brave", "keepass"} <= set(IMPORTERS)
    assert IMPORTERS["edge"] is IMPORTERS["chrome"]
