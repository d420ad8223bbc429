"""Reading a survey export against the workshop's form: which column is which question, which
answer is which level, who each respondent is — and, in words, everything that was decided.

Columns match questions by text similarity (or by the user's hand); metadata columns of the
survey tools are recognised and left out; answers are read as scales.py says; who a respondent
is, identity.py says (id, start time, e-mail, name), so importing a corrected export again
updates those respondents instead of adding them twice. Of a workbook, the sheet whose header
matches the form best is read.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from dgfacil.core.evaluation import EvaluationForm, Question, Response, counted
from dgfacil.io.survey.identity import identify
from dgfacil.io.survey.scales import Reading, read_answers
from dgfacil.io.survey.table import SurveyImportError, SurveyTable, normalize, read_tables

COLUMN_THRESHOLD = 0.72  # below this a header is not taken to be a question
# Respondent metadata the tools write (normalised): never answers, never reported as unused. In order:
# Google Forms, Microsoft Forms, SurveyMonkey, KoboToolbox, LimeSurvey.
METADATA = frozenset(
    {
        "timestamp",
        "email address",
        "score",
        "username",
        "total score",
        "id",
        "start time",
        "completion time",
        "email",
        "name",
        "last modified time",
        "total points",
        "quiz feedback",
        "respondent id",
        "collector id",
        "start date",
        "end date",
        "ip address",
        "first name",
        "last name",
        "custom data",
        "start",
        "end",
        "today",
        "deviceid",
        "subscriberid",
        "simserial",
        "phonenumber",
        "audit",
        "uuid",
        "submission time",
        "validation status",
        "notes",
        "status",
        "submitted by",
        "version",
        "tags",
        "index",
        "parent index",
        "meta instanceid",
        "meta instancename",
        "response id",
        "date submitted",
        "submitdate",
        "last page",
        "lastpage",
        "start language",
        "startlanguage",
        "seed",
        "date started",
        "startdate",
        "date last action",
        "datestamp",
        "ipaddr",
        "referrer url",
        "refurl",
        "token",
    }
)


def _is_metadata(header: str) -> bool:
    h = normalize(header)
    return h in METADATA or bool(re.fullmatch(r"custom data \d+", h))


@dataclass
class ColumnMatch:
    column: int
    header: str
    question: str  # question key
    score: float
    by_hand: bool = False


@dataclass
class SurveyRead:
    """What an import would write, and why; nothing is written by reading."""

    table: SurveyTable
    form: EvaluationForm
    responses: list[Response] = field(default_factory=list)
    legacy_ids: list[str] = field(default_factory=list)  # ids earlier versions gave the same rows
    columns: list[ColumnMatch] = field(default_factory=list)
    metadata_columns: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # headers that matched no question
    missing_questions: list[str] = field(default_factory=list)  # question keys with no column
    readings: dict[str, dict[str, Reading]] = field(default_factory=dict)  # key -> value -> reading
    counts: dict[str, Counter] = field(default_factory=dict)  # key -> value -> how often
    empty_rows: int = 0
    repeats: list[str] = field(default_factory=list)  # respondents who answered more than once, in words
    identity: str = ""
    one_best: bool = False

    def unmapped(self) -> list[tuple[str, int, list[str]]]:
        """(answer, how often, question keys) for every answer that maps to no level, most frequent first."""
        found: dict[str, tuple[int, list[str]]] = {}
        for key, readings in self.readings.items():
            for value, r in readings.items():
                if r.how == "unmapped":
                    n, keys = found.get(value, (0, []))
                    found[value] = (n + self.counts[key][value], keys + [key])
        return sorted(((v, n, keys) for v, (n, keys) in found.items()), key=lambda t: (-t[1], t[0]))

    @property
    def blocked(self) -> bool:
        return bool(self.unmapped())

    def decisions(self) -> list[tuple[str, int, int]]:
        """Answers read otherwise than by their exact text: (line, answers, questions), most frequent first."""
        grouped: dict[str, list[int]] = {}
        for key, readings in self.readings.items():
            q = self.form.question(key)
            for value, r in readings.items():
                if r.how not in ("exact", "unmapped", "number"):  # numbers are stated once, in lines()
                    entry = grouped.setdefault(r.said(q), [0, 0])
                    entry[0] += self.counts[key][value]
                    entry[1] += 1
        return sorted(((line, n, k) for line, (n, k) in grouped.items()), key=lambda t: (-t[1], t[0]))

    def numbers_used(self) -> list[Question]:
        return [self.form.question(k) for k, rs in self.readings.items() if any(r.how == "number" for r in rs.values())]

    def lines(self) -> list[str]:
        """The preview in words, one finding a line, for the command line and the app."""
        t = self.table
        out = [
            f"{t.describe()}: {counted(len(self.responses), 'response')}"
            + (f"; {counted(self.empty_rows, 'empty row')} skipped" if self.empty_rows else "")
        ]
        out += [f"  {note}" for note in t.notes]
        out.append(f"respondents known by {self.identity}")
        out += [f"WARNING {line}" for line in self.repeats]
        out.append(f"{counted(len(self.columns), 'column')} matched to questions:")
        for m in self.columns:
            how = "by hand" if m.by_hand else "same text" if m.score >= 0.999 else f"similarity {m.score:.2f}"
            out.append(f"  {_short(m.header)} -> {m.question} ({how})")
        if self.metadata_columns:
            out.append(f"respondent details left out: {', '.join(self.metadata_columns)}")
        for header in self.ignored_columns:
            out.append(f"column not used: {_short(header)}")
        for key in self.missing_questions:
            out.append(f"no column for question {key}: {_short(self.form.question(key).text)}")
        numbered: dict[tuple, list[str]] = {}
        for q in self.numbers_used():
            numbered.setdefault((len(q.levels), q.levels[0], q.levels[-1]), []).append(q.key)
        for (n, best, worst), keys in numbered.items():
            high, low = (1, n) if self.one_best else (n, 1)
            out.append(
                f"numbers 1..{n} read with {high} the best ({high} = {best!r}, {low} = {worst!r}) in "
                f"{', '.join(keys)}; say so if {low} is the best"
            )
        for line, n, k in self.decisions():
            out.append(f"answer {line}: {n}x" + (f" in {k} questions" if k > 1 else ""))
        for value, n, keys in self.unmapped():
            q = self.form.question(keys[0])
            out.append(
                f"UNMAPPED answer {_short(value, 60)} ({n}x in {', '.join(keys)}); levels: {' | '.join(q.choices)}"
            )
        return out


def _short(text: str, width: int = 90) -> str:
    """Cut from the middle: a grid's columns share a long stem and differ in the "[Row]" at the end."""
    if len(text) <= width:
        return repr(text)
    tail = max(width // 3, len(text) - text.rfind("[") if text.endswith("]") and "[" in text else 0)
    tail = min(tail, width - 20)
    return repr(text[: width - tail - 1] + "…" + text[-tail:])


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b).ratio()
    ta, tb = set(a.split()), set(b.split())
    jaccard = len(ta & tb) / len(ta | tb)
    # a header that contains the whole question text (or the reverse) is a strong sign
    contained = 0.9 if (len(b) >= 12 and b in a) or (len(a) >= 12 and a in b) else 0.0
    return max(ratio, jaccard, contained)


def _column_score(header: str, q: Question) -> float:
    h = normalize(header)
    if h == normalize(q.key):
        return 1.0
    inner = re.search(r"\[([^\]]*)\]\s*$", header)  # a grid row: "Stem [Row]"
    candidates = [_similarity(h, normalize(q.text))]
    if inner:
        row = normalize(inner.group(1))
        stem = normalize(header[: inner.start()])
        row_score = _similarity(row, normalize(q.text))
        stem_score = _similarity(stem, normalize(q.group)) if q.group else 0.5
        candidates.append(row_score * (0.85 + 0.15 * stem_score))
    if q.group:
        candidates.append(_similarity(h, normalize(f"{q.group} {q.text}")))
    return max(candidates)


def match_columns(
    headers: list[str], form: EvaluationForm, by_hand: dict[int, str] | None = None, skip: set[int] | None = None
) -> list[ColumnMatch]:
    """One column per question at most: the user's choices, then the best pairs above the threshold."""
    by_hand, skip = by_hand or {}, skip or set()
    matches = [ColumnMatch(c, headers[c], key, 1.0, True) for c, key in by_hand.items() if key]
    used_cols = set(by_hand) | skip
    used_keys = {m.question for m in matches}
    pairs = sorted(
        (
            (_column_score(h, q), c, q.key)
            for c, h in enumerate(headers)
            if c not in used_cols
            for q in form.questions
            if q.key not in used_keys
        ),
        key=lambda p: (-p[0], p[1]),
    )
    for score, c, key in pairs:
        if score < COLUMN_THRESHOLD or c in used_cols or key in used_keys:
            continue
        used_cols.add(c)
        used_keys.add(key)
        matches.append(ColumnMatch(c, headers[c], key, round(score, 3)))
    return sorted(matches, key=lambda m: m.column)


def _hand_columns(headers: list[str], form: EvaluationForm, columns: dict[str, str]) -> dict[int, str]:
    """--column "HEADER=KEY" resolved to column numbers; KEY "" (or "-") leaves the column out."""
    out: dict[int, str] = {}
    normal = [normalize(h) for h in headers]
    for header, key in columns.items():
        key = "" if key.strip() in ("", "-") else key.strip()
        hits = [c for c, h in enumerate(headers) if h == header.strip()] or [
            c for c, h in enumerate(normal) if h == normalize(header)
        ]
        if not hits:
            raise SurveyImportError(f"no column {header!r} in the file")
        if key and form.question(key) is None:
            raise SurveyImportError(
                f"the form has no question {key!r} (questions: {', '.join(q.key for q in form.questions)})"
            )
        out[hits[0]] = key
    return out


def _columns_of(table: SurveyTable, form: EvaluationForm, columns: dict[str, str]):
    hand = _hand_columns(table.headers, form, columns)
    meta = {c for c, h in enumerate(table.headers) if _is_metadata(h) and c not in hand}
    return hand, meta, match_columns(table.headers, form, hand, meta | {c for c, k in hand.items() if not k})


def _best_sheet(tables: list[SurveyTable], form: EvaluationForm, columns: dict[str, str], sheet: str | None):
    """(table, hand columns, metadata columns, matches) of the sheet asked for or matching the form best."""
    names = ", ".join(repr(t.sheet) for t in tables)
    if sheet:
        chosen = [t for t in tables if t.sheet == sheet] or [
            t for t in tables if normalize(t.sheet) == normalize(sheet)
        ]
        if not chosen or not tables[0].sheet:
            raise SurveyImportError(
                f"no sheet {sheet!r} in the file" + (f" (sheets: {names})" if tables[0].sheet else "")
            )
        return (chosen[0], *_columns_of(chosen[0], form, columns))
    if len(tables) == 1:
        return (tables[0], *_columns_of(tables[0], form, columns))
    scored = []
    for table in tables:
        try:
            scored.append((table, *_columns_of(table, form, columns)))
        except SurveyImportError:  # a column asked for by hand is not on this sheet
            continue
    if not scored:
        raise SurveyImportError(f"no sheet has every column asked for (sheets: {names})")
    best = max(scored, key=lambda t: (len(t[3]), -tables.index(t[0])))
    best[0].notes.append(f"read the sheet {best[0].sheet!r}, whose header matches the form best (sheets: {names})")
    return best


def read_survey(
    data: bytes,
    form: EvaluationForm,
    *,
    name: str = "",
    encoding: str | None = None,
    columns: dict[str, str] | None = None,
    answers: dict[str, str] | None = None,
    question_answers: dict[str, dict[str, str]] | None = None,
    one_best: bool = False,
    sheet: str | None = None,
) -> SurveyRead:
    """What importing `data` (named `name`) would write, with the reasons. Raises SurveyImportError.

    `columns` maps headers to question keys; `answers` maps answer texts to levels for every
    question, `question_answers` for one question (key -> text -> level), taking precedence.
    Of a workbook, the sheet named `sheet` is read, else the one whose header matches the form best."""
    if not form.questions:
        raise SurveyImportError("the workshop has no evaluation form to match the columns to")
    table, _, meta, matches = _best_sheet(read_tables(data, encoding=encoding), form, columns or {}, sheet)
    headers = table.headers
    if not matches:
        raise SurveyImportError("no column matches a question of the form; is this the right survey?")
    read = SurveyRead(table=table, form=form, columns=matches, one_best=one_best)
    matched = {m.column for m in matches}
    read.metadata_columns = [headers[c] for c in sorted(meta) if headers[c]]
    read.ignored_columns = [h for c, h in enumerate(headers) if c not in matched and c not in meta and h]
    read.missing_questions = [q.key for q in form.questions if q.key not in {m.question for m in matches}]
    rows = []
    for number, row in table.rows:
        if any(row):
            rows.append((number, row))
        else:
            read.empty_rows += 1
    cell = lambda row, c: row[c] if c is not None and c < len(row) else ""  # noqa: E731
    user = {normalize(k): v for k, v in (answers or {}).items()}
    for m in matches:
        q = form.question(m.question)
        if q.kind == "text" or not q.choices:  # free text, or a choice the form lists no options for
            continue
        values = [v for _, row in rows if (v := cell(row, m.column))]
        read.counts[q.key] = Counter(values)
        own = {normalize(k): v for k, v in (question_answers or {}).get(q.key, {}).items()}
        read.readings[q.key] = read_answers(q, values, {**user, **own}, one_best=one_best)
    who = identify(headers, rows, meta, name)
    read.identity, read.repeats = who.known_by, who.repeats
    for (number, row), ident in zip(rows, who.identities, strict=True):
        got: dict = {}
        for m in matches:
            value = cell(row, m.column)
            if not value:
                continue
            q = form.question(m.question)
            if q.key not in read.readings:
                got[q.key] = value
                continue
            r = read.readings[q.key][value]
            if r.level is not None:
                got[q.key] = r.level if q.kind == "likert" else q.options[r.level]
        read.responses.append(
            Response(answers=got, source="csv", submitted_at=ident.instant, external_id=ident.encode())
        )
        # the id an earlier dgfacil gave this row, so files imported before are updated too
        read.legacy_ids.append(hashlib.sha1("\x1f".join([str(number), *row]).encode()).hexdigest()[:16])
    return read
