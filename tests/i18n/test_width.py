"""Chinese in a terminal: two columns a character, lines broken between characters but never
inside an id, an address, a URL or a command that fits, nor before closing punctuation."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from auditor.i18n.width import display_width, wrap

ACTION = (
    "为 ebay 和 gmail-owner 分别设置各自独立的随机生成密码，先从 gmail-owner 开始改起，"
    "再处理其他账户（包括邮箱）。运行 `store-audit set ebay mfa=totp` 记录。"
)


def test_display_width() -> None:
    assert display_width("ebay") == 4
    assert display_width("两步验证") == 8
    assert display_width("卖家平台 Seller Central") == 23
    assert display_width("e\u0301") == 1  # a combining accent takes no column
    assert display_width("\x1b") == 0


def test_chinese_wraps_between_characters_within_the_width() -> None:
    for width in (12, 30, 50):
        lines = wrap(ACTION, width)
        assert all(display_width(line) <= width for line in lines), lines
        assert "".join(lines).replace(" ", "") == ACTION.replace(" ", "")
        # ids come out whole: every Latin run on a line is one of the text's own words
        words = {"ebay", "gmail-owner", "store-audit", "set", "mfa=totp"}
        assert {w for line in lines for w in re.findall(r"[a-z=-]+", line)} <= words
        # no line starts with closing punctuation or ends with opening punctuation
        assert not any(line[0] in "，。、）》" for line in lines)
        assert not any(line[-1] in "（《“" for line in lines)


def test_a_command_stays_whole_when_it_fits() -> None:
    lines = wrap(ACTION, 40)
    assert any("`store-audit set ebay mfa=totp`" in line for line in lines), lines
    # narrower than the command, it breaks between its words, never inside one
    narrow = wrap(ACTION, 14)
    assert "`store-audit" in narrow and "mfa=totp`" in " ".join(narrow)


def test_english_wraps_as_before() -> None:
    text = "Give ebay and gmail-owner each their own generated password, starting with gmail-owner"
    assert wrap(text, 50) == [
        "Give ebay and gmail-owner each their own generated",
        "password, starting with gmail-owner",
    ]


def test_a_url_longer_than_a_line_is_cut_at_the_width() -> None:
    url = "https://sellercentral.amazon.com/ap/signin?openid.return_to=home"
    lines = wrap(f"登录 {url}", 30)
    assert all(display_width(line) <= 30 for line in lines)
    assert "".join(lines[1:]) == url


WORDS = st.one_of(
    st.sampled_from(["两步验证", "卖家平台", "，", "。", "（", "）", "账户", "amazon-us", " "]),
    st.from_regex(r"[a-z0-9.@+-]{1,30}", fullmatch=True),
    st.text(alphabet="验证码身份器应用设置登录高级安全", min_size=1, max_size=12),
)


@given(st.lists(WORDS, max_size=40), st.integers(min_value=2, max_value=90))
def test_every_line_fits_and_nothing_is_lost(words: list[str], width: int) -> None:
    text = "".join(words)
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert re.sub(r"\s+", "", "".join(lines)) == re.sub(r"\s+", "", text)


def test_asked_to_keep_tokens_whole_a_long_url_gets_a_line_of_its_own() -> None:
    # the table's message column moves such a line aside; cut, the URL could not be copied
    url = "https://sellercentral.amazon.co.jp/gp/help/external/202110760?language=en_JP"
    lines = wrap(f"请看这个页面（{url}）：主要方式丢了，点“没有收到验证码”", 40, whole=True)
    assert lines[1] == url  # its marks stay on the lines around it: the line stays short
    assert all(display_width(line) <= 40 for line in lines if url not in line)


def test_the_chinese_table_never_cuts_a_url() -> None:
    from auditor.i18n import use
    from auditor.report.table import _lines

    url = "https://sellercentral.amazon.co.jp/gp/help/external/202110760?language=en_JP"
    use("zh-CN")
    try:
        lines = _lines(f"amazon-na 没有备用方式（{url}）：主要方式丢了就登录不上了")
    finally:
        use("en")
    assert any(url in line for line in lines)


def test_a_list_mark_never_starts_a_line_after_an_id() -> None:
    # the trial's checklist read `再给 amazon-na、gmail-main` / `、mail-163、mail-qq 和 pingpong`
    text = "再给 amazon-na、gmail-main、mail-163、mail-qq 和 pingpong 各设一个独立的密码"
    for width in range(16, 40):
        assert not [line for line in wrap(text, width) if line.startswith("、")], width


def test_chinese_lists_put_spaces_only_where_a_latin_word_meets_the_conjunction() -> None:
    from auditor.i18n import and_list, or_list, use

    use("zh-CN")
    try:
        assert and_list(["平台名", "店铺名", "登录名"]) == "平台名、店铺名和登录名"
        assert and_list(["amazon-eu", "pingpong"]) == "amazon-eu 和 pingpong"
        assert or_list(["短信", "totp"]) == "短信或 totp"
    finally:
        use("en")
    assert and_list(["a", "b", "c"]) == "a, b and c"


def test_a_sentence_that_ends_in_a_question_gets_no_full_stop_after_it() -> None:
    # the retrial saw `您是不是要输入 pingpong？。`
    from auditor.i18n import sentence, use

    assert sentence("did you mean pingpong?") == "did you mean pingpong?"
    assert sentence("a finding") == "a finding."
    use("zh-CN")
    try:
        assert sentence("您是不是要输入 pingpong？") == "您是不是要输入 pingpong？"
        assert sentence("密码太弱") == "密码太弱。"
    finally:
        use("en")
