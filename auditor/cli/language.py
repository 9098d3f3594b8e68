"""The command line in the language chosen for the run: `--lang` on every command, click's own
messages (usage, "No such option", "Missing argument") and every command's help.

The language is chosen before click parses anything (`start`), so that a usage error about the
very command line that asks for Chinese is already in Chinese. The `--lang` option each command
carries (`LANG_OPTION`) is what click checks and what `--help` shows.
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click

from auditor import i18n
from auditor.i18n import ENGLISH, LANGUAGES, N_, _, choice, listed

_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)
"""click's modules that write messages; each binds `gettext.gettext` as `_` (and `ngettext`)
when it is imported, which is how click lets an application translate them."""


def _checked(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`zh-CN` or `en`, from any spelling of a locale that names one (`zh_CN`, `zh-Hans`); the
    run already speaks it (`start`)."""
    if value is None:
        return None
    found = choice.normalize(value)
    if found is None:
        raise click.BadParameter(
            _("{value!r} is not one of {choices}.").format(value=value, choices=listed(LANGUAGES)),
            ctx,
            param,
        )
    return found


LANG_HELP = N_(
    "Language of everything it writes: zh-CN or en [default: $STORE_AUDIT_LANG, else the locale]."
)


def lang_option() -> click.Option:
    """The `--lang` option, a fresh one for each command that gets it."""
    return click.Option(["--lang"], **LANG_OPTION)


LANG_OPTION: dict[str, Any] = {
    "metavar": "[zh-CN|en]",
    "callback": _checked,
    "expose_value": False,
    "help": LANG_HELP,
}
"""What `--lang` is, wherever it appears (the group and each command)."""


def start(args: Sequence[str] | None) -> None:
    """Choose the run's language from its arguments and environment, before click reads them,
    and speak it (click's messages too). A `$STORE_AUDIT_LANG` naming a language store-audit
    does not speak is one line and exit 2, like any bad setting."""
    arguments = list(sys.argv[1:] if args is None else args)
    i18n.use(choice.choose(arguments, os.environ))
    translate_click()
    problem = choice.setting_error(os.environ)
    if problem and choice.from_arguments(arguments) is None:
        click.echo(_("store-audit: error: {message}").format(message=problem), err=True)
        sys.exit(2)


def translate_click() -> None:
    """Point click's messages at the catalog in use (English: gettext's own, untranslated)."""
    catalog = i18n.catalog()
    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = catalog.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = catalog.ngettext  # type: ignore[attr-defined]


class HelpFormatter(click.HelpFormatter):
    """click's help layout, measuring Chinese in display columns and breaking it between
    characters (click's own wrapping counts characters and breaks only at spaces); English help
    is click's, unchanged."""

    def write_text(self, text: str) -> None:
        if i18n.current() == ENGLISH:
            super().write_text(text)
            return
        from auditor.i18n.width import wrap

        indent = " " * self.current_indent
        blocks = []
        for paragraph in text.split("\n\n"):
            if paragraph.startswith("\b"):  # click's mark for lines kept as they are
                lines = paragraph.split("\n")[1:]
            else:
                lines = wrap(paragraph.replace("\n", " ").strip(), self.width - len(indent))
            blocks.append("\n".join(indent + line for line in lines))
        self.write("\n\n".join(blocks) + "\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and i18n.current() != ENGLISH:
            # 用法：, no space after a full-width colon; click's own message (click.po), asked
            # of the `_` translate_click gave click.formatting
            prefix = vars(click.formatting)["_"]("Usage:")
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if i18n.current() == ENGLISH:
            super().write_heading(heading)
            return
        self.write(f"{'':>{self.current_indent}}{heading}：\n")  # 选项：, as 用法：

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        if i18n.current() == ENGLISH:
            super().write_dl(rows, col_max, col_spacing)
            return
        from auditor.i18n.width import display_width, wrap

        rows = list(rows)
        first_col = min(max((display_width(r[0]) for r in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - 2, 10)) if second else [""]
            pad = " " * (first_col + self.current_indent)
            self.write("\n".join([lines[0], *(pad + line for line in lines[1:])]) + "\n")


def short_help(text: str, limit: int) -> str:
    """A command's first sentence for the list of commands, cut to `limit` columns as click
    cuts English (click counts characters, which would let Chinese run twice as wide)."""
    if i18n.current() == ENGLISH:
        return click.Command("", help=text).get_short_help_str(limit)
    from auditor.i18n.width import display_width

    first = text.split("\n\n")[0].replace("\n", " ").strip()
    first = first.split("。")[0] + ("。" if "。" in first else "")
    if display_width(first) <= limit:
        return first
    while display_width(first) > limit - 3:
        first = first[:-1]
    return first.rstrip("，、；： ") + "..."


class Context(click.Context):
    """A command's context, laying its help out with `HelpFormatter`."""

    formatter_class = HelpFormatter


def translate_help(command: click.Command) -> click.Command:
    """The command's help texts in the run's language, its English kept to translate from on
    the next run in this process (the tests run many)."""
    if not any(param.name == "lang" for param in command.params):
        command.params.append(lang_option())
    for holder in (command, *command.params):
        english = holder.__dict__.setdefault("english_help", getattr(holder, "help", None))
        if english:
            # click cleans a docstring's indentation when it shows it; the catalog holds it clean
            shown = _(inspect.cleandoc(english).partition("\f")[0])
            setattr(holder, "help", shown)  # noqa: B010 (Argument has no such field)
    command.context_class = Context
    return command
