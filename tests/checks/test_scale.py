"""What makes store-audit fast at agency scale keeps its results: scores from worker processes
equal scores computed here, and start-up loads neither the keyring nor zxcvbn for commands that
do not need them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time

from auditor.checks import AuditContext
from auditor.secrets import Secret, SecretView
from auditor.strength import password_hints, score_password
from auditor.strength.early import CHUNK, EarlyScoring
from auditor.strength.pool import Scoring
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
    scoring = Scoring(workers=2, progress=lambda done, total: progress.append(done))
    scoring.submit(items)
    try:
        remote = {key: scoring.get(key) for key in items}
    finally:
        scoring.close()
    assert remote == {key: score_password(*item) for key, item in items.items()}
    assert progress and progress[-1] == len(items)


def test_scores_computed_here_while_the_workers_are_busy_equal_local_scores() -> None:
    # The one worker is busy: the chunks queued behind it (all but the one handed to it next)
    # are scored by this process while it waits, the last first, and must score the same.
    items = {p.encode(): (Secret(p), ["acme", "amazon"]) for p in PASSWORDS}
    scoring = Scoring(workers=1)
    scoring._pool.submit(time.sleep, 0.5)
    scoring.submit(items, chunk=1)
    try:
        here = {key: scoring.get(key) for key in items}
    finally:
        scoring.close()
    assert here == {key: score_password(*item) for key, item in items.items()}


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
        "print(sorted(m for m in ('zxcvbn', 'zxcvbn_rs_py', 'keyring', 'tomlkit',\n"
        "                         'secretstorage', 'tabulate')\n"
        "             if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "['tabulate']"  # checks prints a table


def test_passwords_scored_while_reading_get_the_hints_of_accounts_read_later() -> None:
    """Passwords go to the workers as they are read; a shared one read first for an account
    without the telling name is scored again once the account named Birchwood is read."""
    accounts = [account(f"filler-{i}", platform="ebay") for i in range(CHUNK - 1)]
    inv = inventory(
        *accounts,
        account("other", platform="ebay"),
        account("store", platform="amazon", store="Birchwood Candles"),
    )
    facts = AuditContext(inv, SecretView({}), dt.date(2026, 11, 27))
    early = EarlyScoring(
        inv.accounts, facts.strength_matters, inv.seller.name, Scoring(workers=2), delay=0
    )
    try:
        shared = Secret("Birchwood7!x")
        early.offer(inv.accounts[-2], shared)  # "other" first: no Birchwood among its names
        read = [Secret(f"Filler-{i}-x9!Qz") for i in range(CHUNK - 1)]
        for filler, password in zip(accounts, read, strict=True):
            early.offer(filler, password)
        # a chunk full: sent to the workers before the read ends
        assert all(p.fingerprint() in early.scoring for p in [shared, *read])
        early.offer(inv.accounts[-1], Secret("Birchwood7!x"))
        secrets = view(
            {"other": "Birchwood7!x", "store": "Birchwood7!x"}
            | {a.id: p.reveal() for a, p in zip(accounts, read, strict=True)}
        )
        context = AuditContext(inv, secrets, dt.date(2026, 11, 27))
        context.start_scoring(early=early.scoring)
        for checked in inv.accounts:
            found = secrets.password(checked.id)
            assert found is not None
            password = found
            sharers = [
                a
                for a in inv.accounts
                if (other := secrets.password(a.id))
                and other.fingerprint() == password.fingerprint()
            ]
            hints = password_hints(sharers, inv.seller.name)
            assert context.strength(checked) == score_password(password, hints), checked.id
        assert context.is_weak(inv.accounts[-2])  # weak for "other" too, as after reading
    finally:
        early.close()
