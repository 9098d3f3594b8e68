"""How long `import` takes to plan an export where many logins share one platform (issue 26,
item 11): `python benchmarks/import_plan.py [--sizes 2500 5000 20000]`.

Each size is a generated Chrome export (fake secrets) of N logins on Seller Central, planned
against an empty inventory and an in-memory keyring, in this process: the time printed is the
plan's own (export parsing included), and the ratio to the smallest size shows how it grows
(linear: the ratio of the sizes; quadratic: its square).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor.intake.importers import read_entries  # noqa: E402
from auditor.intake.plan import plan_import  # noqa: E402
from auditor.inventory import parse_inventory  # noqa: E402


class EmptyStore:
    """A keyring that holds nothing, answered at once."""

    def describe(self) -> str:
        return "empty"

    def get(self, service: str, username: str) -> str | None:
        return None

    def read_many(self, pairs, progress=None, arrived=None):  # type: ignore[no-untyped-def]
        return dict.fromkeys(pairs)


def export(size: int) -> str:
    rows = ["name,url,username,password,note"]
    rows += [
        f"Store {i},https://sellercentral.amazon.com/,seller{i}@acme.test,Fake-{i}-Xq9!zL-pw,"
        for i in range(size)
    ]
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 20000])
    sizes = parser.parse_args().sizes
    inventory = parse_inventory(b"version = 1\n", Path("store-audit.toml"))
    first = None
    for size in sizes:
        text = export(size)
        started = time.perf_counter()
        entries = read_entries("chrome", text, Path("export.csv"))
        plan = plan_import(entries, inventory, EmptyStore(), keep_unknown=False)
        elapsed = time.perf_counter() - started
        first = first or (size, elapsed)
        assert len(plan.changes) == size
        print(
            f"import plan: {size:>6} logins on one platform: {elapsed:6.2f} s "
            f"(x{elapsed / first[1]:.1f} for x{size / first[0]:.1f} the logins)"
        )


if __name__ == "__main__":
    main()
