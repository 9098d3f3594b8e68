"""Machine-readable output in either language: the same ids, keys, field names and exit codes,
the messages in the chosen language and the language named (`lang`), so a baseline written in
one language gates a run in the other."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from auditor.errors import ExitCode
from tests.conftest import invoke
from tests.keyrings import MemoryKeyring
from tests.report.test_gate import NEW_STORE, setup


def fields(value: object) -> object:
    """The shape of a JSON document: its keys and list lengths, with no text in it."""
    if isinstance(value, dict):
        return {key: fields(item) for key, item in value.items()}
    if isinstance(value, list):
        return [fields(item) for item in value]
    return type(value).__name__


@pytest.mark.parametrize(
    ("first", "second"), [("en", "zh-CN"), ("zh-CN", "en")], ids=["en→zh-CN", "zh-CN→en"]
)
def test_a_baseline_gates_a_run_in_the_other_language(
    tmp_path: Path, memory_keyring: MemoryKeyring, first: str, second: str
) -> None:
    path = setup(tmp_path, memory_keyring)
    baseline = tmp_path / "baseline.json"
    written = invoke("audit", "--inventory", path, "--lang", first, "--write-baseline", baseline)
    assert written.exit_code == ExitCode.OK, written.stderr
    same = invoke("audit", "--inventory", path, "--lang", second, "--baseline", baseline)
    assert same.exit_code == ExitCode.OK, same.stderr
    report = json.loads(same.stdout)
    assert report["lang"] == second
    assert report["summary"]["new"] == 0 and report["fixed_since_baseline"] == []
    # a new weakness in the other language is still new, and fails the gate
    path.write_text(path.read_text() + NEW_STORE)
    memory_keyring.entries["store-audit/etsy", "owner@gmail.com"] = "q7#Vx2!mPz9Lw4Rt"
    gated = invoke("audit", "--inventory", path, "--lang", second, "--baseline", baseline)
    assert gated.exit_code == ExitCode.FINDINGS
    assert json.loads(gated.stdout)["summary"]["new"] > 0


def test_json_keeps_its_shape_and_says_its_language(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = setup(tmp_path, memory_keyring)
    english = json.loads(invoke("audit", "--inventory", path, "--lang", "en").stdout)
    chinese = json.loads(invoke("audit", "--inventory", path, "--lang", "zh-CN").stdout)
    assert (english["lang"], chinese["lang"]) == ("en", "zh-CN")
    english.pop("generated_at"), chinese.pop("generated_at")
    assert fields(english) == fields(chinese)
    for key in ("findings", "checklist"):
        ids = [{k: v for k, v in row.items() if k not in ("message", "remediation", "action")}
               for row in english[key]]  # fmt: skip
        assert ids == [
            {k: v for k, v in row.items() if k not in ("message", "remediation", "action")}
            for row in chinese[key]
        ]


def test_sarif_and_junit_say_their_language(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring)
    rules = {}
    for lang in ("en", "zh-CN"):
        sarif = invoke("audit", "--inventory", path, "--lang", lang, "--format", "sarif")
        run = json.loads(sarif.stdout)["runs"][0]
        assert run["language"] == lang
        rules[lang] = [(r["ruleId"], r["properties"]["key"]) for r in run["results"]]
        junit = invoke("audit", "--inventory", path, "--lang", lang, "--format", "junit")
        root = ET.fromstring(junit.stdout)  # noqa: S314 (our own output)
        langs = {p.get("value") for p in root.iter("property") if p.get("name") == "lang"}
        assert langs == {lang}
    assert rules["en"] == rules["zh-CN"] and ("mfa.missing", "mfa.missing:shop") in rules["en"]


def test_html_names_its_language(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = setup(tmp_path, memory_keyring)
    for lang in ("en", "zh-CN"):
        page = invoke("audit", "--inventory", path, "--lang", lang, "--format", "html").stdout
        assert f'<html lang="{lang}">' in page
        assert '"Noto Sans CJK SC"' in page and '"Microsoft YaHei"' in page
