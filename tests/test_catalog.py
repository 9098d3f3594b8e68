"""The check catalog has one source, the `Check` records in `CHECKS`: the catalog table the
package ships (auditor/data/catalog.md), the README's table and the light `CHECK_IDS` module the
inventory validates `ignore` ids with are generated from them and pinned here, like the golden
files (regenerate with STORE_AUDIT_WRITE_GOLDEN=1). Adding a check needs no other edit: a check
registered here shows up in all three and in `store-audit checks`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.checks import CHECKS, Check, Finding, Fix
from auditor.cli import cli
from auditor.vocabulary import Severity

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "auditor" / "data" / "catalog.md"
CHECK_IDS = ROOT / "auditor" / "check_ids.py"
README = ROOT / "README.md"
README_TABLE = re.compile(r"^\| id \| fires when \| default \|\n(?:\|.*\|\n)+", re.MULTILINE)

CATALOG_HEAD = """\
<!-- The check catalog, generated from the checks' own records (auditor.checks.CHECKS) by
     tests/test_catalog.py: do not edit by hand. It holds SPEC.md §3's table, then the checks
     issues added; tests/test_registry.py holds it to the SPEC's rows. -->
"""
CHECK_IDS_HEAD = '''\
"""The check ids, in catalog order: what an inventory's `ignore` entries may name. Generated
from the checks' own records (auditor.checks.CHECKS) by tests/test_catalog.py, so that reading
an inventory does not load the checks; do not edit by hand."""

CHECK_IDS = (
'''


def table(checks: Iterable[Check]) -> str:
    """The catalog as a Markdown table: id, when it fires, default severity (and what raises
    or lowers it)."""
    lines = ["| id | fires when | default |", "|---|---|---|"]
    for check in checks:
        default = check.severity.label + (f"; {check.severity_note}" if check.severity_note else "")
        lines.append(f"| {check.id} | {check.fires_when} | {default} |")
    return "\n".join(lines) + "\n"


def generated(checks: Iterable[Check], readme: str) -> dict[Path, str]:
    """Each generated file's text for these checks."""
    checks = list(checks)
    ids = "".join(f'    "{check.id}",\n' for check in checks)
    return {
        CATALOG: CATALOG_HEAD + table(checks),
        CHECK_IDS: CHECK_IDS_HEAD + ids + ")\n",
        README: README_TABLE.sub(lambda _: table(checks), readme, count=1),
    }


@pytest.mark.parametrize("path", [CATALOG, CHECK_IDS, README], ids=lambda p: p.name)
def test_generated_files_match_the_checks(path: Path) -> None:
    wanted = generated(CHECKS.values(), README.read_text("utf-8"))[path]
    if os.environ.get("STORE_AUDIT_WRITE_GOLDEN"):
        path.write_text(wanted, "utf-8")
    assert path.read_text("utf-8") == wanted, (
        f"{path.name} drifted from the checks; regenerate: "
        "STORE_AUDIT_WRITE_GOLDEN=1 python -m pytest tests/test_catalog.py"
    )


def test_check_ids_are_the_registry() -> None:
    from auditor.check_ids import CHECK_IDS as ids

    assert ids == tuple(CHECKS)


def _never(_context: object) -> Iterator[Finding]:
    return iter(())


def test_a_new_check_needs_no_other_edit(monkeypatch: pytest.MonkeyPatch) -> None:
    check = Check(
        id="email.throw-away",
        severity=Severity.LOW,
        fires_when="a test registers it",
        advice="Nothing to do.",
        run=_never,
        fix=Fix.OWN,
        action=lambda facts: f"Look at {facts.who}",
        severity_note="medium when nobody is looking",
    )
    monkeypatch.setitem(CHECKS, check.id, check)
    row = "| email.throw-away | a test registers it | low; medium when nobody is looking |"
    files = generated(CHECKS.values(), README.read_text("utf-8"))
    assert row in files[CATALOG].splitlines()
    assert row in files[README].splitlines()
    assert '    "email.throw-away",' in files[CHECK_IDS].splitlines()
    shown = CliRunner().invoke(cli, ["checks"])
    assert shown.exit_code == 0
    assert "email.throw-away" in shown.output
    assert "a test registers it" in shown.output


GENERATED = {CHECK_IDS}
"""Files written from the records (they name every id by design)."""


def _strings(path: Path) -> Iterator[tuple[int, str]]:
    """Each string literal in the file with its line, documentation left out: a string that is
    a statement of its own (a module's, class's, function's or field's docstring) is prose, and
    prose may name a check; what a user reads or code compares may not."""
    import ast

    tree = ast.parse(path.read_text())
    prose = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
            yield node.lineno, node.value


def check_id_literals(root: Path) -> list[str]:
    """Every check id written in a string literal outside its own check module."""
    home = {
        check.id: ROOT / (check.run.__module__.replace(".", "/") + ".py")
        for check in CHECKS.values()
    }
    written = {
        check_id: re.compile(rf"(?<![\w.-]){re.escape(check_id)}(?![\w-])") for check_id in CHECKS
    }
    found = []
    for path in sorted(root.rglob("*.py")):
        if path in GENERATED:
            continue
        for line, text in _strings(path):
            for check_id, pattern in written.items():
                if path != home[check_id] and pattern.search(text):
                    found.append(f"{path.relative_to(ROOT)}:{line}: {check_id}")
    return found


def test_no_check_id_is_written_outside_its_check() -> None:
    """A check's id is written once, in its record: code that names a check takes the id from
    the record (`CHECK.id`), so renaming or retiring a check cannot leave a stale id behind."""
    assert check_id_literals(ROOT / "auditor") == []
