"""A scoped audit (`--account ID`, `onboard ID`) scores only the passwords its findings can need
(the scoped accounts' and those of the mailboxes they sign in or recover through) and reports
exactly what the full audit, filtered to the scope, reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.demo import demo_inventory_path, demo_store
from auditor.engine import AuditRequest, run_audit
from auditor.inventory import Inventory, load_inventory, parse_inventory
from auditor.report.results import Report
from auditor.secrets import MemoryStore, SecretStore
from auditor.strength import Strength
from auditor.strength import scores as scores_module
from tests.generated_inventory import generate

NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)


class Recorder:
    """Progress that keeps the largest total it was told for scoring."""

    def __init__(self) -> None:
        self.scoring_total = 0

    def step(self, phase: str, done: int, total: int) -> None:
        if phase == "scoring passwords":
            self.scoring_total = max(self.scoring_total, total)


def audit(
    inventory: Inventory, store: SecretStore, progress: Recorder | None = None, **scope: object
) -> Report:
    return run_audit(AuditRequest(inventory, store, now=NOW, progress=progress, **scope))  # type: ignore[arg-type]


def assert_scoped_equals_filtered(
    full: Report, scoped: Report, ids: tuple[str, ...], gate: str | None = None
) -> None:
    wanted = [f for f in full.findings if set(f.accounts) & set(ids)]
    assert scoped.findings == tuple(wanted)
    assert scoped.scope == ids and scoped.gate_account == gate


@pytest.fixture(scope="module")
def example() -> tuple[Inventory, MemoryStore, Report]:
    inventory = load_inventory(demo_inventory_path())
    store = demo_store(inventory)
    return inventory, store, audit(inventory, store)


def counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the passwords scored in this process."""
    calls: list[int] = []
    real: Callable[..., Strength] = getattr(scores_module, "score_password")  # noqa: B009

    def score(*args: object) -> Strength:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(scores_module, "score_password", score)
    return calls


def test_every_account_of_the_example_scoped_equals_the_filtered_full_audit(
    example: tuple[Inventory, MemoryStore, Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    inventory, store, full = example
    calls = counting(monkeypatch)
    audit(inventory, store)
    everything = len(calls)
    for account in inventory.accounts:
        calls.clear()
        ids = (account.id,)
        assert_scoped_equals_filtered(full, audit(inventory, store, scope=ids), ids)
        onboard = audit(inventory, store, gate_account=account.id)
        assert_scoped_equals_filtered(full, onboard, ids, gate=account.id)
        assert len(calls) < everything, account.id  # fewer passwords scored than in full


def test_onboarding_a_store_scores_its_password_and_its_mailbox_s_only(
    example: tuple[Inventory, MemoryStore, Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    inventory, store, _ = example
    calls = counting(monkeypatch)
    audit(inventory, store, gate_account="etsy")
    # etsy, and the mailboxes it signs in or recovers through (a shared password counts once)
    assert 1 <= len(calls) <= 3


def test_scoped_audits_of_a_generated_inventory_equal_the_filtered_full_audit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text, secrets = generate(1000, seed=5)
    inventory = parse_inventory(text.encode(), Path("generated.toml"))
    store = MemoryStore(secrets)
    progress = Recorder()
    full = audit(inventory, store, progress)
    scored_in_full = progress.scoring_total
    assert scored_in_full >= 400  # in worker processes
    mailboxes = [a.id for a in inventory.accounts if a.kind == "mailbox"]
    stores = [a.id for a in inventory.accounts if a.kind == "store"]
    for ids in [(stores[0],), (stores[-1], stores[len(stores) // 2]), (mailboxes[0],)]:
        scoped = audit(inventory, store, scope=ids)
        assert_scoped_equals_filtered(full, scoped, ids)
        onboard = audit(inventory, store, gate_account=ids[0])
        assert_scoped_equals_filtered(full, onboard, ids[:1], gate=ids[0])
    progress = Recorder()
    calls = counting(monkeypatch)
    audit(inventory, store, progress, gate_account=stores[0])
    # in worker processes (progress) or here (calls): a handful, not the whole inventory
    assert progress.scoring_total + len(calls) < scored_in_full / 10
