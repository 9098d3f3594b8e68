"""password.weak: a password zxcvbn or the habits of Chinese-speaking users guess quickly, or
shorter than the policy allows (the rule itself: auditor/strength/verdict.py)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.check import Check, Fix, change_passwords
from auditor.checks.context import AuditContext
from auditor.findings import Finding
from auditor.i18n import N_, _, clause_list, ngettext, pgettext
from auditor.strength import MAX_SCORED_LENGTH, Strength, Weakness
from auditor.strength.estimate import HABITS
from auditor.vocabulary import Severity

ZXCVBN_WARNINGS = (
    N_("Straight rows of keys are easy to guess."),
    N_("Short keyboard patterns are easy to guess."),
    N_('Repeats like "aaa" are easy to guess.'),
    N_('Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    N_("This is a top-10 common password."),
    N_("This is a top-100 common password."),
    N_("This is a very common password."),
    N_("This is similar to a commonly used password."),
    N_("Sequences like abc or 6543 are easy to guess."),
    N_("Recent years are easy to guess."),
    N_("A word by itself is easy to guess."),
    N_("Dates are often easy to guess."),
    N_("Names and surnames by themselves are easy to guess."),
    N_("Common names and surnames are easy to guess."),
)
"""zxcvbn's warnings (zxcvbn-rs-py 0.3), for translation: zxcvbn says them in English only; one
it adds later is shown as it says it."""


def find_weak_passwords(context: AuditContext) -> Iterator[Finding]:
    """Score each password with the account's names as hints; report the score and why."""
    for account in context.reported_accounts:
        if not context.strength_matters(account):
            continue
        strength = context.strength(account)
        weak = context.weakness(account)
        if strength is None or weak is None:
            continue
        yield CHECK.finding(
            [account.id],
            _why(account.id, strength, weak),
            _(
                "Change the {platform} password to a unique generated one of 16 or more "
                "characters, from a password manager."
            ).format(platform=account.platform_name),
        )


def _why(account_id: str, strength: Strength, weak: Weakness) -> str:
    """Why, in words: the score, the length rule, and what made the score (the habit a password
    is built on, or zxcvbn's warning). zxcvbn's suggestions ("Add another word or two") are for
    passwords people choose; the advice here is a generated one, so they are left out."""
    reasons = [_score(strength, weak)]
    if weak.min_length is not None:
        reasons.append(
            ngettext(
                "it is shorter than the policy's {count} character",
                "it is shorter than the policy's {count} characters",
                weak.min_length,
            ).format(count=weak.min_length)
        )
    said = _("{id}'s password is weak: {reasons}").format(
        id=account_id, reasons=clause_list(reasons)
    )
    if strength.habit:
        said = _("{weak}. It is built on {habits}").format(
            weak=said, habits=_word_list(habits_said(strength.habit))
        )
    elif strength.warning:
        said = _("{weak}. zxcvbn: {warning}").format(
            weak=said, warning=_(strength.warning).rstrip(".。")
        )
    if strength.truncated:
        said = ngettext(
            "{text} (only its first {count} character was scored)",
            "{text} (only its first {count} characters were scored)",
            MAX_SCORED_LENGTH,
        ).format(text=said, count=MAX_SCORED_LENGTH)
    return said


def _score(strength: Strength, weak: Weakness) -> str:
    """`zxcvbn scores it 1 of 4 (the policy asks for 3)`: zxcvbn's score, or the lower one the
    habits of Chinese-speaking users give it."""
    by_zxcvbn = strength.score == strength.zxcvbn_score
    if weak.min_score is None:
        text = _("zxcvbn scores it {score} of 4") if by_zxcvbn else _("it scores {score} of 4")
    elif by_zxcvbn:
        text = _("zxcvbn scores it {score} of 4 (the policy asks for {minimum})")
    else:
        text = _("it scores {score} of 4 (the policy asks for {minimum})")
    return text.format(score=weak.score, minimum=weak.min_score)


def _word_list(words: list[str]) -> str:
    """`a, b and c` of words, not ids: Chinese writes them without spaces (`拼音姓名和日期`)."""
    if len(words) <= 1:
        return "".join(words)
    separator = pgettext("between words of a list", ", ")
    pattern = pgettext("words of a list", "{items} and {last}")
    return pattern.format(items=separator.join(words[:-1]), last=words[-1])


def habits_said(habit: str) -> list[str]:
    """The habits a password is built on, each in the run's language, from the English words
    the scorer gave (`a romanised name and a date`: scoring runs in worker processes, which
    speak English), in the order it named them."""
    found = sorted((habit.find(words), words) for words in HABITS.values() if words in habit)
    return [_(words) for _position, words in found] or [habit]


CHECK = Check(
    id="password.weak",
    severity=Severity.HIGH,
    fires_when=N_("zxcvbn score below policy, or shorter than policy, with zxcvbn's own feedback"),
    advice=N_("Change it to a unique generated password of 16 or more characters."),
    run=find_weak_passwords,
    fix=Fix.PASSWORD,
    action=change_passwords,
    weakens_mailbox=True,
    needs_strength=True,
)
