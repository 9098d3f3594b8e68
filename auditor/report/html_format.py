"""`--format html`: one self-contained page for a client or a printer.

Inline CSS, no script, nothing fetched (a Content-Security-Policy says so to the browser too),
every value escaped. Summary counts, the checklist, then findings grouped by account.
"""

from __future__ import annotations

from html import escape

from auditor.findings import Finding
from auditor.i18n import current
from auditor.report.common import (
    breach_note,
    code_spans,
    describe_expired,
    findings_by_account,
    fixed_note,
    status,
    summary_text,
)
from auditor.report.results import Report
from auditor.report.signin_map import UNRECORDED, SignInMap
from auditor.visible import visible
from auditor.vocabulary import SEVERITY_NAMES

STYLE = """
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d8dce4; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC",
       "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
       "WenQuanYi Micro Hei", sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
body:lang(zh) { line-height: 1.7; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; font-size: 1.2rem; }
h3 { font-size: 1rem; margin: 1.4rem 0 .4rem; } .meta, .muted { color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .8rem; }
.counts b { font-size: 1.3rem; display: block; }
.sev { display: inline-block; min-width: 4.8rem; text-align: center; border-radius: .3rem;
       font-size: .75rem; font-weight: 700; text-transform: uppercase; padding: .05rem .4rem;
       border: 1px solid currentColor; }
.critical { color: #a4001d; } .high { color: #b54700; } .medium { color: #7a6000; }
.low { color: #245c9e; } .info { color: #5b6475; }
ol.checklist { padding-left: 0; list-style: none; counter-reset: step; }
ol.checklist li { counter-increment: step; border-top: 1px solid var(--line); padding: .5rem 0
                  .5rem 2.2rem; position: relative; break-inside: avoid; }
ol.checklist li::before { content: "\\2610"; position: absolute; left: .3rem; font-size: 1.2rem;
                          line-height: 1.3; }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
ul.findings { padding-left: 1.2rem; } ul.findings li { margin: .4rem 0; break-inside: avoid; }
.gate { border-left: 4px solid var(--ink); padding: .4rem .8rem; }
.new, .state { font-size: .75rem; font-weight: 700; border-radius: .3rem; padding: .05rem .4rem;
               white-space: nowrap; } .new { background: #fde7c8; } .state { background: #eceef2; }
h1, h2, h3, p, li { overflow-wrap: anywhere; }
ul.map { padding-left: 0; list-style: none; } ul.map li { border-top: 1px solid var(--line);
         padding: .4rem 0; break-inside: avoid; overflow-wrap: anywhere; }
@page { margin: 1.5cm; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; }
               h2, h3, h3 + p { break-after: avoid; } .counts li { padding: .2rem .5rem; } }
"""


def _text(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute, hidden characters made visible."""
    return escape(visible(str(value)), quote=True)


def _prose(text: str) -> str:
    """Escaped text whose `backticked` commands become <code>."""
    return "".join(
        f"<code>{_text(piece)}</code>" if is_code else _text(piece)
        for piece, is_code in code_spans(text)
    )


def _severity(label: str) -> str:
    return f'<span class="sev {_text(label)}">{_text(label)}</span>'


def render_html(report: Report) -> str:
    """The whole page as one string."""
    out = [
        *_head(report),
        *_notes(report),
        *_checklist(report),
        *_findings(report),
        *_fixed(report),
    ]
    out += _sign_in_map(report)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _head(report: Report) -> list[str]:
    """The document head, title and summary counts."""
    counts = report.summary
    baseline = (
        [
            f"<li><b>{counts['new']}</b>new</li>",
            f"<li><b>{counts['in_baseline']}</b>in baseline</li>",
        ]
        if report.baseline_used
        else []
    )
    return [
        "<!DOCTYPE html>",
        f'<html lang="{current()}"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>store-audit report: {_text(report.inventory_path)}</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>store-audit report</h1>",
        f'<p class="meta">{_text(report.inventory_path)}, {report.account_count} accounts, '
        f"generated {report.generated_at:%Y-%m-%d %H:%M} UTC by store-audit "
        f"{_text(report.tool_version)}</p>",
        '<ul class="counts">',
        *(f'<li class="{name}"><b>{counts[name]}</b>{name}</li>' for name in SEVERITY_NAMES),
        f"<li><b>{counts['suppressed']}</b>suppressed</li>",
        *baseline,
        "</ul>",
        f'<p class="muted">{_text(summary_text(report))}</p>',
    ]


def _notes(report: Report) -> list[str]:
    """Scope, the onboarding verdict and expired ignores."""
    out = []
    if report.scope:
        out.append(f"<p>Findings involving {_text(', '.join(report.scope))} only.</p>")
    verdict = report.gate_verdict()
    if verdict:
        out.append(f'<p class="gate"><strong>Gate:</strong> {_text(verdict)}</p>')
    out += [f'<p class="gate">{_text(describe_expired(x))}.</p>' for x in report.expired_ignores]
    note = breach_note(report)
    if note:
        out.append(f'<p class="muted">{_prose(note)}</p>')
    return out


def _fixed(report: Report) -> list[str]:
    """The baseline's findings this run no longer finds."""
    note = fixed_note(report)
    if note is None:
        return []
    out = ["<h2>Fixed since the baseline</h2>", f"<p>{_text(note)}.</p>"]
    if report.fixed_since_baseline:
        out.append('<ul class="findings">')
        out += [f"<li><code>{_text(key)}</code></li>" for key in report.fixed_since_baseline]
        out.append("</ul>")
    return out


def _checklist(report: Report) -> list[str]:
    """The ranked actions, each with a tick box; with a baseline, new ones are marked."""
    out = ["<h2>Hardening checklist</h2>"]
    if not report.checklist:
        return [*out, "<p>Nothing to fix.</p>"]
    out.append('<ol class="checklist">')
    for action in report.checklist:
        new = ' <span class="new">new</span>' if report.is_new_action(action) else ""
        resolves = ", ".join(f"<code>{_text(k)}</code>" for k in action.resolves)
        out.append(
            f"<li>{action.rank}. {_severity(action.severity.label)}{new} "
            f"{_prose(action.action)}."
            f'<br><span class="muted">Protects {len(action.protects)}: '
            f"{_text(', '.join(action.protects))}. Resolves {resolves}.</span></li>"
        )
    out.append("</ol>")
    return out


def _findings(report: Report) -> list[str]:
    """Every finding, grouped by the accounts it involves; then the accounts with none."""
    out = ["<h2>Findings by account</h2>"]
    accounts = {a.id: a for a in report.accounts}
    clean = []
    for account_id, findings in findings_by_account(report).items():
        if not findings:
            clean.append(account_id)
            continue
        account = accounts[account_id]
        store = f" ({account.store})" if account.store else ""
        out.append(
            f"<h3>{_text(account_id)}{_text(store)}</h3>"
            f'<p class="muted">{_text(account.platform_name)} {_text(account.kind)}, '
            f"signs in as {_text(account.login)}</p>"
            '<ul class="findings">'
        )
        out += [_finding(item, report) for item in findings]
        out.append("</ul>")
    if clean:
        out.append(f'<p class="muted">No findings: {_text(", ".join(clean))}.</p>')
    return out


def _finding(item: Finding, report: Report) -> str:
    state = status(item, report)
    note = f' <span class="state">{_text(state)}</span>' if state != "open" else ""
    accepted = (
        f'<br><span class="muted">Accepted: {_text(item.suppression_reason)}</span>'
        if item.suppressed
        else ""
    )
    return (
        f"<li>{_severity(item.severity.label)}{note} <code>{_text(item.key)}</code><br>"
        f"{_prose(item.message)}.<br><em>{_prose(item.remediation)}</em>{accepted}</li>"
    )


def _sign_in_map(report: Report) -> list[str]:
    """Who signs in where: a list per mailbox, phone and account, readable on a 400 px screen
    and on paper (no tables to scroll sideways)."""
    signin = report.sign_in_map
    if signin is None:
        return []
    out = ['<h2 id="map">Who signs in where</h2>', "<h3>Mailboxes</h3>", '<ul class="map">']
    for m in signin.mailboxes:
        who = f" ({_text(m.account)})" if m.account else " (not in the inventory)"
        out.append(
            f"<li><code>{_text(m.address)}</code>{who}<br>"
            f"signs in to: {_text(', '.join(m.signs_in) or 'none')}; "
            f"recovers: {_text(', '.join(m.recovers) or 'none')}</li>"
        )
    out += ["</ul>", "<h3>Phones</h3>", '<ul class="map">']
    out += [
        f"<li>{_text(p.phone or UNRECORDED)}: codes for {_text(', '.join(p.receives))}"
        + (f" (held by {_text(p.held_by)})" if p.held_by else "")
        + "</li>"
        for p in signin.phones
    ]
    if not signin.phones:
        out.append('<li class="muted">No phone receives codes.</li>')
    out += ["</ul>", "<h3>Accounts</h3>", '<ul class="map">']
    for a in signin.accounts:
        door = f"<code>{_text(a.sign_in)}</code>" if a.sign_in else "no sourced sign-in page"
        out.append(
            f"<li><strong>{_text(a.id)}</strong> ({_text(a.platform)}): {door}<br>"
            f"login <code>{_text(a.login)}</code>; codes: {_text(a.codes)}; "
            f"backup codes: {a.backup_codes}</li>"
        )
    out.append("</ul>")
    return out + _people(signin)


def _people(signin: SignInMap) -> list[str]:
    """Who can get into which account, and which phones they hold."""
    if not signin.people:
        return []
    out = ["<h3>People</h3>", '<ul class="map">']
    for p in signin.people:
        reaches = "; ".join(f"{a} ({', '.join(how)})" for a, how in p.reaches) or "nothing"
        left = f", {p.left}" if p.left else ""
        phones = f"<br>holds the phones {_text(', '.join(p.phones))}" if p.phones else ""
        out.append(
            f"<li><strong>{_text(p.id)}</strong> ({_text(p.role)}{_text(left)})<br>"
            f"gets into: {_text(reaches)}{phones}</li>"
        )
    return [*out, "</ul>"]
