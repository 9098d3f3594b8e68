"""Address validation and the mailbox normaliser, with properties checked by hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.inventory.emails import address_problem, canonical_mailbox

LOCAL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=20)
DOMAINS = st.sampled_from(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "yahoo.com",
        "icloud.com",
        "proton.me",
        "acmehome.com",
        "example.org",
    ]
)


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("A.Owner+ca@GoogleMail.com", "aowner@gmail.com"),
        ("ops+amazon@hotmail.com", "ops@hotmail.com"),
        ("ops-shop@yahoo.com", "ops@yahoo.com"),
        ("ops+x@mac.com", "ops@icloud.com"),
        ("ops+x@pm.me", "ops@proton.me"),
        ("Ops.Team+x@AcmeHome.com", "ops.team+x@acmehome.com"),
        ("ops@xn--mazon-3ve.com", "ops@аmazon.com"),
        ("SellerName", "sellername"),
    ],
)
def test_canonical_mailbox(address: str, canonical: str) -> None:
    assert canonical_mailbox(address).canonical == canonical


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("ops@acmehome", "no top-level part"),
        ("ops@@acmehome.com", "more than one '@'"),
        ("@acmehome.com", "nothing comes before"),
        ("ops@", "nothing comes after"),
        ("ops @acmehome.com", "spaces"),
        ("ops..x@acmehome.com", "misplaced dot"),
        ("ops@acme_home.com", "characters a domain cannot have"),
        ("ops@xn--zz.com", "not valid punycode"),
        ("ops@10.0.0.1", "ends in a number"),
    ],
)
def test_invalid_addresses(value: str, problem: str) -> None:
    found = address_problem(value)
    assert found is not None and problem in found


@pytest.mark.parametrize(
    "value",
    [
        "ops@acmehome.com",
        "o.p.s+tag@gmail.com",
        "rené@exemple.fr",
        "张伟@例子.中国",
        "x@xn--mazon-3ve.com",
    ],
)
def test_valid_addresses(value: str) -> None:
    assert address_problem(value) is None


@given(LOCAL, DOMAINS)
def test_canonical_form_is_idempotent(local: str, domain: str) -> None:
    once = canonical_mailbox(f"{local}@{domain}").canonical
    assert canonical_mailbox(once).canonical == once


@given(LOCAL, DOMAINS, st.data())
def test_case_never_makes_a_different_mailbox(local: str, domain: str, data: st.DataObject) -> None:
    flips = data.draw(st.lists(st.booleans(), min_size=len(local), max_size=len(local)))
    shouted = "".join(c.upper() if f else c for c, f in zip(local, flips, strict=True))
    assert (
        canonical_mailbox(f"{shouted}@{domain.upper()}").canonical
        == canonical_mailbox(f"{local}@{domain}").canonical
    )


@given(LOCAL, LOCAL, st.integers(min_value=0, max_value=19))
def test_gmail_dots_and_tags_are_one_mailbox(local: str, tag: str, dot_at: int) -> None:
    dotted = local[:dot_at] + "." + local[dot_at:] if 0 < dot_at < len(local) else local
    assert (
        canonical_mailbox(f"{dotted}+{tag}@googlemail.com").canonical
        == canonical_mailbox(f"{local}@gmail.com").canonical
    )


@given(LOCAL, LOCAL, DOMAINS)
def test_different_local_parts_stay_different(one: str, two: str, domain: str) -> None:
    # Gmail's dots and tags aside (the alphabet holds neither), different names are different
    # mailboxes on every provider.
    if one != two:
        assert (
            canonical_mailbox(f"{one}@{domain}").canonical
            != canonical_mailbox(f"{two}@{domain}").canonical
        )


@given(LOCAL, DOMAINS, LOCAL)
def test_tags_on_unknown_domains_are_kept(local: str, domain: str, tag: str) -> None:
    if domain in ("acmehome.com", "example.org"):
        assert (
            canonical_mailbox(f"{local}+{tag}@{domain}").canonical
            != canonical_mailbox(f"{local}@{domain}").canonical
        )
