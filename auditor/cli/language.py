"""The command line in the language chosen for the run: `--lang` on every command, click's own
messages (usage, "No such option", "Missing argument") and every command's help.

The language is chosen before click parses anything (`start`), so that a usage error about the
very command line that asks for Chinese is already in Chinese. The `--lang` option each command
carries (`LANG_OPTION`) is what click checks and what `--help` shows.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from auditor import i18n
from auditor.i18n import LANGUAGES, N_, _, choice

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
            _("{value!r} is not one of {choices}.").format(
                value=value, choices=", ".join(LANGUAGES)
            ),
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


def translate_help(command: click.Command) -> click.Command:
    """The command's help texts in the run's language, its English kept to translate from on
    the next run in this process (the tests run many)."""
    for holder in (command, *command.params):
        english = holder.__dict__.setdefault("english_help", getattr(holder, "help", None))
        if english:
            setattr(holder, "help", _(english))  # noqa: B010 (Argument has no such field)
    if not any(param.name == "lang" for param in command.params):
        command.params.append(lang_option())
    return command
