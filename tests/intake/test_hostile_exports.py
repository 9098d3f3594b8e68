"""An export whose quoting is broken never shows a password (issue 26, item 4): a stray `"`
makes a CSV reader swallow the rows after it into one cell, and that cell must never reach a
label; the import stops with a line naming where, never quoting the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.canaries import find_leaks, leak_forms, random_core
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring

HEADER = "name,url,username,password,note\n"


def _rows(cores: list[str], closing: str) -> str:
    """Three logins; the first name opens a quote that `closing` (in the last password) ends."""
    return (
        HEADER
        + f'"Acme Main,https://sellercentral.amazon.com,a@acme.test,Pw-{cores[0]}-Xq9!zL,\n'
        + f"ebay,https://www.ebay.com,b@acme.test,Pw-{cores[1]}-Xq9!zL,\n"
        + f"etsy,https://www.etsy.com,c@acme.test,Pw-{cores[2]}{closing}\n"
    )


@pytest.mark.parametrize(
    "closing",
    [
        '-Xq9!zL",',  # the quote closes before a comma: well-formed CSV, one huge name cell
        '-X"q9!zL,',  # the quote closes mid-cell: malformed CSV
    ],
)
@pytest.mark.parametrize("extra", [["--dry-run"], []])
def test_a_stray_quote_is_an_error_naming_the_line_and_no_password(
    memory_keyring: MemoryKeyring, tmp_path: Path, closing: str, extra: list[str]
) -> None:
    cores = [random_core() for _ in range(3)]
    export = tmp_path / "export.csv"
    export.write_text(_rows(cores, closing), encoding="utf-8")
    inventory = tmp_path / "store-audit.toml"
    result = invoke("import", export, "--from", "chrome", "--all", "--inventory", inventory, *extra)
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert "line 2" in result.stderr
    assert "quote" in result.stderr
    canaries = {f"password {i}": leak_forms(f"Pw-{c}", c) for i, c in enumerate(cores)}
    assert not find_leaks([result.stdout, result.stderr], canaries)
    assert "Acme Main" not in result.stderr  # the text of the line is never quoted
    assert not inventory.exists()
    assert not memory_keyring.entries


def test_a_title_is_one_bounded_line(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        HEADER + f"{'Acme ' * 100},https://unknown.example,a@acme.test,Pw-Xq9!zL-long,\n",
        encoding="utf-8",
    )
    result = invoke(
        "import", export, "--from", "chrome", "--dry-run", "--inventory", tmp_path / "i.toml"
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    skipped = [line for line in result.stdout.splitlines() if "entry 1" in line]
    assert skipped and len(skipped[0]) < 200, result.stdout
