"""Grouping a password manager's entries by login: the copies of one login on one platform
become one account, and the marketplaces they sign in to say whether that account is a unified
one (`amazon-na`). Entries that cannot become an account are set aside with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.i18n import _
from auditor.intake.importers import ExportEntry
from auditor.inventory import platforms
from auditor.inventory.reader import text_problem

SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,19}")
"""A URL scheme short enough to name in a message (the rest of the URL is never shown)."""


@dataclass(frozen=True)
class Skipped:
    """Export entries left out, and why."""

    entries: tuple[int, ...]
    """Their positions in the export."""
    title: str
    """The entry's title, so the user can find it."""
    reason: str
    """Why it is not imported."""


@dataclass
class LoginGroup:
    """Export entries for one login on one platform: one account to propose."""

    match: platforms.UrlMatch | None
    """The platform (and region) of the first entry's URL; None for an unknown site."""
    host: str
    """The first entry's host, which names an unknown site."""
    entries: list[ExportEntry]
    """The copies of the login, in export order."""
    regions: list[str]
    """Every marketplace region their URLs sign in to, in export order."""

    def unified(self) -> tuple[str | None, tuple[str, ...]]:
        """The unified account (and its regions, in entry order) when the entries sign in to
        several marketplaces of one: one login, one seller account."""
        if self.match is None or len(self.regions) < 2:
            return None, ()
        platform_id = self.match.platform.id
        groups = {platforms.unified_group(platform_id, r) for r in self.regions}
        if len(groups) != 1 or None in groups:
            return None, ()
        return groups.pop(), tuple(r.upper() for r in self.regions)


def group_by_login(
    entries: list[ExportEntry],
    skipped: list[Skipped],
    others: dict[str, int],
    *,
    keep_unknown: bool,
) -> dict[tuple[str, str], LoginGroup]:
    """Entries by platform and login; those that cannot be an account go to `skipped`, and
    items that are no login (cards, identities, notes) are counted by kind in `others`."""
    groups: dict[tuple[str, str], LoginGroup] = {}
    for item in entries:
        if item.kind != "login":
            others[item.kind] = others.get(item.kind, 0) + 1
            continue
        matches = [m for m in map(platforms.match_url, item.urls) if m]  # once: it is the cost
        match = matches[0] if matches else None
        host = next((h for h in map(platforms.url_host, item.urls) if h), "")
        reason = skip_reason(item, match is not None, host, keep_unknown)
        if reason:
            skipped.append(Skipped((item.entry,), item.title, reason))
            continue
        platform_id = match.platform.id if match else host
        key = (platform_id, item.username.casefold())
        group = groups.setdefault(key, LoginGroup(match, host, [], []))
        group.entries.append(item)
        regions = {m.region for m in matches if m.region}
        group.regions.extend(sorted(r for r in regions if r not in group.regions))
    return groups


def skip_reason(item: ExportEntry, known: bool, host: str, keep_unknown: bool) -> str | None:
    """Why an export entry cannot become an account, or None."""
    if item.password is None:
        return _("no password")
    if not item.username:
        return _("no user name")
    problem = text_problem(item.username)
    if problem:  # the inventory would refuse it as a login: skip it here, in every run
        return _("its user name {problem}").format(problem=problem)
    if not host:
        return _no_web_address(item.urls)
    if not known and not keep_unknown:
        return _("{host}: not a platform store-audit knows (--all keeps it)").format(host=host)
    return None


def _no_web_address(urls: tuple[str, ...]) -> str:
    """Why entries whose URLs name no website cannot be told apart (--all does not help)."""
    if not urls:
        return _("no URL: cannot tell which site it is for")
    scheme, has_scheme, _rest = urls[0].partition("://")
    if has_scheme and SCHEME.fullmatch(scheme):
        address = (
            _("its URL is an {scheme}:// address, not a website")
            if scheme[:1].lower() in "aeiou"
            else _("its URL is a {scheme}:// address, not a website")
        )
        return address.format(scheme=scheme.lower())
    return _("its URL is not a web address: cannot tell which site it is for")
