"""Every parser and normaliser, fed what hypothesis makes up: each gives a result or one clean
error of its own kind, never anything else. Budgets: the "ci" profile by default,
STORE_AUDIT_HYPOTHESIS=large for a long run (tests/conftest.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import tomlkit
from hypothesis import given
from hypothesis import strategies as st

from auditor.breach import BreachCorpusError
from auditor.breach.offline import PrefixDirectory, SortedFile
from auditor.errors import InventoryError
from auditor.intake.importers import IMPORTERS, ExportError
from auditor.intake.importers.bitwarden import COLUMNS as BITWARDEN
from auditor.intake.importers.chrome import COLUMNS as CHROME
from auditor.intake.importers.firefox import COLUMNS as FIREFOX
from auditor.intake.importers.keepassxc import COLUMNS as KEEPASSXC
from auditor.intake.importers.lastpass import COLUMNS as LASTPASS
from auditor.intake.importers.onepassword import COLUMNS as ONEPASSWORD
from auditor.intake.plan import plan_import
from auditor.inventory import Inventory, parse_inventory, platforms
from auditor.secrets import MemoryStore

KEYS = [
    "version",
    "seller",
    "policy",
    "accounts",
    "id",
    "platform",
    "login",
    "mfa",
    "kind",
    "store",
    "region",
    "recovery_email",
    "mfa_phone",
    "password_changed",
    "ignore",
    "check",
    "reason",
    "until",
    "name",
    "domains",
    "fail_on",
    "min_password_score",
    "keyring_service",
]
SCALARS = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-5, max_value=10**6),
    st.booleans(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(
        [
            "amazon",
            "gmail",
            "totp",
            "sms",
            "none",
            "store",
            "mailbox",
            "high",
            "a@b.com",
            "ops@gmail.com",
            "mfa.missing",
            "x",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=20,
)
DOCUMENTS = st.fixed_dictionaries(
    {"version": st.one_of(st.just(1), SCALARS)},
    optional={
        "seller": st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=3),
        "policy": st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=3),
        "accounts": st.lists(
            st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8), max_size=4
        ),
    },
)


def _one_line(error: InventoryError | ExportError | BreachCorpusError) -> None:
    assert error.message and "\n" not in error.message and "Traceback" not in error.message


@given(DOCUMENTS)
def test_any_toml_document_loads_or_fails_cleanly(document: dict[str, Any]) -> None:
    text = tomlkit.dumps(document)
    try:
        result = parse_inventory(text.encode(), Path("any.toml"))
    except InventoryError as error:
        _one_line(error)
    else:
        assert isinstance(result, Inventory)


@given(st.binary(max_size=2000))
def test_any_bytes_load_or_fail_cleanly(raw: bytes) -> None:
    try:
        parse_inventory(raw, Path("any.toml"))
    except InventoryError as error:
        _one_line(error)


CELL = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40
) | st.sampled_from(
    [
        "https://sellercentral.amazon.de/",
        "signin.ebay.co.uk",
        "login",
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP",
        "JBSWY3DPEHPK3PXP",
        "http://sn",
        "Root/Recycle Bin",
        "a@b.com",
        "chrome://FirefoxAccounts",
        "steam://JBSWY3DPEHPK3PXP",
        "space title",
    ]
)
MANAGERS: dict[str, dict[str, tuple[str, ...]]] = {
    "bitwarden": BITWARDEN,
    "1password": ONEPASSWORD,
    "chrome": CHROME,
    "firefox": FIREFOX,
    "keepassxc": KEEPASSXC,
    "lastpass": LASTPASS,
}


@given(st.sampled_from(sorted(MANAGERS)), st.data(), st.booleans())
def test_any_csv_export_gives_a_plan_or_one_clean_error(
    manager: str, data: st.DataObject, keep_unknown: bool
) -> None:
    header = [aliases[0] for aliases in MANAGERS[manager].values()]
    header += data.draw(st.lists(st.text(max_size=8), max_size=2))
    header = data.draw(st.permutations(header))
    rows = data.draw(st.lists(st.lists(CELL, min_size=0, max_size=len(header) + 1), max_size=6))
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    text = data.draw(st.sampled_from(["", "\ufeff"])) + buffer.getvalue()
    try:
        entries = IMPORTERS[manager](text, Path("export.csv"))
        plan = plan_import(
            entries, Inventory(Path("inv.toml"), ()), MemoryStore(), keep_unknown=keep_unknown
        )
    except ExportError as error:
        _one_line(error)
    else:
        ids = [p.account_id for p in plan.proposals]
        assert len(ids) == len(set(ids))


@given(CELL)
def test_a_url_s_host_is_a_host_name_or_none(url: str) -> None:
    host = platforms.url_host(url)
    if host is not None:  # never text that would make a platform name with a space in it
        assert host and host == host.strip().lower() and not set(host) & set(" /@\t\n")


@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_any_text_as_an_export_gives_entries_or_one_clean_error(text: str) -> None:
    for reader in IMPORTERS.values():
        try:
            reader(text, Path("export"))
        except ExportError as error:
            _one_line(error)


@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(
                ["type", "name", "login", "uris", "username", "password", "totp", "uri"]
            ),
            VALUES,
            max_size=5,
        ),
        max_size=4,
    ),
    st.booleans(),
)
def test_any_bitwarden_json_gives_entries_or_one_clean_error(
    items: list[Any], encrypted: bool
) -> None:
    text = json.dumps({"encrypted": encrypted, "items": items}, default=str)
    try:
        IMPORTERS["bitwarden"](text, Path("export.json"))
    except ExportError as error:
        _one_line(error)


HEX40 = st.text(alphabet="0123456789ABCDEF", min_size=40, max_size=40)
LINES = st.lists(st.builds(lambda h, c: f"{h}:{c}", HEX40, st.integers(0, 10**7)), max_size=40)


@given(
    st.one_of(
        st.binary(max_size=3000),
        LINES.map(lambda lines: "\r\n".join(sorted(lines)).encode()),
        st.tuples(LINES, st.binary(max_size=20)).map(
            lambda t: ("\n".join(sorted(t[0])) + "\n").encode() + t[1]
        ),
    ),
    st.lists(HEX40, max_size=5),
)
def test_any_file_opens_as_a_corpus_or_fails_cleanly(raw: bytes, probes: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.txt"
        path.write_bytes(raw)
        try:
            corpus = SortedFile(path)
        except BreachCorpusError as error:
            _one_line(error)
        else:
            counts = corpus.counts(probes)
            assert all(isinstance(n, int) and n >= 0 for n in counts.values())


FILE_NAMES = st.text(alphabet="0123456789ABCDEFabcdefxyz.", min_size=1, max_size=9).filter(
    lambda name: name not in (".", "..")
) | st.sampled_from(["0ABCD.txt", "FFFFF.txt", "a.txt"])


@given(
    st.dictionaries(FILE_NAMES, st.binary(max_size=300), max_size=4), st.lists(HEX40, max_size=4)
)
def test_any_directory_opens_as_a_corpus_or_fails_cleanly(
    files: dict[str, bytes], probes: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            (Path(folder) / name).write_bytes(content)
        try:
            corpus = PrefixDirectory(Path(folder))
            corpus.counts(probes)
        except BreachCorpusError as error:
            _one_line(error)


def test_found_by_the_large_run_a_header_cell_with_a_newline() -> None:
    # a header cell holding a newline once made the error two lines long
    text = '\ufeffurl,username,password,totp,name,,"0\n0"\r\n'
    try:
        IMPORTERS["chrome"](text, Path("export.csv"))
    except ExportError as error:
        _one_line(error)
        assert "0 0" in error.message


def test_found_by_the_large_run_a_login_that_is_not_an_object() -> None:
    text = json.dumps({"items": [{"type": True, "login": "0"}, {"type": 1, "login": "0"}]})
    assert IMPORTERS["bitwarden"](text, Path("export.json"))[0].urls == ()
