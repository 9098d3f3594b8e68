"""The everyday commands' own lines in Chinese: `list`, `remove`, `rename`, `offboard`, the
one-line errors and hints, `onboard`'s verdict, `demo`'s note, prompts and progress. Each output is
searched for English left in it (tests/i18n/untranslated.py): only ids, commands, URLs, product
names and the user's own values may stay."""

from __future__ import annotations

import os
import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from auditor.demo import demo_inventory_path
from tests.conftest import invoke
from tests.i18n.untranslated import english_left, sources_left
from tests.intake.terminal import run_on_a_terminal
from tests.keyrings import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = demo_inventory_path()
PEOPLE = ("owner", "li-wei", "maria", "shenzhen-agency", "erp")
KEEP = ("Seller", "Center", "user", "management", "nobody", "amazon-us", "etsy-shop")
"""Walmart's page title, shown as Walmart names it (no Chinese page of it was found), and the
ids the tests type."""


def _kept_out(text: str) -> str:
    """`text` without what stays as it is in every language that the detector does not know
    yet: the command lines offered to copy, a TOML line to paste, file paths, the commands'
    names and the catalog's platform names."""
    from auditor.inventory import platforms

    text = re.sub(r"store-audit [a-z].*$|left = .*$", " ", text, flags=re.M)
    text = re.sub(r"(?<![\w:/.%-])/[\w./-]+", " ", text)  # a path, not a URL's
    text = re.sub(r"^(?:store-audit：错误：)?(?:remove|onboard) ", " ", text, flags=re.M)
    inventory = tomllib.loads(EXAMPLE.read_text("utf-8"))
    for account in inventory["accounts"]:
        text = text.replace(platforms.display_name(account["platform"]), " ")
    return text


def _no_english(text: str) -> None:
    assert text.strip()
    assert not english_left(_kept_out(text), KEEP), text
    assert not sources_left(text), text


def zh(*args: str | Path, input: str | None = None) -> tuple[str, str, int]:
    result = invoke("--lang", "zh-CN", *args, input=input)
    return result.stdout, result.stderr, result.exit_code


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_offboard_is_chinese(person: str, fmt: str) -> None:
    out, err, code = zh("offboard", person, "--format", fmt, "--inventory", EXAMPLE)
    assert code == 0, err
    _no_english(out)
    assert "离职交接" in out


def test_offboard_text_fits_80_columns() -> None:
    from auditor.i18n.width import display_width

    for person in PEOPLE:
        out, _err, _code = zh("offboard", person, "--inventory", EXAMPLE)
        lines = [line for line in out.splitlines() if not re.search("https://|store-audit ", line)]
        assert max(display_width(line) for line in lines) <= 80
        assert "https://marketplacelearn.walmart.com/" not in out or (
            "Add-a-new-user-to-my-Seller-Center-account）\n" in out  # a long URL is never cut
        )


def test_offboard_markdown_keeps_urls_links_in_chinese() -> None:
    out, _err, _code = zh("offboard", "li-wei", "--format", "markdown", "--inventory", EXAMPLE)
    assert "（<https://sellercentral.amazon.ca/gp/help/external/901?language=en_CA>）" in out
    english = invoke("offboard", "li-wei", "--format", "markdown", "--inventory", EXAMPLE).stdout
    assert "(https://sellercentral.amazon.ca/gp/help/external/901?language=en_CA)" in english


def test_list_is_chinese(memory_keyring: MemoryKeyring) -> None:
    out, err, code = zh("list", "--inventory", EXAMPLE)
    assert code == 0, err
    _no_english(out)
    assert "14 个账户" in out.splitlines()[0]


@pytest.mark.parametrize(
    "args",
    [
        ("offboard", "nobody"),
        ("remove", "amazon-us"),
        ("remove", "amazon-na"),  # no terminal to ask on: the error and its hint
        ("rename", "amazon-na", "ebay"),
        ("audit", "--baseline", "a.json", "--write-baseline", "b.json"),
        ("audit", "--output", str(EXAMPLE)),
    ],
    ids=lambda a: " ".join(map(str, a[:2])),
)
def test_one_line_errors_are_chinese(
    tmp_path: Path, memory_keyring: MemoryKeyring, args: tuple[str, ...]
) -> None:
    inventory = tmp_path / "store-audit.toml"  # a copy: a writing command locks it
    shutil.copy(EXAMPLE, inventory)
    given = [inventory if arg == str(EXAMPLE) else arg for arg in args]
    out, err, code = zh(*given, "--inventory", inventory)
    assert code == 2 and not out
    _no_english(err)
    assert err.startswith("store-audit：错误：") and "Traceback" not in err
    assert len(err.splitlines()) <= 2  # the error, and a hint where there is one


def test_a_mistyped_command_gets_a_chinese_suggestion() -> None:
    _out, err, code = zh("audti")
    assert code == 2 and "您是不是要输入 audit？" in err


def test_onboard_verdict_and_demo_note_are_chinese(memory_keyring: MemoryKeyring) -> None:
    _out, err, _code = zh("onboard", "etsy", "--inventory", EXAMPLE, "--format", "json")
    verdict = err.strip().splitlines()[-1]
    assert verdict.startswith("onboard etsy：")
    _no_english(verdict.removeprefix("onboard"))
    _out, err, _code = zh("demo", "--format", "json")
    _no_english(err)


def test_remove_and_rename_say_what_they_did(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    inventory = tmp_path / "store-audit.toml"
    shutil.copy(EXAMPLE, inventory)
    memory_keyring.set_password("store-audit/etsy", "acme.owner@gmail.com", "Pw-etsy-1!")
    out, err, code = zh("rename", "etsy", "etsy-shop", "--inventory", inventory)
    assert code == 0, err
    _no_english(out)
    assert "重命名为 etsy-shop" in out and "密码" in out
    out, err, code = zh("remove", "etsy-shop", "--yes", "--inventory", inventory)
    assert code == 0, err
    _no_english(out)
    assert "已从" in out and "删除它的密码" in out


@pytest.mark.posix
def test_remove_asks_in_chinese_on_a_terminal(tmp_path: Path) -> None:
    inventory = tmp_path / "store-audit.toml"
    shutil.copy(EXAMPLE, inventory)
    env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "LANG": "zh_CN.UTF-8",
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
    }
    shown = run_on_a_terminal(
        [sys.executable, "-m", "auditor", "remove", "etsy", "--inventory", str(inventory)],
        env,
        lambda output: "n" if output.rstrip().endswith(b"[y/N]:") else None,
    )
    assert "要从账户清单中删除 etsy（Etsy，acme.owner@gmail.com）吗？" in shown, shown
    assert "没有删除任何内容" in shown
    _no_english(shown.replace("[y/N]", ""))
