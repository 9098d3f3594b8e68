"""`--format html`: one self-contained page for a client or a printer.

Inline CSS, no script, nothing fetched (a Content-Security-Policy says so to the browser too),
every value escaped. Summary counts, the checklist, then findings grouped by account.
"""

from __future__ import annotations

from auditor.findings import Finding
from auditor.i18n import _, current, listed, sentence
from auditor.report.common import (
    baseline_changes,
    breach_note,
    code_spans,
    describe_expired,
    findings_by_account,
    fixed_note,
    shown_change,
    shown_state,
    shown_status,
    status,
    summary_text,
)
from auditor.report.html_map import element, escaped, sign_in_map
from auditor.report.results import Report
from auditor.vocabulary import Severity, shown_kind

STYLE = """
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d8dce4; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC",
       "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
       "WenQuanYi Micro Hei", sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
body:lang(zh) { line-height: 1.7; }
:lang(zh) em { font-style: normal; color: #2f4a6d; }  /* CJK fonts have no italic */
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


def _prose(text: str) -> str:
    """Escaped text whose `backticked` commands become <code>."""
    return "".join(
        f"<code>{escaped(piece)}</code>" if is_code else escaped(piece)
        for piece, is_code in code_spans(text)
    )


def _severity(severity: Severity) -> str:
    """The severity's badge: coloured by its id, worded in the run's language."""
    return f'<span class="sev {escaped(severity.label)}">{escaped(severity.shown)}</span>'


def render_html(report: Report) -> str:
    """The whole page as one string."""
    out = [
        *_head(report),
        *_notes(report),
        *_checklist(report),
        *_findings(report),
        *_fixed(report),
    ]
    out += sign_in_map(report.sign_in_map)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _count(css: str, count: int, name: str) -> str:
    """One box of the summary counts."""
    box = f' class="{css}"' if css else ""
    return f"<li{box}><b>{count}</b>{escaped(name)}</li>"


def _head(report: Report) -> list[str]:
    """The document head, title and summary counts."""
    counts = report.summary
    baseline = (
        [
            _count("", counts["new"], shown_status("new")),
            _count("", counts["in_baseline"], shown_status("in baseline")),
        ]
        if report.baseline_used
        else []
    )
    meta = _("{path}, {count} accounts, generated {time} UTC by store-audit {version}").format(
        path=report.inventory_path,
        count=report.account_count,
        time=f"{report.generated_at:%Y-%m-%d %H:%M}",
        version=report.tool_version,
    )
    title = _("store-audit report: {path}").format(path=report.inventory_path)
    return [
        "<!DOCTYPE html>",
        f'<html lang="{current()}"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escaped(title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        element("h1", _("store-audit report")),
        f'<p class="meta">{escaped(meta)}</p>',
        '<ul class="counts">',
        *(_count(s.label, counts[s.label], s.shown) for s in sorted(Severity, reverse=True)),
        _count("", counts["suppressed"], shown_status("suppressed")),
        *baseline,
        "</ul>",
        f'<p class="muted">{escaped(summary_text(report))}</p>',
    ]


def _notes(report: Report) -> list[str]:
    """Scope, the onboarding verdict and expired ignores."""
    out = []
    if report.scope:
        scope = _("Findings involving {accounts} only.").format(accounts=listed(report.scope))
        out.append(f"<p>{escaped(scope)}</p>")
    verdict = report.gate_verdict()
    if verdict:
        gate = _("Gate:")
        out.append(f'<p class="gate">{element("strong", gate)} {escaped(verdict)}</p>')
    out += [
        f'<p class="gate">{escaped(sentence(describe_expired(x)))}</p>'
        for x in report.expired_ignores
    ]
    note = breach_note(report)
    if note:
        out.append(f'<p class="muted">{_prose(note)}</p>')
    return out


def _fixed(report: Report) -> list[str]:
    """The baseline's findings this run no longer finds."""
    note = fixed_note(report)
    if note is None:
        return []
    out = [element("h2", _("Fixed since the baseline")), f"<p>{escaped(sentence(note))}</p>"]
    changes = baseline_changes(report)
    if changes:
        out.append('<ul class="findings">')
        for label, key, change in changes:
            item = f"<code>{escaped(key)}</code>"
            if label != "fixed":
                item = _("{change}: {key}").format(change=escaped(shown_change(label)), key=item)
            if change:
                item = _("{change} ({note})").format(change=item, note=escaped(change))
            out.append(f"<li>{item}</li>")
        out.append("</ul>")
    return out


def _checklist(report: Report) -> list[str]:
    """The ranked actions, each with a tick box; with a baseline, new ones are marked."""
    out = [element("h2", _("Hardening checklist"))]
    if not report.checklist:
        return [*out, element("p", _("Nothing to fix."))]
    out.append('<ol class="checklist">')
    for action in report.checklist:
        new = (
            f' <span class="new">{escaped(shown_status("new"))}</span>'
            if report.is_new_action(action)
            else ""
        )
        protects = _("Protects {count}: {accounts}.").format(
            count=len(action.protects), accounts=escaped(listed(action.protects))
        )
        resolves = _("Resolves {keys}.").format(
            keys=listed(f"<code>{escaped(k)}</code>" for k in action.resolves)
        )
        out.append(
            f"<li>{action.rank}. {_severity(action.severity)}{new} "
            f"{sentence(_prose(action.action))}"
            f'<br><span class="muted">{_between(protects, resolves)}</span></li>'
        )
    out.append("</ol>")
    return out


def _between(first: str, second: str) -> str:
    """Two sentences one after another: a space between them in English, none in Chinese."""
    return _("{sentence} {next}").format(sentence=first, next=second)


def _findings(report: Report) -> list[str]:
    """Every finding, grouped by the accounts it involves; then the accounts with none (in a
    scoped report, only the scoped ones: the others were not looked at for findings)."""
    out = [element("h2", _("Findings by account"))]
    accounts = {a.id: a for a in report.accounts}
    clean = []
    for account_id, findings in findings_by_account(report).items():
        if not findings:
            if not report.scope or account_id in report.scope:
                clean.append(account_id)
            continue
        account = accounts[account_id]
        store = _(" ({name})").format(name=account.store) if account.store else ""
        what = _("{platform} {kind}, signs in as {login}").format(
            platform=account.platform_name, kind=shown_kind(account.kind), login=account.login
        )
        out.append(
            f"<h3>{escaped(account_id)}{escaped(store)}</h3>"
            f'<p class="muted">{escaped(what)}</p>'
            '<ul class="findings">'
        )
        out += [_finding(item, report) for item in findings]
        out.append("</ul>")
    if clean:
        none = sentence(_("No findings: {accounts}").format(accounts=listed(clean)))
        out.append(f'<p class="muted">{escaped(none)}</p>')
    return out


def _finding(item: Finding, report: Report) -> str:
    state = shown_state(item, report)
    shown = status(item, report) != "open"
    note = f' <span class="state">{escaped(state)}</span>' if shown else ""
    reason = _("Accepted: {reason}").format(reason=item.suppression_reason)
    accepted = "<br>" + element("span", reason, ' class="muted"') if item.suppressed else ""
    return (
        f"<li>{_severity(item.severity)}{note} <code>{escaped(item.key)}</code><br>"
        f"{sentence(_prose(item.message))}<br><em>{_prose(item.remediation)}</em>{accepted}</li>"
    )
