"""The language store-audit speaks: English, the source, or Simplified Chinese.

Every sentence a person reads goes through `_` (or `ngettext` for a count, `pgettext` where one
English word has two meanings) at the moment it is written, so it comes out in the language
chosen for this run (`use`, called once by the command line; see `choice` for how the language is
chosen). Words defined before a run starts (a table of labels, a command's help) are marked with
`N_` and translated where they are shown.

The catalogs are standard gettext: `auditor/locale/<ll_CC>/LC_MESSAGES/store-audit.po` in the
repository (the source translators edit), compiled to `.mo` in the wheel. A source checkout has
no `.mo`: the `.po` is compiled in memory on first use (`po.compile_mo`), so an edit shows on the
next run. English needs no catalog and loads nothing.

Machine identities never go through here: check ids, finding keys, JSON field names, SARIF rule
ids and exit codes are the same in every language, so a baseline written in one language matches
in the other.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

DOMAIN = "store-audit"
"""The gettext domain: the catalogs' file name."""

ENGLISH = "en"
CHINESE = "zh-CN"
LANGUAGES = (CHINESE, ENGLISH)
"""The `--lang` values, as BCP 47 tags (what JSON's `lang` and HTML's `lang` carry)."""

_DIRECTORY = {CHINESE: "zh_CN"}
"""Language tag → the catalog's directory under auditor/locale (gettext's ll_CC form)."""


class _Speaking:
    """The language of this run and its catalog (one per process: a command runs once)."""

    lang = ENGLISH
    catalog: gettext.NullTranslations = gettext.NullTranslations()


def use(lang: str) -> None:
    """Speak `lang` (one of LANGUAGES) from now on in this process."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _Speaking.catalog = gettext.NullTranslations() if lang == ENGLISH else load(lang)
    _Speaking.lang = lang


def current() -> str:
    """The language in use: `en` or `zh-CN`."""
    return _Speaking.lang


def catalog() -> gettext.NullTranslations:
    """The catalog in use (what click's own messages are pointed at)."""
    return _Speaking.catalog


@functools.cache
def load(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogs of `lang`: store-audit's own, falling back to the one for click's
    messages (`click.po`, kept apart so that extracting our messages never touches it)."""
    from importlib import resources  # a fifth of `--help`'s start-up: only where a catalog is read

    folder = resources.files("auditor").joinpath("locale", _DIRECTORY[lang], "LC_MESSAGES")
    ours = _read(folder, DOMAIN)
    ours.add_fallback(_read(folder, "click"))
    return ours


def _read(folder: Traversable, domain: str) -> gettext.GNUTranslations:
    """One catalog: the wheel's `.mo`, else the `.po` compiled in memory (a checkout)."""
    import io

    compiled = folder.joinpath(f"{domain}.mo")
    if compiled.is_file():
        data = compiled.read_bytes()
    else:
        from auditor.i18n import po

        data = po.compile_mo(po.parse(folder.joinpath(f"{domain}.po").read_text("utf-8")))
    return gettext.GNUTranslations(io.BytesIO(data))


def _(message: str) -> str:
    """`message` in the language in use."""
    return _Speaking.catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message that fits `count`, in the language in use (Chinese has one form,
    English two)."""
    return _Speaking.catalog.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` in the language in use, where `context` tells two meanings of one English
    word apart (a severity `high` and ...)."""
    return _Speaking.catalog.pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for the marker)
    """Mark `message` for translation without translating it now: for words defined before the
    language is chosen; `_` translates them where they are shown."""
    return message


def listed(items: Iterable[str]) -> str:
    """Items one after another, no conjunction (a list of keys, marketplaces, checks):
    `a, b, c` in English; `a、b、c` in Chinese."""
    return pgettext("between the items of a list", ", ").join(items)


def and_list(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c` in English; `a、b 和 c` in Chinese."""
    return _join(items, _("{items} and {last}"))


def or_list(items: list[str]) -> str:
    """`a`, `a or b`, `a, b or c` in English; `a、b 或 c` in Chinese."""
    return _join(items, _("{items} or {last}"))


def sentence(text: str) -> str:
    """`text` ended as a sentence: `text.` in English, `text。` in Chinese; as it is when it
    already ends one (`…did you mean pingpong?`, not `?.`)."""
    if text.rstrip().endswith(_ENDS):
        return text
    return _("{sentence}.").format(sentence=text)


_ENDS = (".", "?", "!", "。", "？", "！")


_SPACE_BY_FULL_WIDTH = re.compile(
    r"(?<=[（）「」“”，。、：；！？]) +| +(?=[（）「」“”，。、：；！？])"
)


_LATIN_BY_HAN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u4e00-\u9fff])")


def tidy(text: str) -> str:
    """Chinese text spaced by one rule: no ASCII space beside full-width punctuation
    (`etsy（Etsy） 邮箱` → `etsy（Etsy）邮箱`: a space there is a gap a Chinese reader sees), one
    between a Chinese character and a Latin word (`在PingPong 的` → `在 PingPong 的`, where a
    template's placeholder can start with either); English text as it is."""
    if _Speaking.lang == ENGLISH:
        return text
    return _LATIN_BY_HAN.sub(" ", _SPACE_BY_FULL_WIDTH.sub("", text))


def clause_list(items: list[str]) -> str:
    """Clauses of one sentence: `a, b and c` in English; `a，b，而且c` in Chinese, which does not
    join verb phrases with 和."""
    if len(items) <= 1:
        return "".join(items)
    separator = pgettext("between clauses", ", ")
    pattern = pgettext("clauses", "{items} and {last}")
    return pattern.format(items=separator.join(items[:-1]), last=items[-1])


def _join(items: list[str], pattern: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    separator = pgettext("between the items of a list", ", ")
    left, last = separator.join(items[:-1]), items[-1]
    middle = pattern.format(items="", last="")
    if _Speaking.lang != ENGLISH and pattern == "{items}" + middle + "{last}":
        # Chinese puts no space between words (店铺名和登录名), only where 和 meets a Latin
        # word (amazon-eu 和 pingpong), as tidy() spaces a sentence
        before = " " if _latin(left[-1]) else ""
        after = " " if _latin(last[0]) else ""
        return left + before + middle.strip() + after + last
    return pattern.format(items=left, last=last)


def _latin(char: str) -> bool:
    return char.isascii() and not char.isspace()


__all__ = [
    "listed",
    "CHINESE",
    "ENGLISH",
    "LANGUAGES",
    "N_",
    "_",
    "and_list",
    "catalog",
    "clause_list",
    "current",
    "ngettext",
    "or_list",
    "pgettext",
    "sentence",
    "tidy",
    "use",
]
