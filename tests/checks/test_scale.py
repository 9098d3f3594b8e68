"""What makes store-audit fast at agency scale keeps its results: scores from worker processes
equal scores computed here, and start-up loads neither the keyring nor zxcvbn for commands that
do not need them."""

from __future__ import annotations

import subprocess
import sys

from auditor.checks.strength import Scoring, score_password
from auditor.secrets import Secret
from tests.helpers import STRONG, account, inventory, run, view

PASSWORDS = [
    "password1",
    "Acme-Amazon-2024!",
    "a" * 300,
    "correct horse battery staple",
    *STRONG.values(),
]


def test_worker_scores_equal_local_scores() -> None:
    items = {p.encode(): (Secret(p), ["acme", "amazon"]) for p in PASSWORDS}
    progress: list[int] = []
    scoring = Scoring(items, workers=2, progress=progress.append)
    try:
        remote = {key: scoring.get(key) for key in items}
    finally:
        scoring.close()
    assert remote == {key: score_password(*item) for key, item in items.items()}
    assert progress and progress[-1] == len(items)


def test_a_shared_password_is_scored_with_every_sharer_s_names() -> None:
    # "Birchwood7!x" (zxcvbn alone: 3 of 4) is weak once zxcvbn knows the store is called
    # Birchwood, for every account that shares it, not only for that store.
    inv = inventory(
        account("store", platform="amazon", store="Birchwood Candles"),
        account("other", platform="ebay"),
    )
    secrets = view({"store": "Birchwood7!x", "other": "Birchwood7!x"})
    assert sorted(f.key for f in run("password.weak", inv, secrets)) == [
        "password.weak:other",
        "password.weak:store",
    ]
    alone = inventory(account("other", platform="ebay"))
    assert run("password.weak", alone, view({"other": "Birchwood7!x"})) == []


def test_commands_that_need_no_secret_load_no_keyring_and_no_zxcvbn() -> None:
    code = (
        "import sys\n"
        "from auditor.cli import cli\n"
        "for args in (['--help'], ['checks']):\n"
        "    try:\n"
        "        cli(args, standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('zxcvbn', 'keyring', 'tomlkit', 'secretstorage', 'tabulate')\n"
        "             if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "['tabulate']"  # checks prints a table
