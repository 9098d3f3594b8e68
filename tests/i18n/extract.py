"""Babel extraction for store-audit: the messages marked with `_`, `N_`, `ngettext` and
`pgettext`, and the command line's help, which click holds as plain strings: each command's
docstring (as click cleans it), every `help="..."` of an option, and the list of commands
(`COMMANDS` in auditor/cli/__init__.py). auditor/cli/language.py translates those when a command
is loaded, so they need no marker in the code.

Used by babel.cfg (`PYTHONPATH=. pybabel extract -F babel.cfg ...`, CONTRIBUTING.md) and by
tests/i18n/test_catalog.py, which holds the catalog to everything found here.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.extract import extract_python

KEYWORDS: dict[str, Any] = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
"""The markers of auditor.i18n, as Babel's extractor names them."""

Extracted = tuple[int, str, str | tuple[str, ...], list[str]]


def extract(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: list[str], options: Any
) -> Iterator[Extracted]:
    """Babel's Python extraction, then the help texts click shows."""
    data = fileobj.read()
    import io

    found: Iterator[Any] = extract_python(io.BytesIO(data), keywords, comment_tags, options)
    yield from found
    yield from click_help(data.decode("utf-8"))


def click_help(source: str) -> Iterator[Extracted]:
    """(line, "", text, []) for each help text of a click command in a module's source."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(_is_click(d) for d in node.decorator_list):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                yield node.lineno, "", inspect.cleandoc(doc).split("\f")[0].rstrip(), []
        if isinstance(node, ast.Call) and _is_click(node):
            for keyword in node.keywords:
                if keyword.arg == "help":
                    text = _string(keyword.value)
                    if text:
                        yield node.lineno, "", text, []
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == "COMMANDS" for t in targets):
            for value in getattr(getattr(node, "value", None), "values", []):
                if isinstance(value, ast.Tuple) and len(value.elts) == 3:
                    text = _string(value.elts[2])
                    if text:
                        yield value.lineno, "", text, []


def _is_click(node: ast.expr) -> bool:
    """`@click.command(...)`, `@click.group(...)`, `click.option(...)`, `click.Option(...)`."""
    target = node.func if isinstance(node, ast.Call) else node
    return (
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "click"
        and target.attr in ("command", "group", "option", "argument", "Option")
    )


def _string(node: ast.expr) -> str | None:
    """A string literal (implicitly concatenated ones included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def messages(root: Path) -> set[str]:
    """Every message the package holds for translation (message ids; plurals by singular)."""
    from babel.messages.extract import extract as babel_extract

    found: set[str] = set()
    for path in sorted(root.rglob("*.py")):
        with path.open("rb") as handle:
            method: Any = extract
            for result in babel_extract(method, handle, keywords=KEYWORDS):
                message = result[1]
                text = message[0] if isinstance(message, tuple | list) else message
                if text:
                    found.add(text)
    return found
