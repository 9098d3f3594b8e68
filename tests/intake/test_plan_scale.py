"""Planning an export where many logins share a platform (issue 26, item 11): each new id costs
one step (benchmarks/import_plan.py measures it), ids are numbered as before around the ones
taken, and a long plan shows a progress line on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

from auditor.intake.importers import read_entries
from auditor.intake.plan import plan_import
from auditor.inventory import parse_inventory
from auditor.progress import TerminalProgress
from tests.keyrings import MemoryKeyring


def _export(size: int) -> str:
    rows = ["name,url,username,password,note"]
    rows += [
        f"Store {i},https://sellercentral.amazon.com/,seller{i}@acme.test,Fake-{i}-Xq9!zL-pw,"
        for i in range(size)
    ]
    return "\n".join(rows) + "\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_new_ids_count_up_around_the_taken_ones_and_progress_is_shown(
    memory_keyring: MemoryKeyring,
) -> None:
    from auditor.secrets import KeyringStore

    inventory = parse_inventory(
        b'version = 1\n[[accounts]]\nid = "amazon-us-3"\nplatform = "ebay"\n'
        b'login = "x@acme.test"\nmfa = "sms"\n',
        Path("store-audit.toml"),
    )
    entries = read_entries("chrome", _export(5), Path("export.csv"))
    screen = Terminal()
    progress = TerminalProgress(screen, delay=0)
    plan = plan_import(entries, inventory, KeyringStore(), keep_unknown=False, progress=progress)
    ids = [p.account_id for p in plan.changes]
    assert ids == ["amazon-us", "amazon-us-2", "amazon-us-4", "amazon-us-5", "amazon-us-6"]
    assert "planning the import" in screen.getvalue()
