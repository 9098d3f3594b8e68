"""Fixtures: a keyring backend chosen per test through keyring's own API, and a CLI runner."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings
from keyring.backend import KeyringBackend
from keyring.backends import SecretService

from auditor.cli import cli
from tests.keyrings import MemoryKeyring
from tests.secret_service import crashes, daemon, private_secret_service, store_audit_entries

# Property-test budgets: sized for CI by default; STORE_AUDIT_HYPOTHESIS=large for a long run.
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "large", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("large" if os.environ.get("STORE_AUDIT_HYPOTHESIS") == "large" else "ci")

UseBackend = Callable[[KeyringBackend], None]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test speaks English unless it asks for another language (a developer's own locale
    may be Chinese), and leaves English behind for the next test, in this process too."""
    from auditor import i18n

    monkeypatch.setenv("STORE_AUDIT_LANG", "en")
    yield
    i18n.use(i18n.ENGLISH)


@pytest.fixture
def use_backend() -> Iterator[UseBackend]:
    """A function that makes `keyring` use a backend for this test (through keyring's own
    set_keyring, as an application would); the previous backend comes back afterwards."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(use_backend: UseBackend) -> MemoryKeyring:
    """An empty in-memory keyring, in use for this test."""
    backend = MemoryKeyring()
    use_backend(backend)
    return backend


@pytest.fixture(scope="session")
def secret_service_env() -> Iterator[dict[str, str]]:
    """The environment that reaches a private, real gnome-keyring daemon for this test run."""
    with private_secret_service() as env:
        yield env


@pytest.fixture(autouse=True)
def _secret_service_survives(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test on the session's daemon fails when the daemon died during it (saying how), and the
    daemon is started again for the tests after it: one crash must not fail a hundred tests
    with "Prompt dismissed". Tests that kill a keyring client on purpose restart it themselves
    (`after_killing_a_client`)."""
    if "secret_service_env" not in request.fixturenames:
        yield
        return
    env = request.getfixturevalue("secret_service_env")
    yield
    death = daemon(env).restart_if_dead(request.node.nodeid)
    if death is not None:
        pytest.fail(f"gnome-keyring-daemon died during this test: {death}", pytrace=False)


@pytest.fixture
def real_keyring(
    secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, use_backend: UseBackend
) -> Iterator[SecretService.Keyring]:
    """keyring's Secret Service backend on the session's private gnome-keyring, in use for this
    test; the store-audit entries the test adds are removed after it (other tests share the
    daemon)."""
    for name, value in secret_service_env.items():
        monkeypatch.setenv(name, value)
    if not Path(secret_service_env["XDG_DATA_HOME"]).is_dir():
        # gnome-keyring then drops its login keyring: every later call would fail with
        # "Prompt dismissed" (exit 3 through the CLI), which says nothing about why
        pytest.fail(
            f"the test Secret Service's folder {secret_service_env['XDG_DATA_HOME']} was "
            "deleted by another process (a clean-up of /tmp?): its login keyring is gone",
            pytrace=False,
        )
    backend = SecretService.Keyring()
    use_backend(backend)
    before = store_audit_entries()
    yield backend
    for service, user in store_audit_entries() - before:
        backend.delete_password(service, user)


def invoke(
    *args: str | Path, env: dict[str, str] | None = None, input: str | None = None
) -> Result:
    """Run the CLI in-process as a user would, stdout and stderr kept apart; `input` answers its
    prompts."""
    return CliRunner().invoke(
        cli, [str(a) for a in args], env=env, input=input, catch_exceptions=False
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """On Windows, tests marked posix (file modes, FIFOs, a shell...) are skipped: the behaviour
    they check does not exist there; what does is tested without the marker."""
    if sys.platform == "win32":
        for item in items:
            if "posix" in item.keywords:
                item.add_marker(pytest.mark.skip(reason="POSIX only"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many tests ran against the real gnome-keyring daemon, so a CI log shows it."""
    counts = {}
    for outcome in ("passed", "failed", "skipped", "error"):
        reports = terminalreporter.stats.get(outcome, [])
        counts[outcome] = sum(
            1
            for r in reports
            if "secret_service" in getattr(r, "keywords", {})
            and (r.when == "call" or outcome in ("skipped", "error"))
        )
    if any(counts.values()):
        summary = ", ".join(f"{n} {outcome}" for outcome, n in counts.items() if n)
        terminalreporter.write_line(f"real Secret Service (gnome-keyring-daemon) tests: {summary}")
    for crash in crashes():
        terminalreporter.write_line(f"gnome-keyring-daemon died, and was started again: {crash}")
    from tests.canaries import SEARCHES

    if SEARCHES["runs"]:
        terminalreporter.write_line(
            f"canary harness: {SEARCHES['runs']} runs searched ({SEARCHES['texts']} outputs, "
            f"files and messages; {SEARCHES['forms']} secret forms)"
        )
