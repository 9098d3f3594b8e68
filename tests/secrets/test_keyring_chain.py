"""keyring's ChainerBackend, as `keyring` itself picks it when keyrings.alt is installed beside a
real gnome-keyring: store-audit reads the Secret Service member in bulk and answers exactly what
`keyring.get_password` answers, entry by entry, including entries only the second backend holds.

Each case runs in a child process started the way a user starts one (no backend named), because
`keyring` decides which backends are viable once per process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.canaries import find_leaks, leak_forms, random_core
from tests.secret_service import private_secret_service
from tests.secrets.test_secret_service import base_env, run_cli

pytestmark = pytest.mark.secret_service


@pytest.fixture
def chain_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A daemon of each test's own (the entries written here stay out of the shared one), and
    its own plaintext file for keyrings.alt."""
    with private_secret_service() as env:
        yield base_env(tmp_path) | env | {"XDG_DATA_HOME": str(tmp_path / "data")}


# Runs in the child. Writes through the chain's members (the Secret Service first, the plaintext
# file second), then compares store-audit's bulk read with keyring.get_password for every pair,
# counting how often the Secret Service was asked for a single entry.
CHILD = """
import json, sys
import keyring
from keyring.backends import SecretService
from auditor.secrets import KeyringStore

chain = keyring.get_keyring()
members = list(chain.backends)
service, plaintext = members
spec = json.loads(sys.stdin.read())
for (s, u), v in spec["secret_service"]:
    service.set_password(s, u, v)
for (s, u), v in spec["second"]:
    plaintext.set_password(s, u, v)
pairs = [tuple(p) for p in spec["pairs"]]
single = {"calls": 0}
original = SecretService.Keyring.get_password
def counted(self, s, u):
    single["calls"] += 1
    return original(self, s, u)
SecretService.Keyring.get_password = counted
bulk = KeyringStore().read_many(pairs)
SecretService.Keyring.get_password = original
expected = {p: keyring.get_password(*p) for p in pairs}
print(json.dumps({
    "backend": type(chain).__name__,
    "members": [type(m).__name__ for m in members],
    "mismatched": [list(p) for p in pairs if bulk[p] != expected[p]],
    "answered": sum(v is not None for v in bulk.values()),
    "secret_service_single_reads": single["calls"],
}))
"""


def test_keyrings_alt_is_installed_for_these_tests() -> None:
    # Declared in the test extra: without it keyring picks the Secret Service alone, and the
    # chain tests below would test nothing.
    import importlib.util

    assert importlib.util.find_spec("keyrings.alt") is not None


@pytest.mark.parametrize("filler", [0, 40], ids=["enumerate", "search"])
def test_chain_reads_answer_what_keyring_answers(chain_env: dict[str, str], filler: int) -> None:
    only_service = [
        [["store-audit/a", "ops@acme.test"], "a-only-in-secret-service"],
        [["store-audit/a/totp", "ops@acme.test"], "JBSWY3DPEHPK3PXP"],
        [["vault/override", "Owner+x@acme.test"], "pässwörd ✓"],
    ]
    both = [["store-audit/b", "b@acme.test"], "the-secret-service-value"]
    spec = {
        "secret_service": [*only_service, both]
        + [[[f"other-app/{i}", "someone"], "not ours"] for i in range(filler)],
        "second": [
            [["store-audit/c", "c@acme.test"], "only-in-the-plaintext-file"],
            [both[0], "the-plaintext-value"],
        ],
        "pairs": [
            *(pair for pair, _ in only_service),
            both[0],
            ["store-audit/c", "c@acme.test"],
            ["store-audit/missing", "ops@acme.test"],
            ["store-audit/c/totp", "c@acme.test"],
        ],
    }
    child = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps(spec),
        env=chain_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout)
    assert result["backend"] == "ChainerBackend"
    assert result["members"] == ["Keyring", "PlaintextKeyring"]
    assert result["mismatched"] == []
    assert result["answered"] == 5  # three from the Secret Service, c from the file, b once
    assert result["secret_service_single_reads"] == 0  # the Secret Service was read in bulk


INVENTORY = """\
version = 1
[[accounts]]
id = "gmail-owner"
platform = "gmail"
login = "owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "etsy"
platform = "etsy"
login = "owner@gmail.com"
mfa = "totp"
[[accounts]]
id = "ebay"
platform = "ebay"
login = "ebay-login"
mfa = "totp"
"""

SET = """
import sys, keyring
chain = keyring.get_keyring()
service, plaintext = chain.backends
for line in sys.stdin.read().splitlines():
    where, s, u, v = line.split("\\t")
    (service if where == "service" else plaintext).set_password(s, u, v)
"""


def test_audit_through_the_chain_finds_a_password_only_the_file_holds(
    chain_env: dict[str, str], tmp_path: Path
) -> None:
    """A user who keeps one password in keyrings.alt's file: the audit reads it (no
    password.missing) and finds the reuse, as `keyring` would answer."""
    shared = f"Shared-{random_core()}!"
    own = f"Q{random_core()}#x"
    entries = [
        ("service", "store-audit/gmail-owner", "owner@gmail.com", shared),
        ("service", "store-audit/ebay", "ebay-login", own),
        ("file", "store-audit/etsy", "owner@gmail.com", shared),
    ]
    env = chain_env
    subprocess.run(
        [sys.executable, "-c", SET],
        input="\n".join("\t".join(e) for e in entries),
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    path = tmp_path / "store-audit.toml"
    path.write_text(INVENTORY)
    result = run_cli(["audit", "--inventory", str(path), "--format", "json"], env)
    assert result.returncode == ExitCode.FINDINGS, result.stderr
    keys = {f["key"] for f in json.loads(result.stdout)["findings"]}
    assert "password.reused:etsy,gmail-owner" in keys
    assert not {k for k in keys if k.startswith("password.missing")}
    forms = {f"{s}|{u}": leak_forms(v, v) for _, s, u, v in entries}
    assert find_leaks([result.stdout, result.stderr], forms) == []
