"""Choosing the language: `--lang` on every command, else $STORE_AUDIT_LANG, else the locale
(LANGUAGE, LC_ALL, LC_MESSAGES, LANG); every spelling of Simplified Chinese picks it, and click's
own messages follow."""

from __future__ import annotations

import pytest

from auditor.cli import COMMANDS
from auditor.i18n import choice
from tests.conftest import invoke

LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zh_CN", "zh-CN"),
        ("zh_CN.UTF-8", "zh-CN"),
        ("zh_CN.GB18030", "zh-CN"),
        ("zh_SG", "zh-CN"),
        ("zh-Hans", "zh-CN"),
        ("zh-Hans-SG", "zh-CN"),
        ("zh_Hans_CN.utf8", "zh-CN"),
        ("zh", "zh-CN"),
        ("ZH-cn", "zh-CN"),
        ("zh_TW", None),
        ("zh_HK.UTF-8", None),
        ("zh-Hant", None),
        ("en_US.UTF-8", "en"),
        ("en", "en"),
        ("C", "en"),
        ("POSIX", "en"),
        ("C.UTF-8", "en"),
        ("fr_FR.UTF-8", None),
    ],
)
def test_locale_names(name: str, expected: str | None) -> None:
    assert choice.normalize(name) == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh-CN"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_SG.UTF-8"}, "zh-CN"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, "zh-CN"),
        ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "en"}, "en"),
        # the first language of LANGUAGE store-audit speaks wins; French it does not
        ({"LANGUAGE": "fr:zh_CN", "LANG": "en_US.UTF-8"}, "zh-CN"),
        ({"LANGUAGE": "fr", "LANG": "zh_CN.UTF-8"}, "zh-CN"),
        ({"LANG": "zh_TW.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "STORE_AUDIT_LANG": "en"}, "en"),
        ({"LANG": "C", "STORE_AUDIT_LANG": "zh-Hans"}, "zh-CN"),
    ],
)
def test_the_environment_chooses(environ: dict[str, str], expected: str) -> None:
    assert choice.choose([], environ) == expected


def test_lang_outranks_the_environment() -> None:
    environ = {"STORE_AUDIT_LANG": "en", "LANG": "en_US.UTF-8"}
    assert choice.choose(["audit", "--lang", "zh-CN"], environ) == "zh-CN"
    assert choice.choose(["--lang=zh_CN", "demo"], environ) == "zh-CN"
    assert choice.choose(["--lang", "zh-CN", "demo", "--lang", "en"], environ) == "en"
    # after --, it is an argument, not an option
    assert choice.choose(["set", "x", "--", "--lang", "zh-CN"], environ) == "en"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_takes_lang(command: str) -> None:
    result = invoke(command, "--lang", "zh-CN", "--help")
    assert result.exit_code == 0, result.output
    assert "--lang [zh-CN|en]" in result.stdout
    assert "用法：" in result.stdout


def test_click_usage_errors_follow_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORE_AUDIT_LANG")
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = invoke("audit", "--no-such-option")
    assert result.exit_code == 2
    assert "错误：没有 '--no-such-option' 这个选项。" in result.stderr
    # and back in English for the next run in the same process
    english = invoke("audit", "--lang", "en", "--no-such-option")
    assert "Error: No such option '--no-such-option'." in english.stderr


def test_a_bad_lang_is_a_usage_error() -> None:
    result = invoke("checks", "--lang", "fr")
    assert result.exit_code == 2
    assert "'fr' is not one of zh-CN, en" in result.stderr


def test_a_bad_setting_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORE_AUDIT_LANG", "klingon")
    result = invoke("checks")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "store-audit: error: $STORE_AUDIT_LANG: 'klingon' is not one of zh-CN, en"
    )
    # --lang on the command line settles it
    assert invoke("checks", "--lang", "en").exit_code == 0
