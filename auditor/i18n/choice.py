"""Which language a run speaks: `--lang`, else `$STORE_AUDIT_LANG`, else the locale the way
gettext reads it (`LANGUAGE`, then `LC_ALL`, `LC_MESSAGES`, `LANG`), else English.

Any spelling of Simplified Chinese picks the Chinese catalog: `zh_CN`, `zh_SG`, `zh_MY`, a bare
`zh`, `zh-Hans` (with or without a region), `zh_CN.UTF-8`, `zh_CN.GB18030@...`. Traditional
Chinese (`zh_TW`, `zh_HK`, `zh-Hant`) has no catalog yet and falls through to the next choice, as
does every other language, so nobody gets a script they did not ask for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from auditor.i18n import CHINESE, ENGLISH, LANGUAGES

SETTING = "STORE_AUDIT_LANG"
"""The environment variable that overrides the locale for store-audit alone."""

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where gettext looks for the messages' language, first set one first."""

_TRADITIONAL = {"tw", "hk", "mo", "hant"}
_SIMPLIFIED = {"cn", "sg", "my", "hans"}


def normalize(value: str) -> str | None:
    """`zh-CN` or `en` for a language tag or locale name that names one of them, else None.

    `zh_CN.UTF-8` → zh-CN, `zh-Hans-SG` → zh-CN, `en_GB` → en, `C`/`POSIX` → en, `fr_FR` → None.
    """
    name = value.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").lower()
    if name in ("c", "posix"):
        return ENGLISH
    parts = name.split("_")
    if parts[0] == "en":
        return ENGLISH
    if parts[0] != "zh":
        return None
    subtags = set(parts[1:])
    if subtags & _TRADITIONAL and not subtags & _SIMPLIFIED:
        return None
    return CHINESE


def from_locale(environ: Mapping[str, str]) -> str:
    """The language the locale asks for: the first of LOCALE_VARIABLES that is set decides
    (LANGUAGE may list several, `zh_CN:en`, the first one we have wins); English when it names
    no language store-audit speaks."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "").strip()
        if not value:
            continue
        names: Iterable[str] = value.split(":") if variable == "LANGUAGE" else [value]
        for name in names:
            found = normalize(name)
            if found:
                return found
        if variable != "LANGUAGE":
            return ENGLISH
    return ENGLISH


def from_arguments(args: Iterable[str]) -> str | None:
    """The value of a `--lang` on the command line (`--lang zh-CN`, `--lang=zh-CN`), the last
    one winning, as click does; options after `--` are arguments, not options."""
    found = None
    items = list(args)
    for index, item in enumerate(items):
        if item == "--":
            break
        if item == "--lang" and index + 1 < len(items):
            found = items[index + 1]
        elif item.startswith("--lang="):
            found = item.partition("=")[2]
    return found


def choose(args: Iterable[str], environ: Mapping[str, str]) -> str:
    """The language of this run. A `--lang` or `$STORE_AUDIT_LANG` naming no language we speak is
    left to the caller to report (click rejects the option's value; see `setting_error`); the
    choice then falls to the next source."""
    for asked in (from_arguments(args), environ.get(SETTING)):
        if asked and normalize(asked) in LANGUAGES:
            found = normalize(asked)
            assert found is not None  # noqa: S101 (just checked)
            return found
    return from_locale(environ)


def setting_error(environ: Mapping[str, str]) -> str | None:
    """What is wrong with `$STORE_AUDIT_LANG`, if it is set to a language we do not speak."""
    value = environ.get(SETTING, "").strip()
    if value and normalize(value) is None:
        return f"${SETTING}: {value[:40]!r} is not one of {', '.join(LANGUAGES)}"
    return None
