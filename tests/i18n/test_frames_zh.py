"""The frame every report and map puts around the findings, in Chinese: headings, labels,
counts, the breach line, the onboard verdict, the sign-in map. The findings' own wording is the
checks' (tests/checks); here, what the formats add must not be left in English, and Chinese
text must still line up and fit a terminal."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from auditor import i18n
from auditor.checks import AuditContext
from auditor.demo import demo_inventory_path, demo_store
from auditor.i18n.width import display_width
from auditor.inventory import load_inventory
from auditor.inventory.platforms import PLATFORMS
from auditor.lockout import MAP_FORMATS
from auditor.report import FORMATS
from auditor.report.signin_map import build_map
from auditor.secrets import read_secrets
from auditor.vocabulary import Severity
from tests.i18n.untranslated import english_left
from tests.test_golden import example

TODAY = dt.date(2026, 11, 27)
PLATFORM_NAMES = [word for p in PLATFORMS.values() for word in p.name.split()]
"""Platform names stay as they are (QQ Mail, PingPong, Temu)."""

FRAME = (
    "store-audit report",
    "Hardening checklist",
    "Findings by account",
    "Findings involving",
    "Protects",
    "Resolves",
    "Breached passwords",
    "looked up in",
    "Who signs in where",
    "Mailboxes",
    "Phones",
    "People",
    "signs in to:",
    "recovers:",
    "backup codes",
    "not in the inventory",
    "sign-in page",
    "What is wrong",
    "What to do",
    "generated 2026",
)
"""English the formats themselves write around the findings."""


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.use(i18n.CHINESE)
    yield
    i18n.use(i18n.ENGLISH)


def example_map(name: str) -> str:
    inventory = load_inventory(demo_inventory_path())
    secrets = read_secrets(inventory.accounts, demo_store(inventory))
    return MAP_FORMATS[name](build_map(AuditContext(inventory, secrets, TODAY)))


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("format_name", ["table", "markdown", "html"])
def test_no_frame_text_is_left_in_english(format_name: str) -> None:
    text = FORMATS[format_name](example(baseline=True))
    assert [words for words in FRAME if words in text] == []


@pytest.mark.usefixtures("chinese")
def test_the_html_badges_and_counts_are_chinese_and_keep_their_ids_as_classes() -> None:
    page = FORMATS["html"](example(baseline=True))
    assert '<span class="sev critical">严重</span>' in page
    assert '<li class="high"><b>21</b>高</li>' in page
    assert "<li><b>1</b>已忽略</li>" in page


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("name", ["table", "markdown"])
def test_the_chinese_map_has_no_english_left(name: str) -> None:
    assert english_left(example_map(name), PLATFORM_NAMES) == []


@pytest.mark.usefixtures("chinese")
def test_the_chinese_map_fits_80_columns() -> None:
    assert [line for line in example_map("table").splitlines() if display_width(line) > 80] == []


@pytest.mark.usefixtures("chinese")
def test_chinese_severities_line_up_with_the_lines_under_them() -> None:
    """A Chinese severity takes two columns a character: the key after it starts where the
    message lines under it do."""
    lines = FORMATS["table"](example(baseline=False)).splitlines()
    start = lines.index(next(line for line in lines if line.startswith("严重程度    问题")))
    findings = lines[start + 2 :]
    keys = [line for line in findings if re.match(r"\S+\s+[a-z]+\.[a-z-]+:", line)]
    indents = {len(line) - len(line.lstrip()) for line in findings if line.startswith(" ")}
    starts = {display_width(re.match(r"\S+\s+", line).group()) for line in keys}  # type: ignore[union-attr]
    assert len(keys) > 10 and starts == {12} and 12 in indents


@pytest.mark.usefixtures("chinese")
def test_the_onboard_verdict_is_chinese() -> None:
    report = replace(example(baseline=False), gate_account="etsy", fail_on=Severity.HIGH)
    verdict = report.gate_verdict() or ""
    assert verdict.startswith("onboard etsy：未通过：") and "“高”" in verdict
    off = replace(report, fail_on=None).gate_verdict()
    assert off == "onboard etsy：通过：把关已关闭（--fail-on never）"


def test_a_person_who_left_is_said_once_in_english() -> None:
    table = chinese_map_in_english()
    assert "shenzhen-agency  agency  left 2026-10-20" in table


def chinese_map_in_english() -> str:
    i18n.use(i18n.ENGLISH)
    return example_map("table")


@pytest.mark.usefixtures("chinese")
def test_junit_and_sarif_texts_are_chinese_and_their_ids_are_not() -> None:
    report = replace(example(baseline=False), fail_on=Severity.HIGH)
    junit = FORMATS["junit"](report)
    assert 'type="email.typo-domain" message="严重：etsy：辅助邮箱' in junit
    assert "低（待处理）：mfa.totp-weak-seed:ebay：ebay 存的 TOTP 密钥只有 80 位" in junit
    assert 'name="store-audit inventory-wide checks"' in junit
    sarif = FORMATS["sarif"](report)
    assert '"text": "触发条件：' in sarif and '"ruleId": "email.typo-domain"' in sarif


@pytest.mark.usefixtures("chinese")
def test_a_baseline_that_is_not_one_is_said_in_chinese(tmp_path: Path) -> None:
    from auditor.errors import UsageError
    from auditor.report.baseline import load_baseline

    with pytest.raises(UsageError) as missing:
        load_baseline(tmp_path / "none.json")
    assert missing.value.message.endswith("none.json：没有这个基线文件")
    assert missing.value.hint == "请先用 --write-baseline 生成一个"
    (tmp_path / "other.json").write_text('{"schema": "x"}')
    with pytest.raises(UsageError) as other:
        load_baseline(tmp_path / "other.json")
    assert other.value.message.endswith(
        "不是 store-audit 基线文件（应为 schema store-audit/baseline/1）"
    )
