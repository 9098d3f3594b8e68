"""The HTML report's last section, who signs in where (the map `store-audit map` prints), and
the escaping every part of the HTML report uses: each value escaped, hidden characters made
visible."""

from __future__ import annotations

from html import escape

from auditor.i18n import _, listed, pgettext
from auditor.report.signin_map import SignInMap, shown_role, unrecorded
from auditor.visible import visible


def escaped(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute, hidden characters made visible."""
    return escape(visible(str(value)), quote=True)


def element(tag: str, text: str, attributes: str = "") -> str:
    """`<tag>text</tag>`, the text escaped (a heading, a paragraph in the run's language)."""
    return f"<{tag}{attributes}>{escaped(text)}</{tag}>"


def link(url: str) -> str:
    """A sign-in page (from the sourced catalog, never the inventory) as a link to follow; the
    page's CSP forbids fetching, not following. Anything but https stays text."""
    if not url.startswith("https://"):
        return f"<code>{escaped(url)}</code>"
    return f'<a href="{escaped(url)}" rel="noopener noreferrer"><code>{escaped(url)}</code></a>'


def _names(ids: tuple[str, ...] | list[str]) -> str:
    """Account ids as a list, or `none`."""
    return listed(ids) or pgettext("no accounts", "none")


def sign_in_map(signin: SignInMap | None) -> list[str]:
    """Who signs in where: a list per mailbox, phone and account, readable on a 400 px screen
    and on paper (no tables to scroll sideways)."""
    if signin is None:
        return []
    out = [
        element("h2", _("Who signs in where"), ' id="map"'),
        element("h3", _("Mailboxes")),
        '<ul class="map">',
    ]
    for m in signin.mailboxes:
        who = _(" ({name})").format(name=m.account) if m.account else _(" (not in the inventory)")
        uses = _("signs in to: {accounts}; recovers: {recovers}").format(
            accounts=_names(m.signs_in), recovers=_names(m.recovers)
        )
        out.append(f"<li><code>{escaped(m.address)}</code>{escaped(who)}<br>{escaped(uses)}</li>")
    out += ["</ul>", element("h3", _("Phones")), '<ul class="map">']
    for p in signin.phones:
        line = _("{phone}: codes for {accounts}").format(
            phone=p.phone or unrecorded(), accounts=listed(p.receives)
        )
        if p.held_by:
            line = _("{phone} (held by {holder})").format(phone=line, holder=p.held_by)
        out.append(f"<li>{escaped(line)}</li>")
    if not signin.phones:
        out.append(element("li", _("No phone receives codes."), ' class="muted"'))
    out += ["</ul>", element("h3", _("Accounts")), '<ul class="map">']
    for a in signin.accounts:
        door = link(a.sign_in) if a.sign_in else escaped(_("no sourced sign-in page"))
        codes = _("login {login}; codes: {codes}; backup codes: {count}").format(
            login=f"<code>{escaped(a.login)}</code>", codes=escaped(a.codes), count=a.backup_codes
        )
        out.append(
            "<li>"
            + _("{id} ({platform}): {door}").format(
                id=element("strong", a.id), platform=escaped(a.platform), door=door
            )
            + f"<br>{codes}</li>"
        )
    out.append("</ul>")
    return out + _people(signin)


def _people(signin: SignInMap) -> list[str]:
    """Who can get into which account, and which phones they hold."""
    if not signin.people:
        return []
    out = [element("h3", _("People")), '<ul class="map">']
    separator = pgettext("between the accounts of a person", "; ")
    for p in signin.people:
        reaches = separator.join(
            _("{account} ({how})").format(account=a, how=listed(how)) for a, how in p.reaches
        ) or pgettext("reaches no account", "nothing")
        role = shown_role(p.role)
        who = _("{role}, {left}").format(role=role, left=p.left) if p.left else role
        gets = _("gets into: {accounts}").format(accounts=reaches)
        phones = (
            "<br>" + escaped(_("holds the phones {phones}").format(phones=listed(p.phones)))
            if p.phones
            else ""
        )
        out.append(
            "<li>"
            + _("{id} ({role})").format(id=element("strong", p.id), role=escaped(who))
            + f"<br>{escaped(gets)}{phones}</li>"
        )
    return [*out, "</ul>"]
