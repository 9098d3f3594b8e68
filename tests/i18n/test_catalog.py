"""The Chinese catalog is complete, well formed, and read the same way by store-audit's compiler
(the wheel's `.mo`, a checkout's in-memory compile) as by Babel, the translators' tooling."""

from __future__ import annotations

import gettext
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from auditor.i18n import po
from tests.i18n.extract import messages

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "auditor" / "locale" / "zh_CN" / "LC_MESSAGES"
SOURCE = FOLDER / "store-audit.po"
CATALOGS = [SOURCE, FOLDER / "click.po"]


def entries(source: Path = SOURCE) -> list[po.Entry]:
    return [e for e in po.parse(source.read_text("utf-8")) if e.msgid]


def every_entry() -> list[po.Entry]:
    return [entry for source in CATALOGS for entry in entries(source)]


def marked_in_the_code() -> set[str]:
    """Every message the package holds for translation, as babel.cfg extracts it."""
    return messages(ROOT / "auditor")


def test_every_entry_is_translated() -> None:
    missing = [e.msgid for e in every_entry() if not e.translated]
    assert not missing


def test_every_marked_message_has_an_entry() -> None:
    catalog = {e.msgid for e in entries()}
    marked = marked_in_the_code()
    assert "Commands" in marked  # the extraction sees the package's markers and click's help
    assert "Audit every account in the inventory against the keyring." in marked
    assert not sorted(marked - catalog)


@pytest.mark.parametrize("source", CATALOGS, ids=lambda p: p.name)
def test_babel_reads_what_we_compile(source: Path) -> None:
    with source.open("rb") as handle:
        theirs = read_po(handle)
    ours = gettext.GNUTranslations(io.BytesIO(po.compile_mo(po.parse(source.read_text("utf-8")))))
    compared = 0
    for message in theirs:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            assert isinstance(message.string, tuple | list)
            for count in (0, 1, 2, 5):
                assert ours.ngettext(message.id[0], message.id[1], count) == message.string[0]
        else:
            assert isinstance(message.id, str) and isinstance(message.string, str)
            if message.context:
                assert ours.pgettext(message.context, message.id) == message.string
            else:
                assert ours.gettext(message.id) == message.string
        compared += 1
    assert compared == len(entries(source))
    assert theirs.plural_forms == "nplurals=1; plural=0;"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("entry", every_entry(), ids=lambda e: e.msgid[:40])
def test_placeholders_survive_translation(entry: po.Entry) -> None:
    """A `{name}` the code fills in is in every translation, and no other appears: a missing
    one loses a value, an unknown one raises KeyError at run time."""
    if "python-brace-format" in entry.flags:
        source = _fields(entry.msgid) | _fields(entry.msgid_plural or "")
        for translation in entry.msgstr.values():
            assert _fields(translation) <= source
            if entry.msgid_plural is None:
                assert _fields(translation) == source
    if "python-format" in entry.flags:
        pattern = re.compile(r"%\(\w+\)s")
        for translation in entry.msgstr.values():
            assert set(pattern.findall(translation)) == set(pattern.findall(entry.msgid))


def test_a_broken_catalog_names_its_line() -> None:
    with pytest.raises(po.CatalogError, match="line 2"):
        po.parse('msgid "a"\nmsgstr "unterminated\n')
    with pytest.raises(po.CatalogError, match="line 1"):
        po.parse('msgid "a\\q"\n')


def test_fuzzy_and_untranslated_entries_fall_back_to_english() -> None:
    text = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        '#, fuzzy\nmsgid "Draft"\nmsgstr "草稿"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        'msgctxt "severity"\nmsgid "high"\nmsgstr "高"\n\n'
        'msgid "one {n}"\nmsgid_plural "many {n}"\nmsgstr[0] "{n} 个"\n\n'
        '#~ msgid "Old"\n#~ msgstr "旧"\n'
        'msgid "Two\\n"\n"lines"\nmsgstr "两\\n"\n"行"\n'
    )
    catalog = gettext.GNUTranslations(io.BytesIO(po.compile_mo(po.parse(text))))
    assert catalog.gettext("Draft") == "Draft"
    assert catalog.gettext("Empty") == "Empty"
    assert catalog.gettext("Old") == "Old"
    assert catalog.pgettext("severity", "high") == "高"
    assert catalog.gettext("high") == "high"
    assert catalog.ngettext("one {n}", "many {n}", 1) == "{n} 个"
    assert catalog.ngettext("one {n}", "many {n}", 7) == "{n} 个"
    assert catalog.gettext("Two\nlines") == "两\n行"


GLOSSARY_VARIANTS = {
    "卖家中心": "卖家平台",
    "账号": "账户",
    "二次验证": "两步验证",
    "双重验证": "两步验证",
    "双因素": "两步验证",
    "验证器应用程序": "身份验证器应用",
    "身份验证器应用程序": "身份验证器应用",
    "谷歌": "Google",
}
"""Words the platforms' Chinese pages do not use, and the glossary's term for each
(auditor/locale/zh_CN/GLOSSARY.md). `Google 账号` is Google's own name and stays."""


@pytest.mark.parametrize("entry", every_entry(), ids=lambda e: e.msgid[:40])
def test_translations_use_the_glossary_terms(entry: po.Entry) -> None:
    for translation in entry.msgstr.values():
        text = translation.replace("Google 账号", "")
        used = [
            f"{word} (write {term})" for word, term in GLOSSARY_VARIANTS.items() if word in text
        ]
        assert not used


def test_the_glossary_sources_every_amazon_term() -> None:
    glossary = (SOURCE.parent.parent / "GLOSSARY.md").read_text("utf-8")
    for term in ("卖家平台", "两步验证", "身份验证器应用", "主要方式 / 备用方式", "用户权限",
                 "主要用户 / 次级用户", "安全问题", "账户", "设置 > 登录设置 > 高级安全设置",
                 "合并账户"):  # fmt: skip
        row = next(line for line in glossary.splitlines() if f"**{term}**" in line)
        assert "https://" in row, term


def test_no_function_hides_the_translation_function() -> None:
    """`for _, x in ...` in a function that translates with `_` makes every later `_("...")`
    there the loop's value: a crash on the first message, and only in the run that reaches it."""
    import ast

    hiding = []
    for path in sorted((ROOT / "auditor").rglob("*.py")):
        for function in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            nodes = list(ast.walk(function))
            binds = any(
                isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
                for n in nodes
            )
            calls = any(
                isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
                for n in nodes
            )
            if binds and calls:
                hiding.append(f"{path.name}:{function.lineno} {function.name}")
    assert not hiding
