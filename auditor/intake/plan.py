"""From a password manager's entries to a plan: which accounts to add, which are already there,
which would replace something (and need --force), and which entries are skipped and why.

Planning reads the inventory and the keyring but writes nothing; `auditor.intake.apply` carries a
plan out. A plan holds the secrets it will write (as redacted `Secret`s); the plan table shows
none of them.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from auditor.i18n import N_, _, listed, pgettext
from auditor.intake.disputes import describe_dispute, disputed_secret
from auditor.intake.fields import MFA_A_SEED_REPLACES
from auditor.intake.ids import NewIds
from auditor.intake.importers import ExportEntry
from auditor.intake.logins import LoginGroup, Skipped, group_by_login
from auditor.intake.naming import clash_note, store_name
from auditor.intake.proposal import NEEDS_FORCE as NEEDS_FORCE
from auditor.intake.proposal import ImportPlan as ImportPlan
from auditor.intake.proposal import Proposal as Proposal
from auditor.inventory import Account, Inventory
from auditor.inventory.editing import InventoryDocument
from auditor.progress import Progress
from auditor.secrets import Secret, SecretStore
from auditor.secrets.totp import TotpError, parse_totp


def _same(a: Secret | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return hmac.compare_digest(a.reveal().encode(), b.encode())


def plan_file(
    path: Path,
    entries: list[ExportEntry],
    store: SecretStore,
    keep_unknown: bool,
    progress: Progress | None = None,
) -> tuple[InventoryDocument, ImportPlan]:
    """The inventory at `path` as it is now (new when there is none), and the plan for it."""
    document = InventoryDocument.open(path)
    _, current = document.render()
    return document, plan_import(
        entries, current, store, keep_unknown=keep_unknown, progress=progress
    )


def plan_import(
    entries: list[ExportEntry],
    inventory: Inventory,
    store: SecretStore,
    *,
    keep_unknown: bool,
    progress: Progress | None = None,
) -> ImportPlan:
    """Map export entries to accounts and compare them with the inventory and the keyring,
    telling `progress` how far it has got (a 20,000-login export takes seconds)."""
    step = progress.step if progress else lambda phase, done, total: None
    skipped: list[Skipped] = []
    others: dict[str, int] = {}
    groups = group_by_login(entries, skipped, others, keep_unknown=keep_unknown)
    ids = NewIds({a.id for a in inventory.accounts})
    by_login = {(a.platform, a.login.casefold()): a for a in inventory.accounts}
    targets = []
    for done, ((platform_id, login_key), group) in enumerate(groups.items()):
        step(N_("planning the import"), done, len(groups))
        first = group.entries[0]
        rows = tuple(e.entry for e in group.entries)
        conflict = disputed_secret(group.entries)
        password = None if conflict == "passwords" else first.password
        seeds = [e.totp for e in group.entries if e.totp is not None]
        seed = seeds[0] if len({s.fingerprint() for s in seeds}) == 1 else None
        unusable = _seed_problem(seed) if seed is not None else None
        if unusable:  # `add` and `set-secret --totp` refuse it too: no seed, no mfa = totp
            seed = None
        existing = by_login.get((platform_id, login_key))
        account_id = existing.id if existing else ids.new(group, platform_id)
        targets.append(
            _Target(
                group,
                platform_id,
                password,
                seed,
                rows,
                existing,
                account_id,
                existing.service if existing else f"store-audit/{account_id}",
                existing.login if existing else first.username,
                unusable,
            )
        )
    stored = _keep_apart(targets, store, ids, step)
    proposals = tuple(
        _propose(t, stored[t.service, t.login], stored[f"{t.service}/totp", t.login])
        for t in targets
    )
    return ImportPlan(
        proposals,
        tuple(sorted(skipped, key=lambda s: s.entries)),
        tuple(sorted(others.items(), key=lambda kind: kind[0].casefold())),
    )


Stored = dict[tuple[str, str], str | None]
Step = Callable[[str, int, int], None]


def _read(targets: list[_Target], store: SecretStore, step: Step) -> Stored:
    """Everything the plan compares with, in one read (one connection for the Secret Service)."""
    pairs = [p for t in targets for p in ((t.service, t.login), (f"{t.service}/totp", t.login))]
    return store.read_many(pairs, lambda n: step(N_("reading the keyring"), n, len(pairs)))


def _keep_apart(targets: list[_Target], store: SecretStore, ids: NewIds, step: Step) -> Stored:
    """What the keyring holds for each target. A new account whose entries already hold other
    secrets (another inventory on this keyring, or ones left behind) gets another id, so an
    import never takes over entries this inventory does not name; identical secrets are the
    same account's and are kept."""
    stored = _read(targets, store, step)
    for _round in range(8):
        clashing = [
            i
            for i, t in enumerate(targets)
            if t.existing is None
            and any(
                value is not None and not _same(mine, value)
                for mine, value in (
                    (t.password, stored[t.service, t.login]),
                    (t.seed, stored[f"{t.service}/totp", t.login]),
                )
            )
        ]
        if not clashing:
            break
        for i in clashing:
            t = targets[i]
            account_id = ids.new(t.group, t.platform_id)
            targets[i] = replace(
                t,
                account_id=account_id,
                service=f"store-audit/{account_id}",
                clashed=t.clashed or t.service,
            )
        stored = _read(targets, store, step)
    return stored


@dataclass(frozen=True)
class _Target:
    """Entries for one login and the account they go to, before the keyring is compared."""

    group: LoginGroup
    platform_id: str
    password: Secret | None
    seed: Secret | None
    rows: tuple[int, ...]
    existing: Account | None
    account_id: str
    service: str
    login: str
    seed_problem: str | None
    """Why the export's seed is not imported (it cannot make the codes the site asks for)."""
    clashed: str | None = None
    """The service its first id would have used, already holding other secrets."""


def _seed_problem(seed: Secret) -> str | None:
    """Why a seed cannot be stored, in words that never quote it; None when it can."""
    try:
        parse_totp(seed)
    except TotpError as error:
        return str(error)
    return None


def _propose(target: _Target, stored_password: str | None, stored_seed: str | None) -> Proposal:
    first = target.group.entries[0]
    match = target.group.match
    kind = match.platform.kind if match else "other"
    region = match.region if match else None
    password, seed, rows = target.password, target.seed, target.rows
    existing = target.existing
    write_password = password is not None and not _same(password, stored_password)
    write_totp = seed is not None and not _same(seed, stored_seed)
    status, detail = _status(
        target, (write_password, stored_password is not None), (write_totp, stored_seed is not None)
    )
    disputed = describe_dispute(target.group.entries, target.account_id)
    between = pgettext("between problems", "; ")
    if disputed:
        detail += between + disputed
    if target.seed_problem:
        problem = _("TOTP seed not imported: {problem}").format(problem=target.seed_problem)
        detail += between + problem
    detail += clash_note(target.clashed)
    set_mfa = existing is not None and seed is not None and existing.mfa in MFA_A_SEED_REPLACES
    if set_mfa and existing is not None:
        status = "fill" if status == "unchanged" else status
        detail += between + _("sets mfa = totp (was {mfa})").format(mfa=existing.mfa)
    mfa = existing.mfa if existing is not None else "unknown"
    return Proposal(
        account_id=target.account_id,
        platform=target.platform_id,
        kind=kind,
        login=target.login,
        region=region.upper() if region else None,
        store=store_name(first.title) if kind == "store" else None,
        mfa="totp" if seed is not None and (set_mfa or existing is None) else mfa,
        password=password,
        totp=seed,
        entries=rows,
        exists=existing is not None,
        status=status,
        detail=detail,
        write_password=write_password,
        write_totp=write_totp,
        service=target.service,
        marketplaces=target.group.unified()[1],
        set_mfa=set_mfa,
        shared=between.join(dict.fromkeys(e.shared for e in target.group.entries if e.shared)),
    )


def _status(
    target: _Target, password: tuple[bool, bool], seed: tuple[bool, bool]
) -> tuple[str, str]:
    """What the import does to the account (`new`, `replace`, `fill`, `unchanged`) and says
    about it; `password` and `seed` are (written, already stored)."""
    writes = ((N_("password"), *password), (N_("TOTP seed"), *seed))
    replaces = [what for what, write, stored in writes if write and stored]
    if replaces:
        return "replace", _("replaces the {what} in the keyring").format(what=_both(replaces))
    if target.existing is None:
        detail = _("new account with TOTP seed") if target.seed else _("new account")
        rows = target.rows
        if len(rows) > 1 and disputed_secret(target.group.entries) is None:
            numbers = listed(map(str, rows))
            detail += _(" (entries {rows} are one login)").format(rows=numbers)
        return "new", detail
    adds = [what for what, write, _stored in writes if write]
    if adds:
        return "fill", _("adds the missing {what} to the keyring").format(what=_both(adds))
    return "unchanged", _("already in the inventory and keyring")


def _both(what: list[str]) -> str:
    """`password`, `TOTP seed`, `password and TOTP seed`, in the run's language."""
    names = [_(item) for item in what]
    if len(names) == 1:
        return names[0]
    return pgettext("a list of things", "{items} and {last}").format(items=names[0], last=names[1])
