"""How an answer in an export becomes a level of the form, said in words for the preview.

In order: the user's own mapping; the level's exact text; the same place on a common scale
("Satisfied" is the second of five on the satisfaction scale, so it is the form's second level,
"Somehow Satisfied"); a number 1..N with N the best (or 1 the best, when the user says so);
a near spelling ("Somewhat satisfied" for "Somehow Satisfied"). Anything else is unmapped,
and an import with an unmapped answer writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from dgfacil.core.evaluation import Question
from dgfacil.io.survey.table import normalize

CLOSE = 0.84  # "Somewhat satisfied" is close enough to "Somehow Satisfied"; "Satisfied" is not
NO_ANSWER = ""  # what --answer "N/A=" maps to: the respondent gave no answer

# Common scales, best first; each place lists the words tools and templates use for it.
SCALES: tuple[tuple[frozenset[str], ...], ...] = tuple(
    tuple(frozenset(words.split("|")) for words in scale)
    for scale in (
        (
            "very satisfied|extremely satisfied|completely satisfied|highly satisfied",
            "satisfied|somewhat satisfied|somehow satisfied|fairly satisfied|mostly satisfied|moderately satisfied",
            "neither satisfied nor dissatisfied|neither satisfied or dissatisfied|neutral|neither|undecided",
            "dissatisfied|somewhat dissatisfied|somehow dissatisfied|unsatisfied|fairly dissatisfied"
            "|mostly dissatisfied",
            "very dissatisfied|extremely dissatisfied|completely dissatisfied|very unsatisfied|highly dissatisfied",
        ),
        (
            "strongly agree|completely agree|totally agree|fully agree",
            "agree|somewhat agree|somehow agree|mostly agree|tend to agree|partly agree",
            "neither agree nor disagree|neither agree or disagree|neutral|neither|undecided",
            "disagree|somewhat disagree|somehow disagree|mostly disagree|tend to disagree|partly disagree",
            "strongly disagree|completely disagree|totally disagree",
        ),
        ("excellent", "very good", "good", "fair|average", "poor"),
        ("excellent", "good", "fair|average", "poor"),
        (
            "very useful|extremely useful",
            "useful|somewhat useful|quite useful",
            "neutral|moderately useful",
            "not very useful|slightly useful",
            "not useful|not at all useful|useless",
        ),
    )
)


@dataclass(frozen=True)
class Reading:
    """What one distinct answer of one question was read as."""

    value: str
    level: int | None  # index into the question's choices; None = unmapped
    how: str  # exact | user | scale | number | other | close | blank | unmapped

    def said(self, q: Question) -> str:
        target = "no answer" if self.how == "blank" else repr(q.choices[self.level]) if self.level is not None else "?"
        place = f"{(self.level or 0) + 1} of {len(q.choices)}"
        why = {
            "scale": f"the same place on the scale, {place}",
            "number": f"a number on the scale, {place}",
            "close": "a near spelling",
            "other": "the tool's label for the form's Other",
            "user": "as you mapped it",
            "blank": "as you mapped it",
        }.get(self.how, "")
        return f"{self.value!r} -> {target}" + (f" ({why})" if why else "")


def _scale_places(words: list[str]) -> tuple[int, tuple] | None:
    """The first common scale on which every word has a place, places in order: (scale index, places)."""
    for index, scale in enumerate(SCALES):
        places = []
        for word in words:
            place = next((p for p, names in enumerate(scale) if word in names), None)
            if place is None:
                break
            places.append(place)
        else:
            if places == sorted(set(places)):
                return index, tuple(places)
    return None


def _number(value: str) -> int | None:
    m = re.fullmatch(r"\s*(\d{1,2})(?:\.0+)?\s*", value)
    return int(m.group(1)) if m else None


def read_answers(q: Question, values: list[str], user: dict[str, str], *, one_best: bool = False) -> dict[str, Reading]:
    """Each distinct answer of question `q` read as a level (or an option), or left unmapped.

    `user` maps normalised answer texts to a level's text ("" = no answer)."""
    choices = q.choices
    names = [normalize(c) for c in choices]
    form_scale = _scale_places(names) if q.kind == "likert" else None
    out: dict[str, Reading] = {}
    pending = []
    for value in dict.fromkeys(values):
        v = normalize(value)
        if v in user:
            if normalize(user[v]) in ("", "none", "no answer"):
                out[value] = Reading(value, None, "blank")
                continue
            # the user's level is read like an answer: a level's text, a scale word ("Neutral"), a number
            target = read_answers(q, [user[v]], {}, one_best=one_best)[user[v]]
            if target.level is not None:
                out[value] = Reading(value, target.level, "user")
                continue
        if v in names:
            out[value] = Reading(value, names.index(v), "exact")
            continue
        pending.append(value)
    # the whole export's vocabulary decides a scale when the form's own wording is not a common scale
    export_scale = None
    if form_scale is None and q.kind == "likert":
        for index, scale in enumerate(SCALES):
            if len(scale) == len(choices) and all(any(normalize(p) in n for n in scale) for p in pending) and pending:
                export_scale = index
                break
    for value in pending:
        v = normalize(value)
        out[value] = Reading(value, None, "unmapped")
        if q.kind == "likert":
            if form_scale is not None:
                scale, places = SCALES[form_scale[0]], form_scale[1]
                place = next((p for p, n in enumerate(scale) if v in n), None)
                if place is not None and place in places:
                    out[value] = Reading(value, places.index(place), "scale")
                    continue
            elif export_scale is not None:
                place = next(p for p, n in enumerate(SCALES[export_scale]) if v in n)
                out[value] = Reading(value, place, "scale")
                continue
            n = _number(value)
            if n is not None and 1 <= n <= len(choices):
                out[value] = Reading(value, n - 1 if one_best else len(choices) - n, "number")
                continue
        other = next((i for i, n in enumerate(names) if n == "other" or n.startswith("other ")), None)
        if q.kind == "choice" and other is not None and re.fullmatch(r"other( please)?( specify| describe)?", v):
            out[value] = Reading(value, other, "other")  # SurveyMonkey's "Other (please specify)"
            continue
        if names:
            scored = sorted(((SequenceMatcher(None, v, c).ratio(), i) for i, c in enumerate(names)), reverse=True)
            if scored[0][0] >= CLOSE and (len(scored) == 1 or scored[0][0] - scored[1][0] > 0.05):
                out[value] = Reading(value, scored[0][1], "close")
    return out
