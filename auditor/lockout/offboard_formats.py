"""`store-audit offboard PERSON` as text (a terminal), markdown (a checklist to tick off) and
JSON (`store-audit/offboard/1`, for scripts)."""

from __future__ import annotations

import json
import re
import textwrap

from auditor.checks import access_departed, password_known_to_departed
from auditor.i18n import ENGLISH, _, current, listed, ngettext, pgettext
from auditor.i18n.width import display_width, wrap
from auditor.inventory import pages
from auditor.lockout.offboard import REACH, Offboarding, Step

CLEARED = (access_departed.CHECK, password_known_to_departed.CHECK)
"""The checks whose findings about the person the offboarding clears."""


def _title(plan: Offboarding) -> str:
    person = plan.person
    if person.left is None:
        when = _("who is leaving (no `left` date recorded yet)")
    elif person.has_left(plan.today):
        when = _("who left {day}").format(day=person.left.isoformat())
    else:
        when = _("who leaves {day}").format(day=person.left.isoformat())
    count = len(plan.steps)
    if not count:
        title = _(
            "Offboarding {person}, {when}: no account in the inventory names them, and no code "
            "phone is theirs."
        )
    else:
        title = ngettext(
            "Offboarding {person}, {when}: {n} account they can get into, mailboxes and payout "
            "accounts first.",
            "Offboarding {person}, {when}: {n} accounts they can get into, mailboxes and payout "
            "accounts first.",
            count,
        )
    return title.format(person=person.label, when=when, n=count)


def _closing(plan: Offboarding) -> str:
    checks = listed(check.id for check in CLEARED)
    return _("Then run `store-audit audit`: none of {person}'s findings ({checks}) remain.").format(
        person=plan.person.id, checks=checks
    )


def _reach(step: Step) -> str:
    """How they get in, as a list a person reads."""
    return pgettext("between problems", "; ").join(_(REACH[r]) for r in step.reach)


def _resets(step: Step) -> str:
    return listed(step.resets)


def render_offboard_text(plan: Offboarding) -> str:
    """Numbered steps for a terminal."""
    lines = [*_wrap(_title(plan)), ""]
    if plan.record_left:
        record = _("0. Record the day they leave in the inventory:")
        lines += [record, f"   {plan.record_left}", ""]
    label = _("record: ")
    for number, step in enumerate(plan.steps, start=1):
        lines.append(f"{number}. {step.what}")
        lines += _wrap(_("gets in with: {ways}").format(ways=_reach(step)), "   ")
        lines.append(_("   on the platform:"))
        lines += [line for change in step.changes for line in _wrap(f"- {change}", "   ")]
        if step.resets:
            resets = _("through it they could also reset: {accounts}")
            lines += _wrap(resets.format(accounts=_resets(step)), "   ")
        for index, command in enumerate(step.commands):  # never wrapped: copied as is
            shown = label if index == 0 else " " * display_width(label)
            lines.append(f"   {shown}{command}")
        lines.append("")
    lines += _wrap(_closing(plan))
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "") -> list[str]:
    """A sentence in lines of at most 80 columns, continued under its first word. Chinese,
    which has no spaces to break at, is wrapped by display width between characters."""
    if current() != ENGLISH:
        lines = _wrap_chinese(text, 80 - len(indent) - 2)
        return [indent + lines[0], *(indent + "  " + line for line in lines[1:])]
    return textwrap.wrap(
        text, 80, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False
    ) or [indent]


_URL = re.compile(r"https?://[!-~]+?(?=[)]?(?:[^!-~]|$))")
"""A URL in Chinese text: ASCII up to the first full-width character (a ）or ，)."""


def _wrap_chinese(text: str, width: int) -> list[str]:
    """Chinese wrapped by display width; a URL too long for a line gets a line of its own,
    whole (with the marks around it), so it can still be copied or clicked."""
    lines: list[str] = []
    rest = text
    while (found := _URL.search(rest)) and display_width(found.group()) > width:
        start = found.start() - (rest[found.start() - 1 : found.start()] == "（")
        end = found.end() + (rest[found.end() : found.end() + 1] in ("）", "，", "。"))
        lines += wrap(rest[:start], width) if rest[:start] else []
        lines.append(rest[start:end])
        rest = rest[end:]
    return [*lines, *(wrap(rest, width) if rest else [])] or [""]


def render_offboard_markdown(plan: Offboarding) -> str:
    """A checklist to tick off, one box per change and per command."""
    lines = [_("# Offboarding {person}").format(person=plan.person.id), "", _title(plan), ""]
    if plan.record_left:
        record = _("- [ ] Record the day they leave: `{setting}`")
        lines += [record.format(setting=plan.record_left), ""]
    for number, step in enumerate(plan.steps, start=1):
        lines.append(f"## {number}. {_md(step.what)}")
        lines.append("")
        lines.append(_("Gets in with: {ways}.").format(ways=_md(_reach(step))))
        if step.resets:
            resets = _("Through it they could also reset: {accounts}.")
            lines.append(resets.format(accounts=_md(_resets(step))))
        lines.append("")
        lines += [f"- [ ] {_md(change[:1].upper() + change[1:])}" for change in step.changes]
        lines += [f"- [ ] `{command}`" for command in step.commands]
        lines.append("")
    lines.append(_closing(plan))
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Inventory text as Markdown shows it literally; the catalog's URLs are left whole, so
    they stay links (in angle brackets where no space or parenthesis comes before one, as
    in Chinese text, which Markdown would not otherwise see as a link)."""
    urls = {
        page.url
        for entry in pages.all_pages().values()
        for by_region in entry.topics.values()
        for page in by_region.values()
    }
    found = [url for url in sorted(urls, key=len, reverse=True) if url in text]
    if not found:
        return _escape(text)
    pieces = re.split("(" + "|".join(map(re.escape, found)) + ")", text)
    shown = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            shown.append(_escape(piece))
        elif not piece or pieces[index - 1][-1:] in ("", " ", "("):
            shown.append(piece)
        else:
            shown.append(f"<{piece}>")
    return "".join(shown)


def _escape(text: str) -> str:
    return "".join(f"\\{c}" if c in "\\`*_[]<>|#" else c for c in text)


def offboard_json(plan: Offboarding) -> str:
    """The checklist as JSON."""
    person = plan.person
    return json.dumps(
        {
            "schema": "store-audit/offboard/1",
            "person": {
                "id": person.id,
                "role": person.role,
                "name": person.name,
                "left": person.left.isoformat() if person.left else None,
                "has_left": person.has_left(plan.today),
            },
            "today": plan.today.isoformat(),
            "record_left": plan.record_left,
            "steps": [_step_json(step) for step in plan.steps],
        },
        ensure_ascii=False,
        indent=2,
    )


def _step_json(step: Step) -> dict[str, object]:
    return {
        "account": step.account,
        "what": step.what,
        "reach": list(step.reach),
        "changes": list(step.changes),
        "commands": list(step.commands),
        "resets": list(step.resets),
    }
