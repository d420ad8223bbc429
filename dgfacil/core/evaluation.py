"""The post-event evaluation: the form, the answers, and the figures the outcome report quotes.

The form comes from the template's `[evaluation]` table (stored as `workshop.evaluation_form`).
Likert levels are listed best first, as printed on the paper form ("Very satisfied" first); an
answer to a likert question is the 0-based index of its level, so "satisfied" is index 0 or 1.
A choice answer is the option's text; a text answer is the text.

Shares are computed from the counts with exact integer arithmetic and rounded half up to one
decimal — never through floats, whose `round()` rounds half to even and misreads 0.05 steps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from typing import Any

DEFAULT_LEVELS = ("Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied")
QUESTION_KINDS = ("likert", "text", "choice")
NOT_ASKED = "not asked in the imported survey"
TOP_LEVELS = 2  # "satisfied" = the top two levels, as the UN outcome reports count it


@dataclass(frozen=True)
class Question:
    key: str
    kind: str  # likert | text | choice
    text: str
    group: str = ""  # the stem shared by a grid of likert rows ("Please rate your level of…")
    levels: tuple[str, ...] = ()
    options: tuple[str, ...] = ()

    @property
    def choices(self) -> tuple[str, ...]:
        """What a respondent picks from: levels for likert, options for choice, nothing for text."""
        return self.levels if self.kind == "likert" else self.options if self.kind == "choice" else ()


@dataclass(frozen=True)
class EvaluationForm:
    title: str = "Evaluation"
    questions: tuple[Question, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> EvaluationForm:
        """The form from the stored dict (the template's EvaluationSpec dumped); tolerant of gaps."""
        data = data or {}
        questions = []
        for raw in data.get("questions", []) or []:
            kind = raw.get("kind", "likert")
            levels = tuple(raw.get("levels") or ())
            if kind == "likert" and not levels:
                levels = DEFAULT_LEVELS
            questions.append(
                Question(
                    key=str(raw["key"]),
                    kind=kind,
                    text=str(raw.get("text", raw["key"])),
                    group=str(raw.get("group", "")),
                    levels=levels,
                    options=tuple(raw.get("options") or ()),
                )
            )
        return cls(title=str(data.get("title", "Evaluation")), questions=tuple(questions))

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def groups(self) -> list[tuple[str, list[Question]]]:
        """Questions in form order, consecutive ones with the same group stem together."""
        out: list[tuple[str, list[Question]]] = []
        for q in self.questions:
            if out and out[-1][0] == q.group and q.group:
                out[-1][1].append(q)
            else:
                out.append((q.group, [q]))
        return out


@dataclass
class Response:
    answers: dict[str, Any]
    source: str = "typed"  # typed | csv | phone
    submitted_at: datetime | None = None
    external_id: str = ""
    id: int | None = None
    import_id: str = ""  # the import that last wrote it ("" when typed)
    not_asked: frozenset[str] = frozenset()  # questions its survey did not have (an import with no column)


def clean_answers(form: EvaluationForm, answers: dict[str, Any]) -> dict[str, Any]:
    """Answers checked against the form: unknown keys and out-of-range levels raise ValueError.

    Empty answers (None, "") are dropped: a blank on the paper form is no answer, not a zero.
    """
    cleaned: dict[str, Any] = {}
    for key, value in answers.items():
        q = form.question(key)
        if q is None:
            raise ValueError(f"the form has no question {key!r}")
        if value is None or value == "":
            continue
        if q.kind == "likert":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(q.levels):
                raise ValueError(f"{key}: {value!r} is not one of the {len(q.levels)} levels")
        elif q.kind == "choice":
            if q.options and value not in q.options:
                raise ValueError(f"{key}: {value!r} is not one of the options")
        else:
            value = str(value)
        cleaned[key] = value
    return cleaned


def counted(n: int, word: str, words: str = "") -> str:
    """'1 response', '2 responses' ('1 reply', '2 replies' with `words`)."""
    return f"{n} {word if n == 1 else words or word + 's'}"


# -- shares, rounded the way a report is read ---------------------------------------------


def tenths_half_up(part: int, whole: int) -> int | None:
    """100·part/whole in tenths of a per cent, rounded half up; None when whole is 0."""
    if whole <= 0:
        return None
    if part < 0 or part > whole:
        raise ValueError(f"{part} of {whole} is not a share")
    # floor(x + 1/2) on an exact fraction: 12.5 -> 13, 6.25 -> 6.3, 97.279... -> 97.3
    return math.floor(Fraction(1000 * part, whole) + Fraction(1, 2))


def percent_text(part: int, whole: int) -> str:
    """'97.3%' for 143 of 147; 'n/a' when nobody answered."""
    tenths = tenths_half_up(part, whole)
    if tenths is None:
        return "n/a"
    return f"{tenths // 10}.{tenths % 10}%"


def share_text(part: int, whole: int, no_answer: int = 0) -> str:
    """The report's way: '97.3% (143 of 147)'; when some gave no answer the denominator says so,
    '92.9% (130 of 140 answering; 7 no answer)', so a share never hides the missing answers."""
    if no_answer and not whole:
        return f"n/a (none of {no_answer} answered)"
    if no_answer:
        return f"{percent_text(part, whole)} ({part} of {whole} answering; {no_answer} no answer)"
    return f"{percent_text(part, whole)} ({part} of {whole})"


# -- statistics per question ---------------------------------------------------------------


@dataclass
class QuestionStats:
    question: Question
    counts: list[int] = field(default_factory=list)  # per level / option, in form order
    answered: int = 0
    unanswered: int = 0
    texts: list[str] = field(default_factory=list)  # free-text answers, in response order
    asked: bool = True  # False: no response's survey had the question (imports without its column)

    @property
    def satisfied(self) -> int:
        """Respondents in the top two levels (likert only)."""
        return sum(self.counts[:TOP_LEVELS]) if self.question.kind == "likert" else 0

    @property
    def satisfied_text(self) -> str:
        if not self.asked:
            return NOT_ASKED
        return share_text(self.satisfied, self.answered, self.unanswered)

    def distinct_texts(self) -> list[tuple[str, int]]:
        """Free-text answers without repeats, each with how many gave it, in order of first answer."""
        seen: dict[str, tuple[str, int]] = {}
        for text in self.texts:
            key = " ".join(text.split()).casefold()
            first, n = seen.get(key, (text.strip(), 0))
            seen[key] = (first, n + 1)
        return list(seen.values())

    def share(self, index: int) -> str:
        return percent_text(self.counts[index], self.answered)


def summarize(form: EvaluationForm, responses: list[Response]) -> list[QuestionStats]:
    """Distribution of answers per question. Shares are over those who answered the question."""
    stats = []
    for q in form.questions:
        s = QuestionStats(question=q, counts=[0] * len(q.choices))
        for r in responses:
            value = r.answers.get(q.key)
            if value is None or value == "":
                s.unanswered += 1
                continue
            if q.kind == "likert" and isinstance(value, int) and 0 <= value < len(q.levels):
                s.counts[value] += 1
            elif q.kind == "choice" and value in q.options:
                s.counts[q.options.index(value)] += 1
            elif q.kind == "text":
                s.texts.append(str(value))
            else:
                s.unanswered += 1  # a stale answer the form no longer offers
                continue
            s.answered += 1
        s.asked = bool(s.answered) or not responses or not all(q.key in r.not_asked for r in responses)
        stats.append(s)
    return stats
