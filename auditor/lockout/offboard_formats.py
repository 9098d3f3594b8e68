"""`store-audit offboard PERSON` as text (a terminal), markdown (a checklist to tick off) and
JSON (`store-audit/offboard/1`, for scripts)."""

from __future__ import annotations

import json
import textwrap

from auditor.checks import access_departed, password_known_to_departed
from auditor.inventory import pages
from auditor.lockout.offboard import REACH, Offboarding, Step

CLEARED = (access_departed.CHECK, password_known_to_departed.CHECK)
"""The checks whose findings about the person the offboarding clears."""


def _title(plan: Offboarding) -> str:
    person = plan.person
    if person.left is None:
        when = "who is leaving (no `left` date recorded yet)"
    elif person.has_left(plan.today):
        when = f"who left {person.left.isoformat()}"
    else:
        when = f"who leaves {person.left.isoformat()}"
    count = len(plan.steps)
    if not count:
        return (
            f"Offboarding {person.label}, {when}: no account in the inventory names them, and "
            "no code phone is theirs."
        )
    return (
        f"Offboarding {person.label}, {when}: {count} account{'' if count == 1 else 's'} "
        "they can get into, mailboxes and payout accounts first."
    )


def _closing(plan: Offboarding) -> str:
    checks = ", ".join(check.id for check in CLEARED)
    return f"Then run `store-audit audit`: none of {plan.person.id}'s findings ({checks}) remain."


def render_offboard_text(plan: Offboarding) -> str:
    """Numbered steps for a terminal."""
    lines = [*_wrap(_title(plan)), ""]
    if plan.record_left:
        lines += ["0. Record the day they leave in the inventory:", f"   {plan.record_left}", ""]
    for number, step in enumerate(plan.steps, start=1):
        lines.append(f"{number}. {step.what}")
        lines += _wrap(f"gets in with: {'; '.join(REACH[r] for r in step.reach)}", "   ")
        lines.append("   on the platform:")
        lines += [line for change in step.changes for line in _wrap(f"- {change}", "   ")]
        if step.resets:
            lines += _wrap(f"through it they could also reset: {', '.join(step.resets)}", "   ")
        for index, command in enumerate(step.commands):  # never wrapped: copied as is
            lines.append(f"   {'record: ' if index == 0 else '        '}{command}")
        lines.append("")
    lines += _wrap(_closing(plan))
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "") -> list[str]:
    """A sentence in lines of at most 80 columns, continued under its first word."""
    return textwrap.wrap(
        text, 80, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False
    ) or [indent]


def render_offboard_markdown(plan: Offboarding) -> str:
    """A checklist to tick off, one box per change and per command."""
    lines = [f"# Offboarding {plan.person.id}", "", _title(plan), ""]
    if plan.record_left:
        lines += [f"- [ ] Record the day they leave: `{plan.record_left}`", ""]
    for number, step in enumerate(plan.steps, start=1):
        lines.append(f"## {number}. {_md(step.what)}")
        lines.append("")
        lines.append(f"Gets in with: {_md('; '.join(REACH[r] for r in step.reach))}.")
        if step.resets:
            lines.append(f"Through it they could also reset: {_md(', '.join(step.resets))}.")
        lines.append("")
        lines += [f"- [ ] {_md(change[:1].upper() + change[1:])}" for change in step.changes]
        lines += [f"- [ ] `{command}`" for command in step.commands]
        lines.append("")
    lines.append(_closing(plan))
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Inventory text as Markdown shows it literally; the catalog's URLs are left whole, so
    they stay links."""
    urls = {
        page.url
        for entry in pages.all_pages().values()
        for by_region in entry.topics.values()
        for page in by_region.values()
    }
    return " ".join(word if word.strip("()") in urls else _escape(word) for word in text.split(" "))


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
