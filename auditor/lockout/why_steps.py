"""The steps of `store-audit why ID` and what is made of them: the closing line and the JSON
document (`store-audit/why/1`). why.py walks the account and builds the steps."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.i18n import _, current, pgettext


@dataclass(frozen=True)
class Step:
    """One question of the walk and what store-audit found."""

    number: int
    """1 to 6, in the order the causes are checked."""
    title: str
    """The question ("Right email?")."""
    lines: tuple[str, ...]
    """What store-audit knows, a sentence a line."""
    cause: str | None = None
    """The lock-out cause this step found, if any."""
    typed: bool = False
    """Whether the cause rests on what the seller typed just now (a password, a code): that
    outranks what the inventory suggests."""
    pages: bool = False
    """Whether the step lists the platform's own pages (the conclusion may point back to them)."""


def conclusion(steps: list[Step]) -> str:
    """The closing line: the first cause found in what the seller typed, else the first one
    the inventory and keyring show, with any other causes after it; or what is left to check."""
    causes = [s for s in steps if s.cause and s.typed] + [
        s for s in steps if s.cause and not s.typed
    ]
    if causes:
        closing = _("most likely cause: {cause}").format(cause=causes[0].cause)
        if len(causes) > 1:
            separator = pgettext("between causes", "; ")
            others = separator.join(str(s.cause) for s in causes[1:])
            closing = _("{closing}; also: {others}").format(closing=closing, others=others)
        return closing
    if any(s.pages for s in steps):
        return _(
            "nothing here explains it: the account may be restricted or the site down; see the "
            "platform's pages above"
        )
    return _(
        "nothing here explains it: the account may be restricted or the site down; check the "
        "platform's notices by email and its help centre"
    )


def why_json(account_id: str, steps: list[Step], closing: str) -> str:
    """The walk as JSON (`store-audit/why/1`), for scripts."""
    import json

    return json.dumps(
        {
            "schema": "store-audit/why/1",
            "account": account_id,
            "steps": [
                {"number": s.number, "title": s.title, "lines": list(s.lines), "cause": s.cause}
                for s in steps
            ],
            "conclusion": closing,
            "lang": current(),
        },
        ensure_ascii=False,
        indent=2,
    )
