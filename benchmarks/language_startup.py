"""What speaking Chinese costs at start-up, measured side by side in one run:
`python benchmarks/language_startup.py [--runs 15]`.

In child processes, start-up included (median of `--runs`): `store-audit --help` and
`store-audit checks`, in English and in Chinese, next to `python -c "import click"`. In this
process: loading the Chinese catalog from the compiled `.mo` (what a wheel ships) against
compiling the `.po` in memory (what a source checkout does), and the catalog's size.
"""

from __future__ import annotations

import argparse
import gettext
import io
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.i18n import po  # noqa: E402

SOURCE = ROOT / "auditor" / "locale" / "zh_CN" / "LC_MESSAGES" / "store-audit.po"


def wall(command: list[str], langs: tuple[str, ...], runs: int) -> list[float]:
    """Median wall seconds of a child process per language, the languages taking turns run
    by run so that a change in the machine's load hits both alike."""
    times: list[list[float]] = [[] for _ in langs]
    for _ in range(runs):
        for index, lang in enumerate(langs):
            env = {**os.environ, "STORE_AUDIT_LANG": lang}
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)  # noqa: S603
            times[index].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def in_process(function: object, runs: int = 50) -> float:
    """Median seconds of a call."""
    assert callable(function)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    print(f"load: {os.getloadavg()[0]:.2f} (1 min average), {os.cpu_count()} cores")
    cli = [sys.executable, "-m", "auditor"]
    (click_only,) = wall([sys.executable, "-c", "import click"], ("en",), runs)
    print(f"python -c 'import click'          {click_only * 1000:7.1f} ms")
    for args in (["--help"], ["checks"]):
        english, chinese = wall([*cli, *args], ("en", "zh-CN"), runs)
        name = " ".join(args)
        print(f"store-audit {name:<10} en     {english * 1000:7.1f} ms")
        print(
            f"store-audit {name:<10} zh-CN  {chinese * 1000:7.1f} ms  "
            f"(x{chinese / english:.2f} of English; from the .po, as in a checkout)"
        )
    text = SOURCE.read_text("utf-8")
    compiled = po.compile_mo(po.parse(text))
    from_po = in_process(lambda: gettext.GNUTranslations(io.BytesIO(po.compile_mo(po.parse(text)))))
    from_mo = in_process(lambda: gettext.GNUTranslations(io.BytesIO(compiled)))
    entries = sum(1 for e in po.parse(text) if e.msgid)
    sizes = f".po {len(text.encode()) // 1024} KiB, .mo {len(compiled) // 1024} KiB"
    print(f"catalog: {entries} messages, {sizes}")
    print(f"load the .mo (wheel)        {from_mo * 1000:7.2f} ms")
    print(f"compile the .po (checkout)  {from_po * 1000:7.2f} ms  (x{from_po / from_mo:.1f})")


if __name__ == "__main__":
    main()
