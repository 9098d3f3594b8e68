"""Security-question answers: how the keyring entry holds them and how two are compared.

The entry (service `<service>/answers`, user name the login) holds one answer a line, in the
order the platform asks the questions. The audit keeps each answer only as a `Secret` of its
folded form (case and runs of spaces ignored: "Blue  Dog" is "blue dog"), to compare answers
between accounts by fingerprint; no answer, count per question or fragment is ever shown.
"""

from __future__ import annotations

from auditor.i18n import _

MAX_ANSWER_LENGTH = 256
"""Longer than any answer a platform accepts; a longer line is something else pasted."""


class AnswersError(ValueError):
    """Why a pasted list is not a list of answers; never quotes one."""


def split_answers(text: str | None) -> list[str]:
    """The answers in an entry: one a line, surrounding blanks and empty lines dropped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def folded(answer: str) -> str:
    """An answer as compared: case-folded, runs of white space made one space."""
    return " ".join(answer.casefold().split())


def check_answers(lines: list[str]) -> list[str]:
    """The answers to store, in order; AnswersError when there is none or one is too long (the
    message gives its number, never the answer)."""
    answers = [line.strip() for line in lines if line.strip()]
    if not answers:
        raise AnswersError(_("no answer given"))
    for number, answer in enumerate(answers, start=1):
        if len(answer) > MAX_ANSWER_LENGTH:
            raise AnswersError(
                _("answer {number} is longer than {count} characters; one answer a line").format(
                    number=number, count=MAX_ANSWER_LENGTH
                )
            )
    return answers
