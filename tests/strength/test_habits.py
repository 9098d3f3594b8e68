"""The habits of Chinese-speaking users make a password weak: each habit has a password built on
it that scores below the default policy (3 of 4), and a near miss (a random password that holds
the same piece among enough other characters) that stays strong. The finding names the habit in
words and quotes nothing of the password."""

from __future__ import annotations

import pytest

from auditor.inventory import Seller
from auditor.secrets import Secret
from auditor.strength import habits, score_password
from tests.helpers import account, inventory, run, view

WEAK_BELOW = 3
"""The default policy's min_password_score."""

HINTS_ZHANG = ["zhangwei88@163.com", "zhangwei88"]
HINTS_QQ = ["2876543109@qq.com", "2876543109"]

CASES = [
    # habit, password that fires, its hints, the habit words, near miss (same piece, random rest)
    ("pinyin words", "woshitiancai", [], "phrase", "tiancai#Qv8!zR2mKx"),
    ("pinyin words", "shijiejingji2020", [], "pinyin", "Xq8!jingji#Lz2Rm9w"),
    ("full name", "zhangwei19880512", [], "name", "zhangwei#Qv8!zR2mKx"),
    ("given name first", "weizhang19880512", [], "name", "weizhang#Qv8!zR2mKx"),
    ("name with symbols", "Zhouping@1966", [], "name", "Zhouping@Qv8!zR2mKx"),
    ("compound surname", "ouyangxiaoming1990", [], "name", "ouyangxm#Qv8!zR2mKx"),
    ("initials from the login", "zw19880512!", HINTS_ZHANG, "hint", "zw19880512!Qv8#Rm2"),
    ("number phrase", "woaini5201314", [], "number", "Qv8#520zRm!2Kx9wLp"),
    ("number phrase", "77585217758521", [], "number", "Qv8#7758521zRm!Kx9"),
    ("date YYYYMMDD", "liuyang19920304", [], "date", "19920304#Qv8!zRmKx"),
    ("date YYMMDD", "wangfang920304", [], "date", "920304#Qv8!zRmKxLw"),
    ("date MMDD", "chenjing0304abc", [], "date", "0304#Qv8!zRmKxLwp2"),
    ("QQ number of the mailbox", "Qq2876543109!x", HINTS_QQ, "qq", "Qq2876543109!x"),
    ("site name", "www.4399.com", [], "site", "Qv8#4399zRm!2Kx9wL"),
    ("keyboard walk", "1qaz2wsx5201314", [], "keyboard", "1qaz#Qv8!zRm2Kx9wL"),
    ("woai + word", "woaizhanglei1996", [], "phrase", "woai#Qv8!zRm2Kx9wL"),
    ("leet and case", "W0A1N1@5201314", [], "number", "W0A1N1#Qv8!zRm2Kx9"),
    ("run", "wang123456789", [], "run", "123456#Qv8!zRmKx9w"),
]


@pytest.mark.parametrize(
    ("habit", "weak", "hints", "said", "near_miss"), CASES, ids=[c[0] for c in CASES]
)
def test_each_habit_fires_and_its_near_miss_stays_strong(
    habit: str, weak: str, hints: list[str], said: str, near_miss: str
) -> None:
    assert score_password(Secret(weak), hints).score < WEAK_BELOW, habit
    assert said in habits.guess(weak, hints).habits, habit
    miss = score_password(Secret(near_miss), [] if habit.startswith("QQ") else hints)
    assert miss.score >= WEAK_BELOW, habit


def test_the_qq_number_is_weak_only_for_the_account_whose_mailbox_it_is() -> None:
    assert score_password(Secret("Qq2876543109!x"), HINTS_QQ).habit.endswith("its mailbox")
    assert score_password(Secret("Qq2876543109!x"), ["someone@163.com"]).score >= WEAK_BELOW


def test_a_random_16_character_password_with_520_in_it_stays_strong() -> None:
    assert score_password(Secret("k7#R520vQz!m2Lw9"), []).score == 4


def test_english_passwords_score_as_zxcvbn_scored_them_or_lower() -> None:
    from zxcvbn import zxcvbn  # the Python zxcvbn that scored passwords before

    for password in ["bradmcguire19701026", "johnsmith19880512", "Birchwood7!x", "password1"]:
        before = zxcvbn(password)["score"]
        assert score_password(Secret(password), []).score <= before, password


def test_the_finding_names_the_habit_and_quotes_nothing() -> None:
    inv = inventory(account("amazon-cn", platform="amazon", login="ops@example.com"))
    (finding,) = run("password.weak", inv, view({"amazon-cn": "zhangwei19880512"}))
    assert "It is built on a romanised name and a date" in finding.message
    for piece in ("zhang", "wei", "1988", "0512", "19880512"):
        assert piece not in finding.message.lower()


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("password", [c[1] for c in CASES if not c[2]])
def test_no_piece_of_the_password_is_in_the_finding_not_even_as_an_example(
    password: str, lang: str
) -> None:
    # woaini5201314 is one of the commonest Chinese passwords: a finding that named its habits
    # "a phrase such as woaini" and "a number phrase such as 5201314" spelled it out whole
    from auditor.i18n import use

    inv = inventory(account("amazon-cn", platform="amazon", login="ops@example.com"))
    use(lang)
    try:
        (finding,) = run("password.weak", inv, view({"amazon-cn": password}))
    finally:
        use("en")
    shown = (finding.message + finding.remediation).lower()
    plain = password.lower()
    pieces = {plain[i : i + 5] for i in range(len(plain) - 4)}
    assert not [p for p in pieces if p.isalnum() and p in shown], (lang, finding.key)


def test_the_seller_s_own_name_is_a_hint() -> None:
    # "Acme" is no pinyin; the seller's romanised name makes the same password weak
    password = "Lihua@Shop.2024"
    alone = inventory(account("shop", platform="shopify"))
    named = inventory(account("shop", platform="shopify"), seller=Seller(name="Li Hua"))
    assert run("password.weak", named, view({"shop": password}))
    assert score_password(Secret(password), []).score < score_password(
        Secret("Qvxz@Shop.2024"), []
    ).score or run("password.weak", alone, view({"shop": password}))
