"""store-audit against KeePassXC on the whole job, side by side in one run:
`python benchmarks/keepassxc.py [--accounts 10000] [--lines 5000000] [--runs 3] [--before REF]`.

Needs Debian's keepassxc (`apt-get install -y keepassxc`). Builds, in a temporary folder:
- `--accounts` distinct passwords (a third habits of Chinese-speaking users, a third English
  habits, a third random), 5% of them planted in a `--lines`-line Pwned Passwords-format corpus
  (sorted SHA-1, CRLF);
- a KeePass database of them (`keepassxc-cli import` from KeePass XML, a key file, no password)
  and an inventory whose keyring (benchmarks/file_keyring.py) holds the same passwords.
Then, alternating, `--runs` times each (median shown): `store-audit audit --hibp-file` (every
check, the Chinese habits included), `keepassxc-cli analyze --hibp`, and (`--loop-runs` times,
it is slow) a bare loop calling Python zxcvbn once per password (start-up included). Prints
both breached counts (they must be equal), the ratios audit / KeePassXC (goal <= 1.0) and
audit / zxcvbn loop (goal <= 0.35), and the largest process's peak memory (goal < 200 MB).
With `--before REF` (a git ref, such as the commit before issue 21), also `store-audit --help`
and a 20-account audit from that commit and from this checkout, alternating (goal: no slower).
With `--floor`, also the same audit with every password given one constant score instead of
estimated (benchmarks/audit_phases.py --constant-scores): what the rest of the audit costs on
its own, against KeePassXC's whole run (it writes fewer findings, so it is a lower bound).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import statistics
import string
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from file_keyring import write as write_keyring  # noqa: E402
from hibp_offline import build as build_corpus  # noqa: E402
from run import measure  # noqa: E402
from strength import chinese_common, english, name_and_date  # noqa: E402

PLATFORMS = ["amazon", "ebay", "shopify", "walmart", "etsy", "tiktok", "paypal", "gmail"]


def passwords(count: int) -> list[str]:
    rng = random.Random(2026)
    third = count // 3
    mixed = chinese_common(rng, third // 2) + name_and_date(rng, third - third // 2)
    mixed += english(rng, third)
    alphabet = string.ascii_letters + string.digits + "!@#$%&*"
    found = dict.fromkeys(mixed)
    while len(found) < count:
        found["".join(rng.choice(alphabet) for _ in range(rng.randrange(12, 25)))] = None
    return list(found)[:count]


def keepass_xml(items: list[str]) -> str:
    entries = "".join(
        "<Entry><UUID>{}</UUID><String><Key>Title</Key><Value>acct-{}</Value></String>"
        "<String><Key>UserName</Key><Value>user{}@example.com</Value></String>"
        "<String><Key>Password</Key><Value>{}</Value></String></Entry>".format(
            __import__("base64").b64encode(i.to_bytes(16, "big")).decode(), i, i, escape(p)
        )
        for i, p in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8" standalone="yes"?><KeePassFile><Meta>'
        "<Generator>store-audit benchmark</Generator></Meta><Root><Group><UUID>"
        "AAAAAAAAAAAAAAAAAAAAAA==</UUID><Name>Root</Name>"
        + entries
        + "</Group></Root></KeePassFile>"
    )


def inventory(items: list[str]) -> tuple[str, dict[tuple[str, str], str]]:
    lines = ["version = 1", '[seller]\nname = "Bench Goods"']
    secrets = {}
    for index, password in enumerate(items):
        login = f"user{index}@example.com"
        lines.append(
            f'[[accounts]]\nid = "acct-{index}"\nplatform = "{PLATFORMS[index % 8]}"\n'
            f'login = "{login}"\nmfa = "totp"'
        )
        secrets[f"store-audit/acct-{index}", login] = password
    return "\n".join(lines) + "\n", secrets


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Wall seconds, peak RSS in MiB, CPU seconds (user + sys) and stdout of a command, measured
    under GNU time as run.py does (a child of this large process would count its pages too)."""
    run = measure(command, env, capture=True)
    return run.seconds, run.peak_mib, run.cpu_seconds, run.stdout


def env_for(folder: Path, source: Path = ROOT) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE), str(source)]),
        "PYTHON_KEYRING_BACKEND": "file_keyring.JsonFileKeyring",
        "STORE_AUDIT_BENCH_KEYRING": str(folder / "secrets.json"),
        "HOME": str(folder),
    }


LOOP = """
import sys
from zxcvbn import zxcvbn
for line in open(sys.argv[1], encoding="utf-8"):
    zxcvbn(line.rstrip("\\n")[:72])
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--loop-runs", type=int, default=1, help="runs of the slow zxcvbn loop")
    parser.add_argument("--before", help="a git ref to compare --help and a 20-account audit")
    parser.add_argument("--floor", action="store_true", help="also the audit without scoring")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        compare(folder, args.accounts, args.lines, args.runs, args.loop_runs, args.floor)
        if args.before:
            small_runs(folder, args.before, args.runs)


def prepare(folder: Path, count: int, lines: int) -> tuple[list[str], int]:
    items, planted = prepare_audit(folder, count, lines)
    (folder / "db.xml").write_text(keepass_xml(items), "utf-8")
    (folder / "key").write_bytes(os.urandom(64))
    command = ["keepassxc-cli", "import", "-q", "--set-key-file", str(folder / "key"),
               str(folder / "db.xml"), str(folder / "db.kdbx")]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    (folder / "db.xml").unlink()
    (folder / "passwords.txt").write_text("\n".join(items) + "\n", "utf-8")
    return items, planted


def prepare_audit(folder: Path, count: int, lines: int) -> tuple[list[str], int]:
    """store-audit's side of the set in `folder`: the corpus (5% of the passwords planted), the
    inventory and its file keyring; the passwords and how many were planted."""
    items = passwords(count)
    planted = {hashlib.sha1(p.encode()).hexdigest().upper(): 7 for p in items[::20]}  # noqa: S324
    build_corpus(folder / "pwned.txt", lines, planted)
    text, secrets = inventory(items)
    (folder / "store-audit.toml").write_text(text, "utf-8")
    write_keyring(str(folder / "secrets.json"), secrets)
    return items, len(planted)


def compare(  # noqa: PLR0913
    folder: Path, count: int, lines: int, runs: int, loop_runs: int, floor: bool = False
) -> None:
    _, planted = prepare(folder, count, lines)
    audit = [sys.executable, "-m", "auditor", "audit", "--inventory",
             str(folder / "store-audit.toml"), "--hibp-file", str(folder / "pwned.txt"),
             "--format", "json", "--fail-on", "never"]  # fmt: skip
    keepass = ["keepassxc-cli", "analyze", "-q", "--no-password", "-k", str(folder / "key"),
               "--hibp", str(folder / "pwned.txt"), str(folder / "db.kdbx")]  # fmt: skip
    loop = [sys.executable, "-c", LOOP, str(folder / "passwords.txt")]
    unscored = [sys.executable, str(HERE / "audit_phases.py"), "--child", str(folder),
                "--constant-scores"]  # fmt: skip
    env = env_for(folder)
    times: dict[str, list[float]] = {"audit": [], "keepassxc": [], "loop": []}
    if floor:
        times["unscored"] = []
    cpu: dict[str, list[float]] = {label: [] for label in times}
    peaks: dict[str, float] = {}
    found: dict[str, int] = {}
    for run in range(runs):
        for label, command in (
            ("audit", audit),
            ("keepassxc", keepass),
            ("loop", loop),
            ("unscored", unscored),
        ):
            if (label == "loop" and run >= loop_runs) or label not in times:
                continue
            seconds, peak, cpu_seconds, output = timed(command, env)
            times[label].append(seconds)
            cpu[label].append(cpu_seconds)
            peaks[label] = max(peaks.get(label, 0.0), peak)
            if label == "audit":
                found[label] = output.count('"check": "password.breached"')
            elif label == "keepassxc":
                found[label] = len(re.findall(r"has been leaked", output))
    median = {label: statistics.median(values) for label, values in times.items()}
    print(f"{count:,} passwords, {lines:,}-line corpus, {planted} planted; load: {load()}")
    for label in times:
        print(
            f"  {label:<10} median {median[label]:6.2f} s of {len(times[label])} "
            f"({', '.join(f'{t:.2f}' for t in times[label])}), peak {peaks[label]:.0f} MiB, "
            f"CPU {statistics.median(cpu[label]):.2f} s"
        )
    print(f"  breached: store-audit {found['audit']}, KeePassXC {found['keepassxc']}")
    print(f"  audit / keepassxc-cli analyze --hibp: {median['audit'] / median['keepassxc']:.2f}x")
    print(f"  audit / bare Python zxcvbn loop:      {median['audit'] / median['loop']:.2f}x")
    if floor:
        print(
            "  the audit with scores constant / keepassxc-cli analyze --hibp: "
            f"{median['unscored'] / median['keepassxc']:.2f}x (the rest of the audit alone)"
        )
    spent = {label: statistics.median(values) for label, values in cpu.items()}
    versus_keepassxc, versus_loop = (
        spent["audit"] / spent["keepassxc"],
        spent["audit"] / spent["loop"],
    )
    print(
        f"  CPU s, audit / keepassxc-cli: {versus_keepassxc:.2f}x, audit / loop: {versus_loop:.2f}x"
    )


def small_runs(folder: Path, ref: str, runs: int) -> None:
    before = folder / "before"
    before.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref],  # noqa: S607
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
        tar.extractall(before, filter="data")
    text, secrets = inventory(passwords(20))
    (folder / "small.toml").write_text(text, "utf-8")
    write_keyring(str(folder / "secrets.json"), secrets)
    commands = {
        "--help": [sys.executable, "-m", "auditor", "--help"],
        "20-account audit": [sys.executable, "-m", "auditor", "audit", "--inventory",
                             str(folder / "small.toml"), "--fail-on", "never"],
    }  # fmt: skip
    print(f"\nagainst {ref} (median of {runs}, alternating; load: {load()})")
    for label, command in commands.items():
        then, now = [], []
        for _ in range(runs):
            then.append(timed(command, env_for(folder, before))[0])
            now.append(timed(command, env_for(folder))[0])
        a, b = statistics.median(then), statistics.median(now)
        print(f"  {label:<18} before {a:.3f} s, now {b:.3f} s: {b / a:.2f}x")


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
