"""password.breached: the offline corpus in both layouts (hits, misses, edges, malformed files),
and the online range API against a server on 127.0.0.1 that records everything it receives."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.breach import BreachCorpusError, sha1_hex
from auditor.breach.offline import PrefixDirectory, SortedFile
from auditor.errors import ExitCode
from tests.canaries import find_leaks, random_core
from tests.conftest import invoke
from tests.corpus import (
    corpus_with,
    random_hashes,
    write_prefix_directory,
    write_sorted_file,
)
from tests.keyrings import MemoryKeyring

HEX = st.text(alphabet="0123456789ABCDEF", min_size=40, max_size=40)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final_newline", [True, False])
def test_sorted_file_hits_and_misses_at_the_edges(
    tmp_path: Path, newline: str, final_newline: bool
) -> None:
    counts = {h: i + 1 for i, h in enumerate(sorted(random_hashes(30_000)))}
    ordered = sorted(counts)
    corpus = SortedFile(write_sorted_file(tmp_path / "c.txt", counts, newline, final_newline))
    first, last, middle = ordered[0], ordered[-1], ordered[len(ordered) // 2]
    for present in (
        first,
        last,
        middle,
        ordered[1],
        ordered[-2],
        ordered[middle_i := 15_001],
        ordered[middle_i - 1],
    ):
        assert corpus.count(present) == counts[present], present
    below_first = format(int(first, 16) - 1, "040X") if int(first, 16) else None
    above_last = format(int(last, 16) + 1, "040X")
    between = format(int(middle, 16) + 1, "040X")
    for absent in (below_first, above_last, between, "0" * 40, "F" * 40):
        if absent is not None and absent not in counts:
            assert corpus.count(absent) == 0, absent


@settings(deadline=None)
@given(
    st.sets(HEX, min_size=1, max_size=300),
    st.lists(HEX, max_size=30),
    st.sampled_from(["\n", "\r\n"]),
)
def test_every_hash_is_found_and_nothing_else(
    tmp_path_factory: pytest.TempPathFactory, present: set[str], probes: list[str], newline: str
) -> None:
    counts = {h: len(h) + i for i, h in enumerate(sorted(present))}
    path = tmp_path_factory.mktemp("corpus") / "c.txt"
    corpus = SortedFile(write_sorted_file(path, counts, newline))
    assert corpus.counts(list(present) + probes) == {
        h: counts.get(h, 0) for h in [*present, *probes]
    }


def test_prefix_directory(tmp_path: Path) -> None:
    counts = corpus_with({"password1": 2_427_367, "Acme-2024!": 3})
    root = write_prefix_directory(tmp_path / "range", counts)
    directory = PrefixDirectory(root)
    found = directory.counts([sha1_hex("password1"), sha1_hex("Acme-2024!")])
    assert found == {sha1_hex("password1"): 2_427_367, sha1_hex("Acme-2024!"): 3}
    planted = sha1_hex("password1")
    neighbour = planted[:5] + ("0" * 35 if planted[5:] != "0" * 35 else "1" * 35)
    assert directory.counts([neighbour]) == {neighbour: 0}  # same file, not in it
    missing = next(f"{n:05X}" for n in range(16**5) if not (root / f"{n:05X}.txt").exists())
    with pytest.raises(BreachCorpusError, match="a prefix file is missing") as raised:
        directory.counts([missing + "0" * 35])
    assert missing not in str(raised.value)  # 5 hex digits of a password's hash: never shown


BAD_FILES = {
    "ntlm": (b"0123456789ABCDEF0123456789ABCDEF:12\r\n" * 40, "an NTLM corpus"),
    "unsorted": (
        b"".join(f"{h}:1\n".encode() for h in ["F" * 40] + ["0" * 40] * 50),
        "not sorted by hash",
    ),
    "truncated": (
        "".join(f"{h}:1\n" for h in sorted(random_hashes(200))).encode() + b"FFFFFFFFFFFFFFFFF",
        "ends with an incomplete line",
    ),
    "binary": (bytes(range(256)) * 40, "not a text file"),
    "lower-case": (
        "".join(f"{h.lower()}:1\n" for h in sorted(random_hashes(50))).encode(),
        "not upper-case hex",
    ),
    "empty": (b"", "empty"),
    "csv": (b"url,username,password\nhttps://x,y,z\n", "not a SHA1HEX:COUNT line"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_malformed_corpus_files_get_a_one_line_error(
    tmp_path: Path, name: str, memory_keyring: MemoryKeyring
) -> None:
    content, message = BAD_FILES[name]
    corpus = tmp_path / "corpus.txt"
    corpus.write_bytes(content)
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(
        'version = 1\n[[accounts]]\nid = "a"\nplatform = "ebay"\nlogin = "a@x.test"\nmfa = "totp"\n'
    )
    result = invoke("audit", "--inventory", inventory, "--hibp-file", corpus)
    assert result.exit_code == ExitCode.USAGE
    error = result.stderr.splitlines()[0]
    assert error.startswith(f"store-audit: error: {corpus}: ") and message in error
    assert result.stderr.splitlines()[1].startswith("hint: download the SHA-1 corpus")


def test_malformed_prefix_directories(tmp_path: Path) -> None:
    ntlm = tmp_path / "ntlm"
    ntlm.mkdir()
    (ntlm / "0ABCD.txt").write_bytes(b"0123456789ABCDEF0123456789A:5\r\n")
    with pytest.raises(BreachCorpusError, match="an NTLM corpus"):
        PrefixDirectory(ntlm)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.md").write_text("hi")
    with pytest.raises(BreachCorpusError, match="without XXXXX.txt prefix files"):
        PrefixDirectory(empty)


INVENTORY = """\
version = 1
[[accounts]]
id = "box"
platform = "gmail"
login = "box@gmail.com"
mfa = "totp"
[[accounts]]
id = "shop"
platform = "shopify"
login = "box@gmail.com"
mfa = "totp"
[[accounts]]
id = "etsy"
platform = "etsy"
login = "e@x.test"
mfa = "totp"
"""


@pytest.fixture
def breached_setup(tmp_path: Path, memory_keyring: MemoryKeyring) -> tuple[Path, dict[str, str]]:
    passwords = {
        "box": f"Breached-{random_core()}!",
        "shop": f"Clean-{random_core()}!",
        "etsy": f"Clean-{random_core()}?",
    }
    for account, password in passwords.items():
        login = "e@x.test" if account == "etsy" else "box@gmail.com"
        memory_keyring.entries[f"store-audit/{account}", login] = password
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(INVENTORY)
    return inventory, passwords


def forms_of(passwords: dict[str, str]) -> dict[str, set[str]]:
    from tests.canaries import leak_forms

    return {
        name: leak_forms(p, p) | {sha1_hex(p), sha1_hex(p)[5:], sha1_hex(p).lower()}
        for name, p in passwords.items()
    }


@pytest.mark.parametrize("layout", ["file", "directory"])
def test_audit_reports_breached_passwords_offline(
    tmp_path: Path, layout: str, breached_setup: tuple[Path, dict[str, str]]
) -> None:
    inventory, passwords = breached_setup
    counts = corpus_with({passwords["box"]: 51_234})
    corpus = (
        write_sorted_file(tmp_path / "pwned.txt", counts)
        if layout == "file"
        else write_prefix_directory(
            tmp_path / "pwned", counts, also=tuple(sha1_hex(p) for p in passwords.values())
        )
    )
    result = invoke("audit", "--inventory", inventory, "--hibp-file", corpus, "--format", "json")
    assert result.exit_code == ExitCode.FINDINGS
    data = json.loads(result.stdout)
    breached = [f for f in data["findings"] if f["check"] == "password.breached"]
    assert [f["key"] for f in breached] == ["password.breached:box"]
    assert "51,234 times" in breached[0]["message"] and breached[0]["severity"] == "critical"
    weak_link = next(f for f in data["findings"] if f["check"] == "recovery.weak-link")
    assert "has a password found in breaches" in weak_link["message"]
    assert data["breach_source"].startswith("Pwned Passwords")
    for fmt in ("table", "json", "markdown", "csv", "html", "sarif", "junit"):
        out = invoke("audit", "--inventory", inventory, "--hibp-file", corpus, "--format", fmt)
        assert find_leaks([out.stdout, out.stderr], forms_of(passwords)) == []


class RecordingRange(BaseHTTPRequestHandler):
    """Answers /range/XXXXX from `answers`, records every raw request."""

    answers: dict[str, str] = {}
    received: list[bytes] = []
    status_plan: list[int] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        raw = self.requestline.encode() + b"\r\n" + bytes(self.headers)
        type(self).received.append(raw)
        if type(self).status_plan:
            status = type(self).status_plan.pop(0)
            self.send_response(status)
            self.send_header("Retry-After", "0")
            self.end_headers()
            return
        prefix = self.path.rsplit("/", 1)[-1]
        body = type(self).answers.get(prefix, "")
        padding = "".join(f"{'0' * 34}{i:X}:0\r\n" for i in range(3))
        data = (body + padding).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def range_server() -> Iterator[tuple[str, type[RecordingRange]]]:
    handler = type("Handler", (RecordingRange,), {"answers": {}, "received": [], "status_plan": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/range/", handler
    finally:
        server.shutdown()
        server.server_close()


def test_online_sends_only_prefixes(
    range_server: tuple[str, type[RecordingRange]], breached_setup: tuple[Path, dict[str, str]]
) -> None:
    url, handler = range_server
    inventory, passwords = breached_setup
    leaked = sha1_hex(passwords["box"])
    handler.answers[leaked[:5]] = f"{leaked[5:]}:777\r\n"
    result = invoke(
        "audit", "--inventory", inventory, "--hibp-online", "--hibp-url", url, "--format", "json"
    )
    assert result.exit_code == ExitCode.FINDINGS, result.stderr
    keys = {f["key"]: f for f in json.loads(result.stdout)["findings"]}
    assert "777 times" in keys["password.breached:box"]["message"]
    assert "password.breached:shop" not in keys
    prefixes = sorted({sha1_hex(p)[:5] for p in passwords.values()})
    paths = sorted(r.split(b" ")[1].decode() for r in handler.received)
    assert paths == [f"/range/{p}" for p in prefixes]  # one request per distinct prefix
    for raw in handler.received:
        assert b"Add-Padding: true" in raw
    sent = [r.decode("latin-1") for r in handler.received]
    forms = forms_of(passwords)
    for name, password in passwords.items():
        suffix = sha1_hex(password)[5:]
        forms[name] |= {suffix[i : i + 8] for i in range(len(suffix) - 7)}
    assert find_leaks(sent + [result.stdout, result.stderr], forms) == []


def test_online_retries_429_and_5xx_then_succeeds(
    range_server: tuple[str, type[RecordingRange]], breached_setup: tuple[Path, dict[str, str]]
) -> None:
    url, handler = range_server
    inventory, _ = breached_setup
    handler.status_plan = [429, 503]
    result = invoke(
        "audit",
        "--inventory",
        inventory,
        "--hibp-online",
        "--hibp-url",
        url,
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert len(handler.received) == 3 + 2  # three prefixes, two of the answers retried


def test_online_failures_are_exit_3(
    range_server: tuple[str, type[RecordingRange]], breached_setup: tuple[Path, dict[str, str]]
) -> None:
    url, handler = range_server
    inventory, passwords = breached_setup
    handler.status_plan = [500] * 50
    result = invoke("audit", "--inventory", inventory, "--hibp-online", "--hibp-url", url)
    assert result.exit_code == ExitCode.KEYRING
    assert result.stderr.splitlines()[0] == (
        "store-audit: error: the Pwned Passwords service answered HTTP 500 for a range request"
    )
    closed = invoke(
        "audit",
        "--inventory",
        inventory,
        "--hibp-online",
        "--hibp-url",
        "http://127.0.0.1:9/range/",
    )
    assert closed.exit_code == ExitCode.KEYRING
    assert "cannot be reached" in closed.stderr and "Traceback" not in closed.stderr
    both = invoke("audit", "--inventory", inventory, "--hibp-online", "--hibp-file", inventory)
    assert both.exit_code == ExitCode.USAGE
    assert find_leaks([result.stderr, closed.stderr], forms_of(passwords)) == []


def test_a_corrupt_prefix_file_is_not_named(tmp_path: Path) -> None:
    # issue 26, item 5: its name is 5 hex digits of a stored password's SHA-1
    counts = corpus_with({"password1": 5})
    root = write_prefix_directory(tmp_path / "range", counts)
    prefix = sha1_hex("password1")[:5]
    (root / f"{prefix}.txt").write_bytes(b"this is not a suffix line\r\n")
    with pytest.raises(BreachCorpusError, match="a line is not SUFFIX:COUNT") as raised:
        PrefixDirectory(root).counts([sha1_hex("password1")])
    assert prefix not in str(raised.value)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_corpus_that_is_no_regular_file_is_refused_without_reading(
    tmp_path: Path, kind: str
) -> None:
    # issue 26, item 9: a FIFO would hang the audit, /dev/zero would fill its memory
    counts = corpus_with({"password1": 5})
    root = write_prefix_directory(tmp_path / "range", counts)
    prefix = sha1_hex("password1")[:5]
    single = tmp_path / "corpus.txt"
    for planted in (root / f"{prefix}.txt", single):
        planted.unlink(missing_ok=True)
        if kind == "fifo":
            os.mkfifo(planted)
        else:
            planted.symlink_to("/dev/zero")
    with pytest.raises(BreachCorpusError) as raised:
        PrefixDirectory(root).counts([sha1_hex("password1")])
    assert prefix not in str(raised.value)
    with pytest.raises(BreachCorpusError, match="not a regular file"):
        SortedFile(single)
