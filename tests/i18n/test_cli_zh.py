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
from auditor.intake.fields import SETTABLE
from tests.conftest import invoke
from tests.i18n.untranslated import english_left, sources_left
from tests.intake.terminal import Scripted, run_on_a_terminal
from tests.keyrings import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = demo_inventory_path()
PEOPLE = ("owner", "li-wei", "maria", "shenzhen-agency", "erp")
KEEP = (
    *("Seller", "Center", "user", "management"),
    *("nobody", "amazon-us", "etsy-shop", "shop", "ebay-uk", "acme-uk", "bogus", "yesterday"),
    *("shopfy", "other", "true", "false", "base", "A-Z"),
    *(part for key in SETTABLE for part in (key, *key.split("_"))),
    *("today", "YYYY-MM-DD", "KEY", "VALUE"),
)
"""Walmart's page title, shown as Walmart names it (no Chinese page of it was found); the ids
and values the tests type; the inventory's keys and the values `set` takes."""


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
    # the method in words, and the value `set` takes ("两步验证：sms" read as a bare code)
    assert "两步验证：短信验证码（sms）" in out and "两步验证：身份验证器应用（totp）" in out


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


def _terminal_env(home: Path) -> dict[str, str]:
    """A Chinese-speaking user's terminal session: a fresh HOME, LANG alone choosing the language,
    and the plaintext file keyring (a writing command refuses it unless it is named on purpose)."""
    return {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "LANG": "zh_CN.UTF-8",
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
    }


@pytest.mark.posix
def test_remove_asks_in_chinese_on_a_terminal(tmp_path: Path) -> None:
    inventory = tmp_path / "store-audit.toml"
    shutil.copy(EXAMPLE, inventory)
    env = _terminal_env(tmp_path)
    shown = run_on_a_terminal(
        [sys.executable, "-m", "auditor", "remove", "etsy", "--inventory", str(inventory)],
        env,
        lambda output: "n" if output.rstrip().endswith("[y/N]：".encode()) else None,
    )
    assert "要从账户清单中删除 etsy（Etsy，acme.owner@gmail.com）吗？" in shown, shown
    assert "没有删除任何内容" in shown
    _no_english(shown.replace("[y/N]", ""))
    assert "[y/N]：" in shown  # a Chinese question ends in a full-width colon


EXPORTS = ROOT / "tests" / "data" / "exports"


def test_import_plan_and_summary_are_chinese(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    inventory = tmp_path / "store-audit.toml"
    out, err, code = zh(
        "import", EXPORTS / "bitwarden.csv", "--from", "bitwarden", "--dry-run",
        "--inventory", inventory,
    )  # fmt: skip
    assert code == 0, err
    _no_english(out)
    assert "平台" in out and "新账户，带 TOTP 密钥" in out and "试运行：没有写入任何内容" in out
    out, err, code = zh(
        "import", EXPORTS / "bitwarden-two-passwords.csv", "--from", "bitwarden",
        "--inventory", inventory,
    )  # fmt: skip
    assert code == 0, err
    _no_english(out)
    _no_english(err)
    assert "条目 1、2 的密码不" in out and "已导入" in out and "明文密码" in err


def test_writing_commands_say_what_they_did_in_chinese(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    inventory = tmp_path / "store-audit.toml"
    said = []
    for args, given in [
        (("add", "shop", "--platform", "shopify", "--login", "o@acme.test", "--mfa", "totp",
          "--password-stdin"), "Pw-shop-123456!x\nJBSWY3DPEHPK3PXP\n"),
        (("set", "shop", "mfa=sms", "region=US"), None),
        (("set-secret", "shop", "--backup-codes", "--stdin"), "aaaa-1111\nbbbb-2222\naaaa-1111\n"),
        (("use-backup-code", "shop"), "aaaa-1111\n"),
        (("set-secret", "shop", "--force"), "Pw-new-123456!x\nPw-new-123456!x\n"),
        (("set-secret", "shop", "--security-answers", "--stdin"), "blue\nLisbon\n"),
    ]:  # fmt: skip
        out, err, code = zh(*args, "--inventory", inventory, input=given)
        assert code == 0, err
        _no_english(out)
        said.append(out)
    assert "已新建" in said[0] and "并添加 shop" in said[0] and "检查时会判定为太弱" in said[0]
    assert "（原来未设置）" in said[1] and "已保存" in said[1]
    assert "（去掉了 1 个重复的验证码）" in said[2]
    assert "还剩 1 个" in said[3] and "--backup-codes --force" in said[3]
    assert "已把 shop 的密码存入密钥环" in said[4]
    assert "已把 shop 的 2 个安全问题答案存入密钥环" in said[5]
    out, _err, code = zh("verify-password", "shop", "--inventory", inventory, input="nope\n")
    assert code == 4
    _no_english(out)


@pytest.mark.parametrize(
    ("args", "given", "words"),
    [
        (("set", "shop", "bogus=1"), None, "不是 `set` 能修改的字段"),
        (("set", "shop", "password_changed=yesterday"), None, "不是日期"),
        (("set", "shop", "mfa"), None, "请写成 KEY=VALUE"),
        (
            ("add", "x", "--platform", "shopfy", "--login", "a@b.test", "--mfa", "sms"),
            None,
            "您是不是要输入 shopify？",
        ),
        (("set-secret", "shop", "--totp", "--backup-codes"), None, "请只给其中一个"),
        (("set-secret", "shop", "--stdin"), "Pw-again-123456!x\n", "--force"),
        (("use-backup-code", "shop"), "x\n", "没有存 shop 的备用验证码"),
        (("import", "missing.csv", "--from", "chrome"), None, "无法读取：没有这个文件或目录"),
        (("import", "-", "--from", "chrome"), "a,b\n1,2\n", "（标准输入）：不是 Chrome 的 CSV"),
        (("set", "nobody", "mfa=sms"), None, "没有 ID 为 'nobody' 的账户"),
    ],
    ids=lambda value: " ".join(value[:3]) if isinstance(value, tuple) else None,
)
def test_writing_commands_refuse_in_chinese(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    args: tuple[str, ...],
    given: str | None,
    words: str,
) -> None:
    inventory = tmp_path / "store-audit.toml"
    zh("add", "shop", "--platform", "shopify", "--login", "o@acme.test", "--mfa", "totp",
       "--password-stdin", "--inventory", inventory, input="Pw-shop-123456!x\n")  # fmt: skip
    before = inventory.read_bytes()
    out, err, code = zh(*args, "--inventory", inventory, input=given)
    assert code == 2, (out, err)
    assert err.startswith("store-audit：错误：") and words in err, err
    assert len(err.splitlines()) <= 2
    _no_english(err.replace("chrome", "").replace("url", ""))
    assert inventory.read_bytes() == before


def test_a_missing_inventory_and_a_bad_one_are_chinese(tmp_path: Path) -> None:
    _out, err, code = zh("list", "--inventory", tmp_path / "none.toml")
    assert code == 2 and "没有这个文件" in err
    bad = tmp_path / "bad.toml"
    bad.write_text('version = 1\n[[accounts]]\nid = "a"\nmfa = = 1\n', encoding="utf-8")
    _out, err, code = zh("list", "--inventory", bad)
    assert code == 2 and "第 4 行" in err and "TOML 格式错误" in err, err
    bad.write_bytes("version = 1\n# 店铺\n".encode("gbk"))
    _out, err, code = zh("list", "--inventory", bad)
    assert code == 2 and "不是 UTF-8 文本" in err and "请另存为 UTF-8" in err, err


@pytest.mark.parametrize(
    ("was", "typed", "named"),
    [
        (
            'mfa = "email"',
            "mfa = “email”",
            "'“' 和 '”' 是中文输入法输入的全角字符：请改成半角的 '\"'",
        ),
        ('mfa = "email"', 'mfa ＝ "email"', "'＝' 是中文输入法输入的全角字符：请改成半角的 '='"),
        ('"US", "CA"', '"US"， "CA"', "'，' 是中文输入法输入的全角字符：请改成半角的 ','"),
        ("[[accounts]]", "［［accounts］］", "'［' 和 '］' 是中文输入法输入的全角字符"),
    ],
)
def test_what_a_chinese_input_method_types_is_named_in_chinese(
    tmp_path: Path, was: str, typed: str, named: str
) -> None:
    """One line naming the file, line, account and key and the character; exit 2, nothing
    written, no English from the TOML parser."""
    inventory = tmp_path / "store-audit.toml"
    inventory.write_text(EXAMPLE.read_text("utf-8").replace(was, typed, 1), encoding="utf-8")
    before = inventory.read_bytes()
    for args in (("list",), ("set", "tiktok", "store=x")):
        out, err, code = zh(*args, "--inventory", inventory)
        assert code == 2 and out == "", (out, err)
        assert err.startswith("store-audit：错误：") and named in err, err
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        _no_english(err.replace(str(inventory), ""))
        assert inventory.read_bytes() == before


@pytest.mark.posix
def test_add_asks_in_chinese_on_a_terminal(tmp_path: Path) -> None:
    env = _terminal_env(tmp_path)
    inventory = tmp_path / "store-audit.toml"
    script = [
        ("shop 的密码：", "Pw-shop-123456!x"),
        ("请再输入一次以确认：", "Pw-shop-123456!x"),
        ("（没有就直接按回车）：", "not a seed!"),
        ("（没有就直接按回车）：", ""),
    ]
    answer = Scripted(script)
    shown = run_on_a_terminal(
        [sys.executable, "-m", "auditor", "add", "shop", "--platform", "shopify", "--login",
         "o@acme.test", "--mfa", "sms", "--inventory", str(inventory)],
        env,
        answer,
    )  # fmt: skip
    assert answer.done, shown
    assert "请重新输入，没有就直接按回车" in shown and "已新建" in shown, shown
    _no_english(shown)


@pytest.mark.parametrize(
    ("typed", "method"),
    [("短信", "sms"), ("身份验证器", "totp"), ("语音", "voice"), ("安全密钥", "security-key")],
)
def test_an_import_question_takes_the_method_s_chinese_name(typed: str, method: str) -> None:
    # the newcomer trial typed 短信 at `amazon-us [none/sms/...]：` and was refused
    from auditor.i18n import use
    from auditor.intake.fields import method_named

    use("zh-CN")
    try:
        assert method_named(typed) == method
        assert method_named("验证码") is None  # begins several names: asked again
    finally:
        use("en")
    assert method_named("text") is None  # English answers with the codes


def test_chinese_help_punctuates_as_chinese() -> None:
    # the trial saw `用法： store-audit` beside `选项:`, and an English `[required]`
    out, err, code = zh("add", "--help")
    assert code == 0, err
    assert out.startswith("用法：") and " add [OPTIONS] ID" in out.splitlines()[0]
    assert "\n选项：\n" in out and "选项:" not in out
    assert "[必填]" in out and "required" not in out


def test_set_takes_a_2fa_method_by_its_chinese_name() -> None:
    # the re-trial: `set amazon-na mfa=短信` was refused as "not one of none, sms, …"
    import datetime as dt

    from auditor.i18n import use
    from auditor.intake.fields import parse_assignments

    use("zh-CN")
    try:
        assigned = parse_assignments(("mfa=短信", "mfa_backup=语音"), dt.date(2026, 12, 5))
    finally:
        use("en")
    assert assigned == {"mfa": "sms", "mfa_backup": "voice"}
