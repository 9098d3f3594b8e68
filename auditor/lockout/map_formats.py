"""`store-audit map` on a terminal (tables), in markdown and in JSON (`store-audit/map/1`). The
HTML report draws the same map in a section of its own (report/html_format.py)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from tabulate import tabulate

from auditor.i18n import current
from auditor.report.markdown import md
from auditor.report.signin_map import UNRECORDED, SignInMap


def _names(ids: Sequence[str]) -> str:
    return ", ".join(ids) or "-"


def _tables(signin: SignInMap) -> list[tuple[str, list[str], list[list[str]]]]:
    """Each table's title, header and rows, shared by the text and markdown forms."""
    return [
        (
            "Mailboxes",
            ["mailbox", "in the inventory as", "signs in to", "recovers"],
            [
                [
                    m.address,
                    m.account or "(not in the inventory)",
                    _names(m.signs_in),
                    _names(m.recovers),
                ]
                for m in signin.mailboxes
            ],
        ),
        (
            "Phones",
            ["phone", "receives the codes of", "held by"],
            [[p.phone or UNRECORDED, _names(p.receives), p.held_by or "-"] for p in signin.phones],
        ),
        (
            "Accounts",
            ["account", "platform", "sign in at", "login", "codes go to", "backup codes"],
            [
                [
                    a.id,
                    a.platform,
                    a.sign_in or "(no sourced page)",
                    a.login,
                    a.codes,
                    str(a.backup_codes),
                ]
                for a in signin.accounts
            ],
        ),
    ] + _people(signin)


def _people(signin: SignInMap) -> list[tuple[str, list[str], list[list[str]]]]:
    """The people table, when the inventory records people."""
    if not signin.people:
        return []
    rows = [
        [
            p.id,
            p.role,
            p.left or "-",
            "; ".join(f"{account} ({', '.join(how)})" for account, how in p.reaches) or "-",
            _names(p.phones),
        ]
        for p in signin.people
    ]
    return [("People", ["person", "role", "left", "gets into", "holds the phones"], rows)]


def render_map_table(signin: SignInMap) -> str:
    """The map for a terminal, within 80 columns: a few lines per mailbox, phone and account,
    each list folded between names, so no address, account id or URL is ever cut in two (a
    URL longer than a line stands alone on its own)."""
    parts = ["Mailboxes:"]
    for m in signin.mailboxes:
        parts.append(f"{m.address} ({m.account or 'not in the inventory'})")
        parts += _folded("signs in to", m.signs_in) + _folded("recovers", m.recovers)
    if not signin.mailboxes:
        parts.append("(none)")
    parts += ["", "Phones:"]
    for phone in signin.phones:
        parts.append(phone.phone or UNRECORDED)
        parts += _folded("receives the codes of", phone.receives)
        parts += _folded("held by", [phone.held_by]) if phone.held_by else []
    if not signin.phones:
        parts.append("(none)")
    parts += ["", "Accounts:"]
    for a in signin.accounts:
        parts.append(f"{a.id}  {a.platform}  {a.login}")
        parts.append(f"{_INDENT}sign in at {a.sign_in or '(no sourced page)'}")
        parts += _folded("codes go to", [f"{a.codes}; backup codes: {a.backup_codes}"])
    if not signin.accounts:
        parts.append("(none)")
    if signin.people:
        parts += ["", "People:"]
    for person in signin.people:
        parts.append(
            f"{person.id}  {person.role}" + (f"  left {person.left}" if person.left else "")
        )
        reaches = [f"{account} ({', '.join(how)})" for account, how in person.reaches]
        parts += _folded("gets into", reaches) + _folded("holds the phones", person.phones)
    return "\n".join(parts) + "\n"


_INDENT = "    "


def _folded(label: str, items: Sequence[str]) -> list[str]:
    """`    label: a, b, c` over as many lines as 80 columns need, cut only between items and
    at spaces."""
    return textwrap.wrap(
        f"{label}: {_names(items)}",
        width=80,
        initial_indent=_INDENT,
        subsequent_indent=_INDENT * 2,
        break_long_words=False,
        break_on_hyphens=False,
    )


def render_map_markdown(signin: SignInMap) -> str:
    """Three GitHub-flavoured markdown tables under headings."""
    parts = ["# Who signs in where\n"]
    for title, header, rows in _tables(signin):
        escaped = [[md(cell) for cell in row] for row in rows]  # as audit's markdown does
        body = tabulate(escaped, header, tablefmt="github") if rows else "(none)"
        parts.append(f"## {title}\n\n{body}\n")
    return "\n".join(parts)


def map_json(signin: SignInMap) -> str:
    """The map as JSON, for scripts."""
    return json.dumps(
        {
            "schema": "store-audit/map/1",
            "mailboxes": [
                {"address": m.address, "account": m.account, "signs_in": list(m.signs_in),
                 "recovers": list(m.recovers)}
                for m in signin.mailboxes
            ],
            "phones": [{"phone": p.phone, "receives": list(p.receives), "held_by": p.held_by}
                       for p in signin.phones],
            "people": [
                {"id": p.id, "role": p.role, "left": p.left, "phones": list(p.phones),
                 "reaches": [{"account": a, "how": list(how)} for a, how in p.reaches]}
                for p in signin.people
            ],
            "accounts": [
                {"id": a.id, "platform": a.platform, "sign_in": a.sign_in, "login": a.login,
                 "codes": a.codes, "backup_codes": a.backup_codes}
                for a in signin.accounts
            ],
            "lang": current(),
        },
        ensure_ascii=False,
        indent=2,
    )  # fmt: skip
