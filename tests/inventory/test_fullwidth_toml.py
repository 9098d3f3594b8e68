"""An inventory line broken by what a Chinese input method types (“totp”, ＝, ["US"， "CA"], ［ ］,
a full-width space) is one line naming the file, the line, the account and key, the character
itself and the half-width one to type, in the run's language, instead of tomllib's English
("Invalid value", or "Unclosed array" for an array that is closed). Other TOML errors keep
tomllib's detail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor import i18n
from auditor.errors import InventoryError
from auditor.inventory import load_inventory

HEAD = 'version = 1\n[[accounts]]\nid = "amazon-na"\nplatform = "amazon"\nlogin = "a@b.test"\n'
PLACE = "inv.toml: line 6: account 'amazon-na' (accounts[0]): "

SLIPS = [
    ("mfa = “sms”", "mfa: invalid TOML: full-width '“' and '”'", "'\"'"),
    ("mfa = ‘sms’", "mfa: invalid TOML: full-width '‘' and '’'", '"\'"'),
    ('mfa = "sms”', "mfa: invalid TOML: full-width '”'", "'\"'"),
    ('mfa ＝ "sms"', "mfa: invalid TOML: full-width '＝'", "'='"),
    ('mfa： "sms"', "mfa: invalid TOML: full-width '：'", "'='"),
    ('marketplaces = ["US"， "CA"]', "marketplaces: invalid TOML: full-width '，'", "','"),
    ('marketplaces = ["US"、"CA"]', "marketplaces: invalid TOML: full-width '、'", "','"),
    ('marketplaces = ［"US", "CA"］', "marketplaces: invalid TOML: full-width '［' and '］'", ""),
    ('marketplaces = ["US", "CA"】', "marketplaces: invalid TOML: full-width '】'", "']'"),
    ('ignore = ｛ check = "mfa.sms-only" ｝', "ignore: invalid TOML: full-width '｛' and '｝'", ""),
]


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.use(i18n.CHINESE)
    yield
    i18n.use(i18n.ENGLISH)


def error_of(tmp_path: Path, line: str, tail: str = 'mfa = "sms"\n') -> str:
    path = tmp_path / "inv.toml"
    text = HEAD + line + "\n" + (tail if "mfa" not in line.split("=")[0] else "")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InventoryError) as raised:
        load_inventory(path)
    message = str(raised.value)
    assert "\n" not in message
    return message.replace(str(tmp_path) + "/", "")


@pytest.mark.parametrize(("line", "named", "instead"), SLIPS, ids=[s[0] for s in SLIPS])
def test_a_full_width_character_is_named_with_what_to_type(
    tmp_path: Path, line: str, named: str, instead: str
) -> None:
    message = error_of(tmp_path, line)
    assert message.startswith(PLACE + named + " typed with a Chinese input method: "), message
    assert f"type the half-width {instead}" in message
    for english in ("Invalid value", "Unclosed array", "Expected", "Illegal character"):
        assert english not in message


def test_brackets_name_both_half_width_ones(tmp_path: Path) -> None:
    message = error_of(tmp_path, '[[accounts］］\nid = "b"')
    assert message.endswith("full-width '］' typed with a Chinese input method: type the "
                            "half-width ']' instead"), message  # fmt: skip


def test_what_a_string_typed_in_chinese_mode_holds_is_not_named(tmp_path: Path) -> None:
    """Only its quotes are wrong (and it could be a password pasted by mistake)."""
    message = error_of(tmp_path, "store = “张伟家居，北美站【US】”")
    assert message.endswith(
        "store: invalid TOML: full-width '“' and '”' typed with a Chinese input method: type "
        "the half-width '\"' instead"
    ), message


def test_a_full_width_space(tmp_path: Path) -> None:
    message = error_of(tmp_path, 'mfa =\u3000"sms"')
    assert message == PLACE + "mfa: invalid TOML: a full-width space typed with a Chinese " + (
        "input method: type an ordinary space"
    )


@pytest.mark.parametrize(
    ("line", "detail"),
    [
        ('store = "张伟家居，北美站" x', "Expected newline or end of document after a statement"),
        ('store = "我的“店”" x', "Expected newline or end of document after a statement"),
        ("mfa = sms  # 短信，“备用”", "Invalid value"),
        ("mfa = = 1", "Invalid value"),
    ],
)
def test_other_toml_errors_keep_their_detail(tmp_path: Path, line: str, detail: str) -> None:
    """Full-width characters inside a string or a comment are text, not the error."""
    message = error_of(tmp_path, line)
    assert message.endswith(f": invalid TOML: {detail}"), message
    assert "Chinese input method" not in message


def test_a_string_holding_them_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "inv.toml"
    path.write_text(HEAD + 'mfa = "sms"\nstore = "张伟“家居”，北美站【US】"\n', encoding="utf-8")
    assert load_inventory(path).accounts[0].store == "张伟“家居”，北美站【US】"


def test_in_chinese(tmp_path: Path, chinese: None) -> None:
    message = error_of(tmp_path, 'marketplaces = ["US"， "CA"]')
    assert message == (
        "inv.toml：第 6 行：账户 'amazon-na'（accounts[0]）：marketplaces：TOML 格式错误："
        "'，' 是中文输入法输入的全角字符：请改成半角的 ','"
    )
    message = error_of(tmp_path, 'mfa =\u3000"sms"')
    assert message.endswith("mfa：TOML 格式错误：这里有中文输入法输入的全角空格：请改成半角空格")


def test_the_top_level_is_named_in_chinese(tmp_path: Path, chinese: None) -> None:
    path = tmp_path / "inv.toml"
    path.write_text(HEAD.replace("[[accounts]]", "[[account]]"), encoding="utf-8")
    with pytest.raises(InventoryError) as raised:
        load_inventory(path)
    assert str(raised.value).startswith(f"{path}：文件顶层：account：未知的键"), raised.value
