"""How well password strength knows the habits of Chinese-speaking users, measured on password
sets built here from written-down facts (never a leaked list): `python benchmarks/strength.py`.

- common Chinese long passwords (12-40 characters): phrases and pinyin words with number
  phrases, sequences, years and site names, the templates Li, Han, Xu (USENIX Security 2014)
  describe; the share flagged weak (goal >= 95%);
- a name and a date: a surname drawn by the 2019 name report's order (the commoner the likelier),
  a one- or two-syllable given name from the report's most used given-name characters, a birth
  date in the forms Chinese sites see, joined as people join them; the share flagged (>= 95%);
- random generated passwords of 16 to 32 characters (a password manager's: letters, digits,
  symbols; and letters and digits only); the share flagged (goal <= 1%);
- an English set (Python zxcvbn's own ranked lists: common passwords, words with years, first
  name + surname + date, capitalised words with symbols, substitutions): each password's score
  against Python zxcvbn 4.5's, the scorer before (goal: none higher);
- time per password: Python zxcvbn, the Rust port, the habits, and score_password (both).

"Flagged" is password.weak under the default policy: score below 3, or under 12 characters.
Seeded: every run builds the same sets.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor.inventory import Policy  # noqa: E402
from auditor.secrets import Secret  # noqa: E402
from auditor.strength import score_password, weakness  # noqa: E402
from auditor.strength.habits import guess  # noqa: E402

PHRASES = [
    "woaini", "woaiwojia", "yishengyishi", "tiantianxiangshang", "woshitiancai", "ainiyiwannian",
    "laopowoaini", "baobei", "qinaide", "xingfukuaile", "yongyuanaini", "woxiangni",
    "zhongguoren", "haohaoxuexi", "tiantiankuaile", "woaibeijing", "wodejia", "aiqing",
    "shengrikuaile", "pingan", "xiaobao", "xiaoxiao", "laogong", "woaimama", "woaibaba",
    "xiaopengyou", "kaixin", "meimei", "gege", "jiejie", "woaiwoziji", "zhuzhu", "xiaozhu",
    "wangzi", "gongzhu", "tianshi", "xiaotianshi", "mimi", "wodemima", "nihaoma",
]  # fmt: skip
"""Chinese phrases as people type them (pinyin, no tones), written down here."""
NUMBERS = [
    "5201314", "1314520", "7758521", "520", "1314", "521", "9420", "123456", "123456789", "888888",
    "666666", "5211314", "112233", "147258369", "159357", "000000", "111111", "2008", "1988",
    "1990", "1992", "1995", "88", "168", "518", "3344520", "584520",
]  # fmt: skip
SITES = ["qq", "163", "126", "4399", "7k7k", "baidu", "taobao", "sina", "sohu", "360", "jd"]
SURNAMES = [
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang",
    "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai",
    "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lv", "ding", "ren", "lu", "yao", "shen",
    "zhong", "cui", "tan", "fan", "liao", "shi", "jin", "jia", "xia", "fu", "fang", "zou",
    "xiong", "bai", "meng", "qin", "qiu", "hou", "yin", "xue", "yan", "duan", "lei", "long",
    "tao", "mao", "hao", "gu", "gong", "shao", "wan", "qian", "dai", "ou", "mo", "kong", "xiang",
    "ouyang", "shangguan", "zhuge", "situ", "sima",
]  # fmt: skip
"""The name report's surnames, most common first (drawn with weight 1/rank)."""
GIVEN = [
    "ying", "hua", "yu", "xiu", "wen", "ming", "lan", "jin", "guo", "chun", "hong", "li", "jun",
    "ping", "fang", "jian", "xiao", "yun", "hai", "mei", "zhi", "lin", "de", "rong", "yong",
    "cheng", "xia", "min", "dong", "guang", "jie", "yan", "xin", "feng", "wei", "jing", "ting",
    "qiang", "na", "lei", "yang", "tao", "chao", "gang", "hui", "zi", "xuan", "hao", "yi", "nuo",
]  # fmt: skip
"""Characters most used in given names (the name reports' lists), romanised."""


def chinese_common(rng: random.Random, count: int) -> list[str]:
    templates: list[Callable[[], str]] = [
        lambda: rng.choice(PHRASES) + rng.choice(NUMBERS),
        lambda: rng.choice(NUMBERS) + rng.choice(PHRASES),
        lambda: rng.choice(PHRASES) + rng.choice(PHRASES),
        lambda: rng.choice(PHRASES) + rng.choice(NUMBERS) + rng.choice(NUMBERS),
        lambda: f"www.{rng.choice(SITES)}.com",
        lambda: rng.choice(SITES) + rng.choice(NUMBERS) + rng.choice(NUMBERS),
        lambda: rng.choice(NUMBERS) + rng.choice(NUMBERS),
        lambda: rng.choice(PHRASES).capitalize() + rng.choice("@.!_") + rng.choice(NUMBERS),
        lambda: rng.choice(["1qaz2wsx", "qwerty", "123qwe", "qazwsx"]) + rng.choice(NUMBERS),
    ]
    found: dict[str, None] = {}
    while len(found) < count:
        password = rng.choice(templates)()
        if 12 <= len(password) <= 40:
            found[password] = None
    return list(found)


def chinese_name(rng: random.Random) -> str:
    surname = rng.choices(SURNAMES, weights=[1 / r for r in range(1, len(SURNAMES) + 1)])[0]
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice([surname + given, given + surname])


def birth_date(rng: random.Random) -> str:
    year, month, day = rng.randrange(1950, 2011), rng.randrange(1, 13), rng.randrange(1, 29)
    return rng.choice(
        [f"{year}{month:02d}{day:02d}", f"{year % 100:02d}{month:02d}{day:02d}",
         f"{month:02d}{day:02d}", f"{year}"]
    )  # fmt: skip


def name_and_date(rng: random.Random, count: int) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < count:
        name, date, joint = chinese_name(rng), birth_date(rng), rng.choice(["", "", "@", ".", "_"])
        if rng.random() < 0.3:
            name = name.capitalize()
        password = rng.choice(
            [name + joint + date, date + joint + name, "woai" + name + date, name + "5201314"]
        )
        found[password] = None
    return list(found)


def random_passwords(rng: random.Random, count: int, alphabet: str) -> list[str]:
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(16, 33))) for _ in range(count)
    ]


def english(rng: random.Random, count: int) -> list[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS as LISTS

    words, first = LISTS["english_wikipedia"][:5000], LISTS["male_names"][:500]
    first = first + LISTS["female_names"][:500]
    surnames = LISTS["surnames"][:500]
    found = list(LISTS["passwords"][: count // 3])
    while len(found) < count:
        form = rng.randrange(5)
        if form == 0:
            found.append(rng.choice(words) + str(rng.randrange(1950, 2025)))
        elif form == 1:
            month, day = rng.randrange(1, 13), rng.randrange(1, 29)
            date = f"{rng.randrange(1950, 2010)}{month:02d}{day:02d}"
            found.append(rng.choice(first) + rng.choice(surnames) + date)
        elif form == 2:
            word = rng.choice(words).capitalize()
            found.append(word + rng.choice("!@#$") + str(rng.randrange(100)))
        elif form == 3:
            found.append("".join(rng.choice(words) for _ in range(3)))
        else:
            word = rng.choice(words).replace("a", "@").replace("o", "0")
            found.append(word + str(rng.randrange(1000)))
    return found


def flagged(passwords: list[str]) -> float:
    policy = Policy()
    weak = sum(
        weakness(score_password(Secret(p), []), len(p), policy) is not None for p in passwords
    )
    return weak / len(passwords)


def per_password(function: Callable[[str], object], passwords: list[str]) -> float:
    started = time.perf_counter()
    for password in passwords:
        function(password)
    return (time.perf_counter() - started) / len(passwords) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000, help="passwords per set")
    count = parser.parse_args().count
    rng = random.Random(21)
    sets = {
        "common Chinese long passwords (goal >= 95%)": chinese_common(rng, count),
        "a name and a date (goal >= 95%)": name_and_date(rng, count),
        "random 16-32, letters digits symbols (goal <= 1%)": random_passwords(
            rng, count, string.ascii_letters + string.digits + string.punctuation
        ),
        "random 16-32, letters and digits (goal <= 1%)": random_passwords(
            rng, count, string.ascii_letters + string.digits
        ),
        "random 16-32, lower-case letters only": random_passwords(
            rng, count, string.ascii_lowercase
        ),
    }
    print(f"{'set':<52} {'passwords':>9} {'flagged':>8}")
    for name, passwords in sets.items():
        print(f"{name:<52} {len(passwords):>9} {flagged(passwords):>8.1%}")
    compare_english(english(rng, min(count, 3000)))
    timings(sets["common Chinese long passwords (goal >= 95%)"][:2000])


def compare_english(passwords: list[str]) -> None:
    from zxcvbn import zxcvbn

    higher, lower, same = [], 0, 0
    for password in passwords:
        before = zxcvbn(password[:72])["score"]
        now = score_password(Secret(password), []).score
        if now > before:
            higher.append(password)
        elif now < before:
            lower += 1
        else:
            same += 1
    print(
        f"\nEnglish set, {len(passwords)} passwords, against Python zxcvbn: {same} unchanged, "
        f"{lower} stricter, {len(higher)} higher (goal 0)"
    )
    for password in higher[:10]:
        print(f"  higher: {password}")


def timings(passwords: list[str]) -> None:
    from zxcvbn import zxcvbn as python_zxcvbn
    from zxcvbn_rs_py import zxcvbn as rust_zxcvbn

    python = per_password(python_zxcvbn, passwords)
    rust = per_password(rust_zxcvbn, passwords)
    habits = per_password(guess, passwords)
    both = per_password(lambda p: score_password(Secret(p), ["acme", "amazon"]), passwords)
    print(f"\nms per password ({len(passwords)} Chinese passwords), one process:")
    print(f"  Python zxcvbn {python:.3f}, Rust port {rust:.3f}, habits {habits:.3f}, ")
    print(f"  score_password (Rust + dates as before + habits) {both:.3f} = {both / python:.2f}x")


if __name__ == "__main__":
    main()
