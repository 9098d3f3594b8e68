"""`store-audit map` on a terminal (tables), in markdown and in JSON (`store-audit/map/1`). The
HTML report draws the same map in a section of its own (report/html_format.py)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from tabulate import tabulate

from auditor.i18n import ENGLISH, _, current, listed, pgettext
from auditor.i18n.width import wrap
from auditor.report.markdown import md
from auditor.report.signin_map import SignInMap, shown_role, unrecorded


def _names(ids: Sequence[str]) -> str:
    return listed(ids) or "-"


def _reaches(reaches: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """`amazon-na (primary login, holds the codes)` for each account a person gets into."""
    return [_("{account} ({how})").format(account=a, how=listed(how)) for a, how in reaches]


def _tables(signin: SignInMap) -> list[tuple[str, list[str], list[list[str]]]]:
    """Each table's title, header and rows, shared by the text and markdown forms."""
    return [
        (
            _("Mailboxes"),
            [_("mailbox"), _("in the inventory as"), _("signs in to"), _("recovers")],
            [
                [
                    m.address,
                    m.account or _("(not in the inventory)"),
                    _names(m.signs_in),
                    _names(m.recovers),
                ]
                for m in signin.mailboxes
            ],
        ),
        (
            _("Phones"),
            [_("phone"), _("receives the codes of"), _("held by")],
            [
                [p.phone or unrecorded(), _names(p.receives), p.held_by or "-"]
                for p in signin.phones
            ],
        ),
        (
            _("Accounts"),
            [
                _("account"),
                _("platform"),
                _("sign in at"),
                _("login"),
                _("codes go to"),
                _("backup codes"),
            ],
            [
                [
                    a.id,
                    a.platform,
                    a.sign_in or _("(no sourced page)"),
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
            shown_role(p.role),
            p.left or "-",
            pgettext("between the accounts of a person", "; ").join(_reaches(p.reaches)) or "-",
            _names(p.phones),
        ]
        for p in signin.people
    ]
    header = [_("person"), _("role"), _("left"), _("gets into"), _("holds the phones")]
    return [(_("People"), header, rows)]


def render_map_table(signin: SignInMap) -> str:
    """The map for a terminal, within 80 columns: a few lines per mailbox, phone and account,
    each list folded between names, so no address, account id or URL is ever cut in two (a
    URL longer than a line stands alone on its own)."""
    return "\n".join(_mailboxes(signin) + _phones(signin) + _accounts(signin) + _persons(signin))


def _title(title: str) -> str:
    return _("{title}:").format(title=title)


def _mailboxes(signin: SignInMap) -> list[str]:
    parts = [_title(_("Mailboxes"))]
    for m in signin.mailboxes:
        parts.append(
            _("{address} ({account})").format(
                address=m.address, account=m.account or _("not in the inventory")
            )
        )
        parts += _folded(_("signs in to"), m.signs_in) + _folded(_("recovers"), m.recovers)
    if not signin.mailboxes:
        parts.append(_("(none)"))
    return parts


def _phones(signin: SignInMap) -> list[str]:
    parts = ["", _title(_("Phones"))]
    for phone in signin.phones:
        parts.append(phone.phone or unrecorded())
        parts += _folded(_("receives the codes of"), phone.receives)
        parts += _folded(_("held by"), [phone.held_by]) if phone.held_by else []
    if not signin.phones:
        parts.append(_("(none)"))
    return parts


def _accounts(signin: SignInMap) -> list[str]:
    parts = ["", _title(_("Accounts"))]
    for a in signin.accounts:
        parts.append(f"{a.id}  {a.platform}  {a.login}")
        door = a.sign_in or _("(no sourced page)")
        parts += _folded(_("sign in at"), [door], colon=False)
        codes = _("{codes}; backup codes: {count}").format(codes=a.codes, count=a.backup_codes)
        parts += _folded(_("codes go to"), [codes])
    if not signin.accounts:
        parts.append(_("(none)"))
    return parts


def _persons(signin: SignInMap) -> list[str]:
    parts = ["", _title(_("People"))] if signin.people else []
    for person in signin.people:
        role = shown_role(person.role)
        parts.append(f"{person.id}  {role}" + (f"  {person.left}" if person.left else ""))
        parts += _folded(_("gets into"), _reaches(person.reaches))
        parts += _folded(_("holds the phones"), person.phones)
    return [*parts, ""]


_INDENT = "    "


def _folded(label: str, items: Sequence[str], colon: bool = True) -> list[str]:
    """`    label: a, b, c` over as many lines as 80 columns need, cut only between items and
    at spaces (Chinese also between characters)."""
    text = (
        _("{label}: {items}") if colon else pgettext("a label and its link", "{label} {items}")
    ).format(label=label, items=_names(items))
    if current() != ENGLISH:
        lines = wrap(text, 80 - 2 * len(_INDENT))
        return [_INDENT + lines[0], *(_INDENT * 2 + line for line in lines[1:])]
    return textwrap.wrap(
        text,
        width=80,
        initial_indent=_INDENT,
        subsequent_indent=_INDENT * 2,
        break_long_words=False,
        break_on_hyphens=False,
    )


def render_map_markdown(signin: SignInMap) -> str:
    """Three GitHub-flavoured markdown tables under headings."""
    parts = ["# " + md(_("Who signs in where")) + "\n"]
    for title, header, rows in _tables(signin):
        escaped = [[md(cell) for cell in row] for row in rows]  # as audit's markdown does
        body = tabulate(escaped, header, tablefmt="github") if rows else md(_("(none)"))
        parts.append(f"## {md(title)}\n\n{body}\n")
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
