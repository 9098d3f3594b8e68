"""The terminal forms fit 80 columns and never cut an id, a command or a URL in two (issue 23,
item 10): the report table, the import plan and `map`, which also writes a file (`--output`)."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from auditor.demo import demo_inventory_path
from auditor.errors import ExitCode
from auditor.report import FORMATS
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring
from tests.test_examples import example_report

_CUT = re.compile(r"[a-z0-9]-$")
"""A line that ends inside a hyphenated word: `gmail-acme-` then `owner` on the next line."""


def _assert_fits_uncut(text: str, ids: set[str]) -> None:
    lines = text.splitlines()
    for line in lines[1:]:  # the first line holds the inventory's path, which can be long
        assert len(line) <= 80, line
        assert not _CUT.search(line.rstrip()), line
    for account_id in ids:  # an id seen only in part is one the layout cut
        parts = [account_id[: i + 1] for i, c in enumerate(account_id) if c == "-"]
        assert not any(re.search(re.escape(p) + r"\s*$", line) for p in parts for line in lines)


def test_the_report_table_fits_80_columns_and_cuts_no_id() -> None:
    report = example_report()
    ids = {a.id for a in report.accounts}
    text = FORMATS["table"](report)
    _assert_fits_uncut(text, ids)
    (weak,) = (f.key for f in report.findings if f.check == "recovery.weak-link")
    first, _, rest = weak.partition("gmail-owner,")
    assert f"{first}gmail-owner,\n" in text and rest  # folded after a comma, no id cut
    assert "'store-audit/payoneer'" in text


def test_map_fits_80_columns_and_writes_a_private_file(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = demo_inventory_path()
    shown = invoke("map", "--inventory", inventory)
    assert shown.exit_code == ExitCode.OK, shown.stderr
    _assert_fits_uncut("\n" + shown.stdout, set())
    assert "    sign in at https://sellercentral.amazon.com" in shown.stdout
    out = tmp_path / "map.md"
    written = invoke("map", "--inventory", inventory, "--format", "markdown", "--output", out)
    assert written.exit_code == ExitCode.OK, written.stderr
    assert written.stdout == "" and f"wrote the map to {out}" in written.stderr
    assert out.read_text().startswith("# Who signs in where")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    refused = invoke("map", "--inventory", inventory, "--output", inventory)
    assert refused.exit_code == ExitCode.USAGE
