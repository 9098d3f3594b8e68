"""Build the ranked pinyin lists that auditor/strength/habits.py guesses with, from two
MIT-licensed packages: jieba's word frequencies (its dict.txt, counted on a large Chinese corpus)
and pypinyin's readings. Run by a maintainer when either package changes:

    pip install jieba pypinyin && python tools/pinyin_lists.py

It writes auditor/data/strength/syllables.txt (every toneless pinyin syllable that pypinyin's
readings of jieba's words produce, most used first, weighted by word frequency) and words.txt
(the most frequent words of two or more characters, romanised without tones and joined, as
people type them: 天才 → tiancai; a spelling shared by several words is kept at its best rank).
Each file starts with comment lines saying where it came from; one entry per line after them.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from importlib import metadata, resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "auditor" / "data" / "strength"
HAN = re.compile(r"[\u4e00-\u9fff]+")
SYLLABLE = re.compile(r"[a-z]+")


def jieba_words() -> list[tuple[str, int]]:
    """(word, frequency) from jieba's dictionary, most frequent first."""
    text = resources.files("jieba").joinpath("dict.txt").read_text("utf-8")
    words = []
    for line in text.splitlines():
        word, frequency, *_ = line.split(" ")
        if HAN.fullmatch(word):
            words.append((word, int(frequency)))
    words.sort(key=lambda item: -item[1])
    return words


def romanised(word: str) -> list[str] | None:
    """The word's toneless syllables (ü written v, as on a keyboard), or None when a character
    has no reading."""
    from pypinyin import Style, lazy_pinyin

    syllables: list[str] = lazy_pinyin(word, style=Style.NORMAL, v_to_u=False)
    if not all(SYLLABLE.fullmatch(s) for s in syllables):
        return None
    return syllables


def header(what: str) -> str:
    versions = f"jieba {metadata.version('jieba')}, pypinyin {metadata.version('pypinyin')}"
    return (
        f"# {what}\n"
        f"# Built by tools/pinyin_lists.py from {versions} (both MIT licence):\n"
        "# jieba's dict.txt word frequencies, romanised with pypinyin without tones.\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=20_000, help="words to keep")
    options = parser.parse_args()
    syllable_weight: Counter[str] = Counter()
    kept: dict[str, None] = {}
    for word, frequency in jieba_words():
        syllables = romanised(word)
        if syllables is None:
            continue
        for syllable in syllables:
            syllable_weight[syllable] += frequency
        if len(word) >= 2 and len(kept) < options.words:
            kept.setdefault("".join(syllables), None)
    OUT.mkdir(parents=True, exist_ok=True)
    syllables = [s for s, _ in syllable_weight.most_common()]
    (OUT / "syllables.txt").write_text(
        header("Pinyin syllables, most used first") + "\n".join(syllables) + "\n", "utf-8"
    )
    (OUT / "words.txt").write_text(
        header(f"The {len(kept)} most frequent words, romanised, most frequent first")
        + "\n".join(kept)
        + "\n",
        "utf-8",
    )
    print(f"{len(syllables)} syllables, {len(kept)} words in {OUT}")


if __name__ == "__main__":
    main()
