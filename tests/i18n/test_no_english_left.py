"""No English left: every command and format (tests/i18n/commands.py), run through the real CLI
on the example inventory and its demo secrets in a keyring, in zh-CN with nothing but
`STORE_AUDIT_LANG=zh-CN` set, prints no message that is still its English source. What stays as
it is in every language is kept out (untranslated.py: ids, keys, URLs, addresses, commands,
product names, the inventory's own values); machine formats are read only where they carry prose
(a JSON/SARIF string, a CSV cell, an XML text with a space in it: `high` or `mfa.missing` is an
id). A failure names the command and each English line."""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import subprocess  # noqa: S404
import sys
import xml.etree.ElementTree as ET  # noqa: S405 (our own report, not untrusted XML)
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import COMMANDS, cli
from auditor.demo import DEMO_PASSWORDS, demo_inventory_path, demo_store
from auditor.intake.importers import ALIASES_HELP
from auditor.inventory import load_inventory
from auditor.inventory.reader import ACCOUNT_KEYS
from auditor.report import FORMATS
from tests.exports import bitwarden_csv, make_logins
from tests.i18n.commands import CASES, COMMAND_NAMES, TYPED, Case, pwned_file, typed
from tests.i18n.untranslated import PRODUCTS, english_left, sources_left
from tests.keyrings import MemoryKeyring

KEEP = ("MemoryKeyring", "tests.keyrings", "DIR", *TYPED)
"""The test's own keyring backend, which doctor and errors name as keyring names any backend,
the scratch folder, and the values the cases type (new ids, typos)."""

_HELP_NAMES = re.compile(
    r"(?m)^ {2}[a-z][a-z-]*(?= {2,})|\[[\w|.-]+\]|(?<![\w-])[A-Z]{2,}(?![\w-])|\w+\.\.\."
    r"|(?<=默认：)[\w-]+"
    r"|(?<![\w-])("
    + "|".join(sorted({*ACCOUNT_KEYS, *FORMATS, *COMMANDS}, key=len, reverse=True))
    + r")(?![\w=-])"
)
"""In `--help`: a command's name at the head of its line, an option's choices [a|b], a value's
name (FILE), a default value ([默认：text]), a word cut short (`re...`), and the inventory keys,
formats and commands options name (与 audit 相同)."""


@pytest.fixture
def example(tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder with the example inventory, its secrets in the keyring, and the files
    the cases read (a breach corpus, an old baseline, an export, broken inventories)."""
    monkeypatch.setenv("STORE_AUDIT_LANG", "zh-CN")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    inventory = tmp_path / "store-audit.toml"
    inventory.write_bytes(demo_inventory_path().read_bytes())
    memory_keyring.entries.update(demo_store(load_inventory(inventory))._entries)
    (tmp_path / "pwned.txt").write_text(pwned_file(DEMO_PASSWORDS["ebay"]))
    old = ["mfa.missing:shopify", "password.reused:ebay,gmail-owner", "mfa.unknown:tiktok"]
    (tmp_path / "old-baseline.json").write_text(
        json.dumps({"schema": "store-audit/baseline/1", "keys": old})
    )
    (tmp_path / "bitwarden.csv").write_text(bitwarden_csv(make_logins()), encoding="utf-8")
    (tmp_path / "bad.toml").write_text('version = 1\n[[accounts]]\nid = "x"\nlogin = "a@b.test"\n')
    text = inventory.read_text("utf-8")
    (tmp_path / "unknown-key.toml").write_text(text.replace('mfa = "email"', 'mfa = "fax"'))
    (tmp_path / "not-toml.toml").write_text("version = 1\n[[accounts]\nid = ")
    # what a Chinese input method types: the quotes, a comma, the @ of a login; a singular table
    for name, was, slip in [
        ("full-width-quotes", 'mfa = "email"', "mfa = “email”"),
        ("full-width-comma", '["US", "CA", "JP"]', '["US"， "CA"， "JP"]'),
        ("full-width-login", 'login = "1234567890@qq.com"', 'login = "1234567890＠qq.com"'),
        ("top-level", "[[accounts]]", "[[account]]"),
    ]:
        assert was in text
        (tmp_path / f"{name}.toml").write_text(text.replace(was, slip, 1), encoding="utf-8")
    return tmp_path


def run(case: Case, folder: Path) -> tuple[int, list[str]]:
    """Run one case; its exit code, and its output and the files it wrote as texts a person
    reads. `--help` runs as its own process, as a user runs it: click keeps a command's help
    option once made, in the language of the first run in a process."""
    args = [a.replace("{inv}", str(folder / "store-audit.toml")) for a in case.args]
    args = [a.replace("{dir}", str(folder)) for a in args]
    if "--help" in case.args:
        ran = subprocess.run(  # noqa: S603 (this interpreter, our own module)
            [sys.executable, "-m", "auditor", *args], capture_output=True, text=True, check=False
        )
        exit_code, texts = ran.returncode, [ran.stdout, ran.stderr]
        # command names, option names and their choices stay as they are
        texts = [_HELP_NAMES.sub(lambda m: m[0] if m[0] in PRODUCTS else " ", t) for t in texts]
    else:
        result = CliRunner().invoke(
            cli,
            args,
            input=typed(case.input) if case.input else None,
            prog_name="store-audit",
            catch_exceptions=False,
        )
        exit_code, texts = result.exit_code, [result.stdout, result.stderr]
    texts += [(folder / name).read_text("utf-8") for name in case.files if (folder / name).exists()]
    return exit_code, [t.replace(str(folder), "DIR") for t in texts]


def prose(text: str) -> list[str]:
    """The lines of `text` a person reads: every line of a terminal or Markdown text; the text
    of an HTML page; in JSON, SARIF, CSV and XML only the strings with a space in them."""
    stripped = text.lstrip()
    if stripped.startswith("<!DOCTYPE") or stripped.startswith("<html"):
        return _html_text(text)
    if stripped.startswith(("{", "[")):
        try:
            return _spaced(_json_strings(json.loads(text)))
        except json.JSONDecodeError:
            pass
    if stripped.startswith("<?xml"):
        root = ET.fromstring(text)  # noqa: S314
        return _spaced(
            s
            for e in root.iter()
            for s in [e.text or "", *(v for k, v in e.attrib.items() if k not in _XML_IDS)]
        )
    if stripped.startswith("key,") or stripped.startswith("check,"):
        return _spaced(cell for row in csv.reader(io.StringIO(text)) for cell in row)
    # a command in backticks may be wrapped over lines (a table cell): kept whole all the same
    return re.sub(r"`[^`]*`", lambda m: re.sub(r"[^\n]", " ", m[0]), text).splitlines()


_XML_IDS = ("name", "classname")
"""JUnit's test suite and test case names: ids a CI system keys its history on."""


def _spaced(strings: object) -> list[str]:
    return [line for s in strings for line in str(s).splitlines() if " " in line.strip()]  # type: ignore[attr-defined]


_JSON_IDS = ("status",)
"""JSON fields whose values are ids with a space in them (`"status": "in baseline"`)."""


def _json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [
            s for key, item in value.items() if key not in _JSON_IDS for s in _json_strings(item)
        ]
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    return []


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "script", "code")
        self.lines += [v for k, v in attrs if k in ("title", "alt", "aria-label") and v]

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script", "code")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.lines += [line for line in data.splitlines() if line.strip()]


def _html_text(text: str) -> list[str]:
    parser = _Text()
    parser.feed(text)
    return parser.lines


_PARSER_DETAIL = re.compile(r"(?<=TOML 格式错误：)[A-Z].*")
"""What Python's tomllib says is wrong in a file: it speaks English only, so its detail follows
store-audit's Chinese frame (`第 2 行：TOML 格式错误：Expected ']]' …`) as it says it. store-audit's
own detail (a full-width character a Chinese input method typed) is Chinese, and read."""


def english_lines(texts: list[str]) -> list[str]:
    """Each line still in English, with the words that are."""
    found = []
    for text in texts:
        for line in (_PARSER_DETAIL.sub("", line) for line in prose(text)):
            words = english_left(line, KEEP)
            left = sources_left(line)
            if words or left:
                found.append(f"{' '.join(dict.fromkeys(words + left))!r} in: {line.strip()}")
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_no_english_left(case: Case, example: Path) -> None:
    exit_code, texts = run(case, example)
    assert exit_code in case.exits, (case.name, exit_code, texts[1])
    assert "Traceback" not in texts[1]
    english = english_lines(texts)
    assert not english, f"store-audit {case.name} (zh-CN) prints English:\n" + "\n".join(english)


def test_every_command_has_a_case() -> None:
    assert set(COMMANDS) == COMMAND_NAMES


def test_the_detector_sees_an_english_line() -> None:
    """The harness would fail on a message left in English (and on an English source sentence
    quoted inside Chinese), but not on the things that stay as they are."""
    assert english_lines(["请为 amazon-na 开启两步验证：`store-audit why amazon-na`"]) == []
    assert english_lines(['{"message": "Turn on 2FA for amazon-na", "check": "mfa.missing"}'])
    assert english_lines(["账户 ebay：no backup codes are recorded"])
    assert english_lines(["错误：DIR/missing.toml: no such file"])
    # tomllib's own detail is let be; store-audit's after the same frame is read
    assert english_lines(["错误：x.toml：第 2 行：TOML 格式错误：Expected ']]' at the end"]) == []
    assert english_lines(["错误：x.toml：第 2 行：TOML 格式错误：'，' typed with an input method"])
    # a value typed or quoted, a list of inventory keys, a value's name: as they are written
    assert (
        english_lines(["错误：没有 'shopfy'：类型变成 \"other\"（可以是 login, platform, kind）"])
        == []
    )
    assert english_lines(["记录：store-audit set amazon-eu mfa_phone=NEW-NUMBER"]) == []
    assert not re.search("Turn", " ".join(english_lines(['{"check": "Turn"}'])))


def test_import_help_names_every_alias() -> None:
    """`import --help`'s --from text is a literal (so it is translated); it still names the
    aliases the importers define."""
    from auditor.cli.accounts import import_

    from_option = next(p for p in import_.params if p.name == "manager")
    assert f"; {ALIASES_HELP}." in str(getattr(from_option, "english_help", from_option.help))
